/*
 * Copyright 2026 The Flink Stream ML Authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except
 * in compliance with the License. You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software distributed under the License
 * is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express
 * or implied. See the License for the specific language governing permissions and limitations under
 * the License.
 */
package io.streamml.linear;

/**
 * Test-then-train evaluation of one online mini-batch: the summary of its rows' predictions by
 * {@code modelVersion}, the version that then learned from the batch (and produced version + 1).
 */
public class BatchEvaluation {
    public long batch;
    public long modelVersion;
    public long timestamp;
    public SliceEvaluation summary;

    public BatchEvaluation() {}

    public BatchEvaluation(long batch, long modelVersion, long timestamp, SliceEvaluation summary) {
        this.batch = batch;
        this.modelVersion = modelVersion;
        this.timestamp = timestamp;
        this.summary = summary;
    }
}
