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
package io.streamml.linear.bounded;

import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.linear.LinearModelData;
import io.streamml.linear.loss.LogLoss;
import io.streamml.linear.training.LinearTrainingConfig;
import io.streamml.linear.training.MiniBatchGradient;
import io.streamml.linear.training.TrainingCache;
import io.streamml.testutil.KryoForbidden;
import io.streamml.testutil.ReferenceSolvers;
import io.streamml.testutil.RegularizedObjective;
import io.streamml.testutil.SyntheticData;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshot and restore of the bounded {@link StepCoordinator} (L-BFGS state included), taken in the
 * middle of a round: driven by two workers' sums computed here, the restored coordinator must end
 * at exactly the model an uninterrupted one does, and that model must be the optimum of the
 * regularized log loss (a Newton solve in test code).
 */
class StepCoordinatorTest {
    private static final double REG = 0.1;
    private static final SyntheticData DATA =
            SyntheticData.logistic(7, 60, new double[] {1.0, -0.5}, 0.3, true);

    /** Rows [0, 30) are subtask 0's, [30, 60) subtask 1's. */
    private static final int SPLIT = 30;

    private static final LinearTrainingConfig CONFIG =
            new LogisticRegression()
                    .setReg(REG)
                    .setTol(1e-12)
                    .setMaxIter(100)
                    .boundedTrainingConfig("LogisticRegression", LogLoss.INSTANCE);

    private static OneInputStreamOperatorTestHarness<RoundReply, RoundPoint> harness()
            throws Exception {
        OneInputStreamOperatorTestHarness<RoundReply, RoundPoint> harness =
                new OneInputStreamOperatorTestHarness<>(
                        new StepCoordinator(
                                CONFIG, new InvalidRowPolicy("LogisticRegression", "error"), 2, 0));
        KryoForbidden.install(harness.getExecutionConfig());
        return harness;
    }

    private static int from(int subtask) {
        return subtask == 0 ? 0 : SPLIT;
    }

    private static int to(int subtask) {
        return subtask == 0 ? SPLIT : DATA.numRows();
    }

    private static StreamRecord<RoundReply> cached(int subtask) {
        TrainingCache cache = new TrainingCache();
        for (int r = from(subtask); r < to(subtask); r++) {
            cache.addDense(DATA.features[r], DATA.labels[r], DATA.weights[r]);
        }
        return new StreamRecord<>(RoundReply.cached(subtask, cache));
    }

    private static StreamRecord<RoundReply> sums(int subtask, RoundPoint point) {
        MiniBatchGradient sums = new MiniBatchGradient(LogLoss.INSTANCE, 2, true);
        for (int r = from(subtask); r < to(subtask); r++) {
            sums.addDense(DATA.features[r], DATA.labels[r], DATA.weights[r], point.parameters);
        }
        return new StreamRecord<>(RoundReply.sums(subtask, point.round, sums));
    }

    /** The points the coordinator sent so far, in order. */
    @SuppressWarnings("unchecked")
    private static List<RoundPoint> points(
            OneInputStreamOperatorTestHarness<RoundReply, RoundPoint> harness) {
        List<RoundPoint> points = new ArrayList<>();
        for (Object record : harness.getOutput()) {
            points.add(((StreamRecord<RoundPoint>) record).getValue());
        }
        return points;
    }

    /** Answers every new point with both workers' sums until the model comes out. */
    private static LinearModelData trainToTheEnd(
            OneInputStreamOperatorTestHarness<RoundReply, RoundPoint> harness, int answered)
            throws Exception {
        while (harness.getSideOutput(StepCoordinator.MODEL) == null) {
            List<RoundPoint> points = points(harness);
            assertTrue(points.size() > answered, "the coordinator sent no next point");
            RoundPoint point = points.get(answered++);
            harness.processElement(sums(1, point));
            harness.processElement(sums(0, point));
        }
        return harness.getSideOutput(StepCoordinator.MODEL).poll().getValue();
    }

    @Test
    void testRestoreInTheMiddleOfARoundEndsAtTheSameOptimum() throws Exception {
        OperatorSubtaskState snapshot;
        LinearModelData uninterrupted;
        RoundPoint interruptedRound;
        try (OneInputStreamOperatorTestHarness<RoundReply, RoundPoint> first = harness()) {
            first.open();
            first.processElement(cached(1));
            first.processElement(cached(0));
            // The first point: zeros, with the intercept at the logit of the weighted mean label.
            RoundPoint start = points(first).get(0);
            double labelSum = 0;
            double totalWeight = 0;
            for (int r = 0; r < DATA.numRows(); r++) {
                labelSum += DATA.weights[r] * DATA.labels[r];
                totalWeight += DATA.weights[r];
            }
            double meanLabel = labelSum / totalWeight;
            assertEquals(0, start.round);
            assertArrayEquals(
                    new double[] {0, 0, Math.log(meanLabel / (1 - meanLabel))},
                    start.parameters,
                    1e-12);
            // Three rounds, then subtask 1 replies to the fourth and the state is taken.
            for (int round = 0; round < 3; round++) {
                RoundPoint point = points(first).get(round);
                first.processElement(sums(1, point));
                first.processElement(sums(0, point));
            }
            interruptedRound = points(first).get(3);
            first.processElement(sums(1, interruptedRound));
            snapshot = first.snapshot(1, 100);
            first.processElement(sums(0, interruptedRound));
            uninterrupted = trainToTheEnd(first, 4);
        }

        double[] optimum =
                ReferenceSolvers.newton(
                        new RegularizedObjective(LogLoss.INSTANCE, DATA, 0, REG, true));
        assertArrayEquals(
                new double[] {optimum[0], optimum[1]}, uninterrupted.coefficient.values, 1e-6);
        assertEquals(optimum[2], uninterrupted.intercept, 1e-6);

        try (OneInputStreamOperatorTestHarness<RoundReply, RoundPoint> restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(sums(0, interruptedRound));
            // The restored task's output starts after the snapshot: its first point is round 4.
            assertEquals(interruptedRound.round + 1, points(restored).get(0).round);
            LinearModelData model = trainToTheEnd(restored, 0);
            assertArrayEquals(uninterrupted.coefficient.values, model.coefficient.values, 0);
            assertEquals(uninterrupted.intercept, model.intercept, 0);
        }
    }
}
