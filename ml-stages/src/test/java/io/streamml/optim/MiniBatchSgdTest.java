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
package io.streamml.optim;

import io.streamml.linear.loss.LogLoss;
import io.streamml.linear.loss.SquaredLoss;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tests {@link MiniBatchSgd} against the published results of Apache Flink ML's {@code
 * LogisticRegressionTest} and {@code LinearRegressionTest} ({@code testRegularization}, default
 * parameters: learningRate 0.1, globalBatchSize 32, maxIter 20, tol 1e-6, weights used) and against
 * hand-computed runs.
 */
class MiniBatchSgdTest {

    /** Flink ML's tests compare with this tolerance; the expected values have 3 decimals. */
    private static final double FLINK_TOLERANCE = 1e-3;

    private static final double[][] LOGISTIC_FEATURES = {
        {1, 2, 3, 4}, {2, 2, 3, 4}, {3, 2, 3, 4}, {4, 2, 3, 4}, {5, 2, 3, 4},
        {11, 2, 3, 4}, {12, 2, 3, 4}, {13, 2, 3, 4}, {14, 2, 3, 4}, {15, 2, 3, 4}
    };
    private static final double[] LOGISTIC_LABELS = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
    private static final double[] LOGISTIC_WEIGHTS = {1, 2, 3, 4, 5, 1, 2, 3, 4, 5};

    private static final double[][] LINEAR_FEATURES = {
        {2, 1}, {3, 2}, {4, 3}, {2, 4}, {2, 2}, {4, 3}, {1, 2}, {5, 3}
    };
    private static final double[] LINEAR_LABELS = {4, 7, 10, 10, 6, 10, 5, 11};
    private static final double[] LINEAR_WEIGHTS = {1, 1, 1, 1, 1, 1, 1, 1};

    private static SequentialMiniBatchSgd flinkDefaults(double reg, double elasticNet) {
        return new SequentialMiniBatchSgd(
                20, 0.1, 32, 1e-6, new ElasticNet(reg, elasticNet), false);
    }

    @Test
    void reproducesFlinkMlLogisticRegressionResults() {
        double[][] regAndElasticNet = {{0, 0}, {0.1, 0}, {0.1, 1}, {0.1, 0.5}};
        double[][] expected = {
            {0.525, -0.283, -0.425, -0.567},
            {0.484, -0.258, -0.388, -0.517},
            {0.417, -0.145, -0.312, -0.480},
            {0.451, -0.203, -0.351, -0.498}
        };
        for (int c = 0; c < expected.length; c++) {
            SequentialMiniBatchSgd.Result result =
                    flinkDefaults(regAndElasticNet[c][0], regAndElasticNet[c][1])
                            .fit(
                                    LogLoss.INSTANCE,
                                    LOGISTIC_FEATURES,
                                    LOGISTIC_LABELS,
                                    LOGISTIC_WEIGHTS,
                                    null);
            assertEquals(20, result.rounds());
            assertFalse(result.reachedTolerance());
            assertArrayEquals(expected[c], result.parameters(), FLINK_TOLERANCE, "case " + c);
        }
    }

    @Test
    void reproducesFlinkMlLinearRegressionResults() {
        double[][] regAndElasticNet = {{0, 0}, {0.1, 0}, {0.1, 1}, {0.1, 0.5}};
        double[][] expected = {{1.141, 1.829}, {1.165, 1.780}, {1.143, 1.812}, {1.154, 1.796}};
        for (int c = 0; c < expected.length; c++) {
            SequentialMiniBatchSgd.Result result =
                    flinkDefaults(regAndElasticNet[c][0], regAndElasticNet[c][1])
                            .fit(
                                    SquaredLoss.INSTANCE,
                                    LINEAR_FEATURES,
                                    LINEAR_LABELS,
                                    LINEAR_WEIGHTS,
                                    null);
            assertEquals(20, result.rounds());
            assertArrayEquals(expected[c], result.parameters(), FLINK_TOLERANCE, "case " + c);
        }
    }

    @Test
    void splitsTheGlobalBatchLikeFlinkMl() {
        assertEquals(11, MiniBatchSgd.localBatchSize(32, 3, 0));
        assertEquals(11, MiniBatchSgd.localBatchSize(32, 3, 1));
        assertEquals(10, MiniBatchSgd.localBatchSize(32, 3, 2));
        assertEquals(3, MiniBatchSgd.localBatchSize(10, 4, 1));
        assertEquals(2, MiniBatchSgd.localBatchSize(10, 4, 2));

        // Batches of 2 over 5 rows start at 0, 2, 4 (a short batch), then 0 again.
        assertEquals(2, MiniBatchSgd.nextBatchOffset(0, 2, 5));
        assertEquals(4, MiniBatchSgd.nextBatchOffset(2, 2, 5));
        assertEquals(0, MiniBatchSgd.nextBatchOffset(4, 2, 5));
        assertEquals(0, MiniBatchSgd.nextBatchOffset(0, 32, 10));
    }

    @Test
    void cyclesThroughShortBatchesAndAppliesTheLastUpdate() {
        // y = 2x, batches of 2 over 3 rows: rows {0, 1}, {2}, {0, 1}; lr 0.1, from w = 0.
        // Round 0: Σ(wx − y)x = −2 − 8 = −10 over weight 2 → w = 0.5.
        // Round 1: (1.5 − 6)·3 = −13.5 over weight 1 → w = 1.85.
        // Round 2: −0.15 − 0.6 = −0.75 over weight 2 → w = 1.8875.
        double[][] x = {{1}, {2}, {3}};
        double[] y = {2, 4, 6};
        SequentialMiniBatchSgd sgd =
                new SequentialMiniBatchSgd(3, 0.1, 2, 0, new ElasticNet(0, 0), false);
        SequentialMiniBatchSgd.Result result = sgd.fit(SquaredLoss.INSTANCE, x, y, null, null);

        assertArrayEquals(new double[] {1.8875}, result.parameters(), 1e-15);
        assertEquals(3, result.rounds());
        // Mean loss of round 2, before its update: (½·0.15² + ½·0.3²)/2.
        assertEquals(0.028125, result.lastBatchLoss(), 1e-15);
        assertFalse(result.reachedTolerance());
    }

    @Test
    void stopsAfterTheRoundWhoseLossReachesTol() {
        // Same run; the batch losses are 5, 10.125, 0.028125, so tol 0.05 ends it after round
        // 2, whose update is still applied.
        double[][] x = {{1}, {2}, {3}};
        double[] y = {2, 4, 6};
        SequentialMiniBatchSgd sgd =
                new SequentialMiniBatchSgd(100, 0.1, 2, 0.05, new ElasticNet(0, 0), false);
        SequentialMiniBatchSgd.Result result = sgd.fit(SquaredLoss.INSTANCE, x, y, null, null);

        assertEquals(3, result.rounds());
        assertTrue(result.reachedTolerance());
        assertArrayEquals(new double[] {1.8875}, result.parameters(), 1e-15);
        MiniBatchSgd rule = new MiniBatchSgd(100, 0.1, 2, 0.05, new ElasticNet(0, 0), false);
        assertTrue(rule.shouldContinue(1, 10.125));
        assertFalse(rule.shouldContinue(2, 0.028125));
        assertFalse(rule.shouldContinue(99, 1));
    }

    @Test
    void leavesTheInterceptOutOfThePenalty() {
        // Rows x = 1, 3 with y = 1, 5 from (β, b) = 0: Σ(m − y)·(x, 1) = (−16, −6) over 2,
        // so (β, b) = (0.8, 0.3); the L1 step moves β by 0.1·0.5 only.
        double[][] x = {{1}, {3}};
        double[] y = {1, 5};
        SequentialMiniBatchSgd sgd =
                new SequentialMiniBatchSgd(1, 0.1, 32, 0, new ElasticNet(0.5, 1), true);
        SequentialMiniBatchSgd.Result result = sgd.fit(SquaredLoss.INSTANCE, x, y, null, null);

        assertArrayEquals(new double[] {0.75, 0.3}, result.parameters(), 1e-15);
    }

    @Test
    void stepMatchesTheSequentialUpdate() {
        MiniBatchSgd sgd = new MiniBatchSgd(20, 0.1, 32, 0, new ElasticNet(0.2, 0.5), false);
        double[] w = {1, -2};
        sgd.step(w, new double[] {2, -4}, 4);
        // (0.95, −1.9), then shrink by 0.1·(0.1·sign + 0.1·w).
        assertArrayEquals(new double[] {0.9305, -1.871}, w, 1e-15);
    }
}
