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

import io.streamml.optim.MiniBatchGradient;

/**
 * A worker's message to the online coordinator: its mini-batch slice's loss and gradient sums
 * (batch ≥ 0), or, before any model exists, the feature dimension it saw (batch = -1), so the
 * coordinator can start from zeros.
 */
public class OnlineReply {
    public int subtask;
    public long batch;
    public int dim;
    public long timestamp;
    public MiniBatchGradient gradient;

    /** The slice's test-then-train predictions, or null when not asked for. */
    public SliceEvaluation evaluation;

    public OnlineReply() {}

    OnlineReply(
            int subtask,
            long batch,
            int dim,
            long timestamp,
            MiniBatchGradient gradient,
            SliceEvaluation evaluation) {
        this.evaluation = evaluation;
        this.subtask = subtask;
        this.batch = batch;
        this.dim = dim;
        this.timestamp = timestamp;
        this.gradient = gradient;
    }
}
