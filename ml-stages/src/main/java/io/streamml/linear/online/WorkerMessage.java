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
package io.streamml.linear.online;

import io.streamml.common.input.VectorSizes;
import io.streamml.common.minibatch.Slice;
import io.streamml.linear.SliceEvaluation;
import io.streamml.linear.training.MiniBatchGradient;

import org.apache.flink.annotation.Internal;

/**
 * A worker's message to the online coordinator: either a report about its slices ({@link #report}:
 * a slice closed, with its rows' feature dimension when known, or progress, idleness, end), or its
 * reply to a batch request: the loss and gradient sums of its slices of that batch.
 */
@Internal
public class WorkerMessage {
    public int subtask;

    /**
     * A slice report, or null for a reply; a report of rows carries their count per vector size,
     * from which the coordinator takes the model's size when no initial model gives it.
     */
    public Slice<VectorSizes> report;

    public long batch;
    public MiniBatchGradient gradient;

    /** The slices' test-then-train predictions, or null when not asked for. */
    public SliceEvaluation evaluation;

    public WorkerMessage() {}

    static WorkerMessage report(Slice<VectorSizes> report) {
        WorkerMessage message = new WorkerMessage();
        message.subtask = report.subtask;
        message.report = report;
        return message;
    }

    static WorkerMessage reply(
            int subtask, long batch, MiniBatchGradient gradient, SliceEvaluation evaluation) {
        WorkerMessage message = new WorkerMessage();
        message.subtask = subtask;
        message.batch = batch;
        message.gradient = gradient;
        message.evaluation = evaluation;
        return message;
    }
}
