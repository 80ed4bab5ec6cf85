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
import io.streamml.linear.LinearModelData;
import io.streamml.linear.loss.SquaredLoss;
import io.streamml.linear.training.LinearTrainingConfig;
import io.streamml.linear.training.MiniBatchGradient;
import io.streamml.regression.linearregression.LinearRegression;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Snapshot and restore of the {@link OnlineCoordinator}, taken in the middle of a mini-batch (one
 * worker has replied, the other not yet): the restored coordinator must step to exactly the version
 * an uninterrupted one does, and that version must be the SGD step worked out here.
 */
class OnlineCoordinatorTest {
    private static final double LEARNING_RATE = 0.5;
    private static final double[][] ROWS_OF_SUBTASK_0 = {{1, 2}, {3, -1}};
    private static final double[] LABELS_OF_SUBTASK_0 = {1, 0.5};
    private static final double[][] ROWS_OF_SUBTASK_1 = {{-2, 0.5}};
    private static final double[] LABELS_OF_SUBTASK_1 = {2};

    private static LinearTrainingConfig config() {
        return new LinearRegression()
                .setOptimizer("sgd")
                .setLearningRate(LEARNING_RATE)
                .onlineTrainingConfig("LinearRegression", SquaredLoss.INSTANCE, false);
    }

    private static TwoInputStreamOperatorTestHarness<WorkerMessage, ModelRequest, ModelRequest>
            harness() throws Exception {
        return new TwoInputStreamOperatorTestHarness<>(new OnlineCoordinator(config(), 2, false));
    }

    private static StreamRecord<WorkerMessage> closedSlice(int subtask) {
        Slice<VectorSizes> report = new Slice<>();
        report.kind = Slice.CLOSED;
        report.subtask = subtask;
        report.timestamp = Long.MAX_VALUE;
        // Rows of size 2, as many as the subtask has.
        report.content = new VectorSizes();
        report.content.add(2, subtask == 0 ? ROWS_OF_SUBTASK_0.length : ROWS_OF_SUBTASK_1.length);
        return new StreamRecord<>(WorkerMessage.report(report));
    }

    private static StreamRecord<WorkerMessage> reply(
            int subtask, double[][] rows, double[] labels, double[] parameters) {
        MiniBatchGradient gradient = new MiniBatchGradient(SquaredLoss.INSTANCE, 2, true);
        for (int r = 0; r < rows.length; r++) {
            gradient.addDense(rows[r], labels[r], 1, parameters);
        }
        return new StreamRecord<>(WorkerMessage.reply(subtask, 0, gradient, null));
    }

    private static List<LinearModelData> versions(
            TwoInputStreamOperatorTestHarness<WorkerMessage, ModelRequest, ModelRequest> harness) {
        List<LinearModelData> versions = new ArrayList<>();
        if (harness.getSideOutput(OnlineCoordinator.MODEL) != null) {
            for (StreamRecord<LinearModelData> record :
                    harness.getSideOutput(OnlineCoordinator.MODEL)) {
                versions.add(record.getValue());
            }
        }
        return versions;
    }

    @Test
    void testRestoreInTheMiddleOfABatchStepsToTheSameVersion() throws Exception {
        double[] zeros = new double[3];
        OperatorSubtaskState snapshot;
        LinearModelData uninterrupted;
        try (TwoInputStreamOperatorTestHarness<WorkerMessage, ModelRequest, ModelRequest> first =
                harness()) {
            first.open();
            first.processElement1(closedSlice(0));
            first.processElement1(closedSlice(1));
            // Both subtasks have a slice: batch 0 is requested from version 0, zeros.
            assertEquals(1, first.getOutput().size());
            @SuppressWarnings("unchecked")
            ModelRequest request =
                    ((StreamRecord<ModelRequest>) first.getOutput().peek()).getValue();
            assertEquals(0, request.version);
            assertEquals(0, request.batch);
            assertArrayEquals(new int[] {1, 1}, request.slices);
            assertArrayEquals(zeros, request.parameters, 0);

            first.processElement1(reply(1, ROWS_OF_SUBTASK_1, LABELS_OF_SUBTASK_1, zeros));
            snapshot = first.snapshot(1, 100);
            first.processElement1(reply(0, ROWS_OF_SUBTASK_0, LABELS_OF_SUBTASK_0, zeros));
            List<LinearModelData> versions = versions(first);
            assertEquals(1, versions.size());
            uninterrupted = versions.get(0);
        }

        // Oracle: one SGD step on the mean squared-error gradient of the three rows, from zeros.
        double[][] rows = {ROWS_OF_SUBTASK_0[0], ROWS_OF_SUBTASK_0[1], ROWS_OF_SUBTASK_1[0]};
        double[] labels = {LABELS_OF_SUBTASK_0[0], LABELS_OF_SUBTASK_0[1], LABELS_OF_SUBTASK_1[0]};
        // At zeros every prediction is 0, so the gradient of ½(ŷ − y)² is −y·(x, 1).
        double[] expected = new double[3];
        for (int r = 0; r < 3; r++) {
            expected[0] += LEARNING_RATE * labels[r] * rows[r][0] / 3;
            expected[1] += LEARNING_RATE * labels[r] * rows[r][1] / 3;
            expected[2] += LEARNING_RATE * labels[r] / 3;
        }
        assertEquals(1, uninterrupted.modelVersion);
        assertArrayEquals(
                new double[] {expected[0], expected[1]}, uninterrupted.coefficient.values, 1e-12);
        assertEquals(expected[2], uninterrupted.intercept, 1e-12);

        try (TwoInputStreamOperatorTestHarness<WorkerMessage, ModelRequest, ModelRequest> restored =
                harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement1(reply(0, ROWS_OF_SUBTASK_0, LABELS_OF_SUBTASK_0, zeros));
            List<LinearModelData> versions = versions(restored);
            assertEquals(1, versions.size());
            assertEquals(uninterrupted.modelVersion, versions.get(0).modelVersion);
            assertArrayEquals(
                    uninterrupted.coefficient.values, versions.get(0).coefficient.values, 0);
            assertEquals(uninterrupted.intercept, versions.get(0).intercept, 0);
        }
    }
}
