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
import io.streamml.linear.training.MiniBatchGradient;
import io.streamml.testutil.ReferenceSolvers;
import io.streamml.testutil.RegularizedObjective;
import io.streamml.testutil.SyntheticData;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tests {@link FtrlProximal} against the published results of Apache Flink ML 2.3's {@code
 * OnlineLogisticRegressionTest}, hand-computed updates, and the batch optimum.
 */
class FtrlProximalTest {

    private static final double FIXTURE_TOLERANCE = 1e-12;

    private static final double[][] DENSE_FEATURES_1 = {
        {0.1, 2}, {0.2, 2}, {0.3, 2}, {0.4, 2}, {0.5, 2}, {11, 12}, {12, 11}, {13, 12}, {14, 12},
        {15, 12}
    };
    private static final double[][] DENSE_FEATURES_2 = {
        {0.2, 3}, {0.8, 1}, {0.7, 1}, {0.6, 2}, {0.2, 2}, {14, 17}, {15, 10}, {16, 16}, {17, 10},
        {18, 13}
    };
    private static final double[] DENSE_LABELS = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};

    private static final int[][] SPARSE_INDICES_1 = {
        {1, 3, 4}, {0, 2, 3}, {0, 3, 4}, {2, 3, 4}, {1, 3, 4}, {6, 7, 8}, {6, 8, 9}, {5, 8, 9},
        {5, 6, 7}
    };
    private static final double[] SPARSE_LABELS_1 = {0, 0, 0, 0, 0, 1, 1, 1, 1};
    private static final double[] SPARSE_WEIGHTS_1 = {1.0, 1.4, 1.3, 1.4, 1.6, 1.8, 1.9, 1.0, 1.1};
    private static final int[][] SPARSE_INDICES_2 = {
        {1, 2, 4}, {2, 3, 4}, {0, 2, 4}, {1, 3, 4}, {6, 7, 9}, {7, 8, 9}, {5, 7, 9}, {5, 6, 7},
        {5, 8, 9}
    };
    private static final double[] SPARSE_LABELS_2 = {0, 0, 0, 0, 1, 1, 1, 1, 1};
    private static final double[] SPARSE_WEIGHTS_2 = {1.0, 1.3, 1.4, 1.0, 1.6, 1.8, 1.0, 1.5, 1.0};
    private static final double[] ONES = {1, 1, 1};

    /** Flink ML's test settings: reg 0.2, elasticNet 0.5, alpha = beta = 0.1. */
    private static FtrlProximal flinkDefaults(int dim) {
        return FtrlProximal.withElasticNet(dim, false, 0.1, 0.1, new ElasticNet(0.2, 0.5));
    }

    private static double[] probabilities(double margin) {
        double p = 1 / (1 + Math.exp(-margin));
        return new double[] {1 - p, p};
    }

    private static double sparseMargin(int[] indices, double[] coefficients) {
        double margin = 0;
        for (int index : indices) {
            margin += coefficients[index];
        }
        return margin;
    }

    @Test
    void reproducesFlinkMlDenseFixture() {
        double[] coefficients = {0.41233679404769874, -0.18088118293232122};
        FtrlProximal ftrl = flinkDefaults(2);
        MiniBatchGradient batch = new MiniBatchGradient(LogLoss.INSTANCE, 2, false);

        for (int r = 0; r < 10; r++) {
            batch.addDense(DENSE_FEATURES_1[r], DENSE_LABELS[r], 1, coefficients);
        }
        ftrl.update(coefficients, batch);

        // OnlineLogisticRegressionTest#testGetModelData.
        assertArrayEquals(
                new double[] {0.2994527071464283, -0.1412541067743284},
                coefficients,
                FIXTURE_TOLERANCE);
        // #testDenseFitAndPredict: Flink's test sorts both lists before comparing, so the
        // published order is not the row order; the rows are (0.8, 2.7) and (15.5, 11.2).
        assertArrayEquals(
                new double[] {0.5353966697318491, 0.4646033302681509},
                probabilities(0.8 * coefficients[0] + 2.7 * coefficients[1]),
                FIXTURE_TOLERANCE);
        assertArrayEquals(
                new double[] {0.04481034155642882, 0.9551896584435712},
                probabilities(15.5 * coefficients[0] + 11.2 * coefficients[1]),
                FIXTURE_TOLERANCE);

        batch.reset();
        for (int r = 0; r < 10; r++) {
            batch.addDense(DENSE_FEATURES_2[r], DENSE_LABELS[r], 1, coefficients);
        }
        ftrl.update(coefficients, batch);

        assertArrayEquals(
                new double[] {0.5095144380001769, 0.49048556199982307},
                probabilities(0.8 * coefficients[0] + 2.7 * coefficients[1]),
                FIXTURE_TOLERANCE);
        assertArrayEquals(
                new double[] {0.013104324065967066, 0.9868956759340329},
                probabilities(15.5 * coefficients[0] + 11.2 * coefficients[1]),
                FIXTURE_TOLERANCE);
    }

    @Test
    void reproducesFlinkMlSparseFixture() {
        double[] coefficients = new double[10];
        java.util.Arrays.fill(coefficients, 0.01);
        FtrlProximal ftrl = flinkDefaults(10);
        MiniBatchGradient batch = new MiniBatchGradient(LogLoss.INSTANCE, 10, false);

        // #testSparseFitAndPredict: the weight column exists but is not used.
        for (int r = 0; r < 9; r++) {
            batch.addSparse(SPARSE_INDICES_1[r], ONES, SPARSE_LABELS_1[r], 1, coefficients);
        }
        ftrl.update(coefficients, batch);
        assertArrayEquals(
                new double[] {0.5105551725414953, 0.4894448274585047},
                probabilities(sparseMargin(new int[] {1, 3, 5}, coefficients)),
                FIXTURE_TOLERANCE);
        assertArrayEquals(
                new double[] {0.4452309884735286, 0.5547690115264714},
                probabilities(sparseMargin(new int[] {5, 8, 9}, coefficients)),
                FIXTURE_TOLERANCE);

        batch.reset();
        for (int r = 0; r < 9; r++) {
            batch.addSparse(SPARSE_INDICES_2[r], ONES, SPARSE_LABELS_2[r], 1, coefficients);
        }
        ftrl.update(coefficients, batch);
        assertArrayEquals(
                new double[] {0.5249618837373886, 0.4750381162626114},
                probabilities(sparseMargin(new int[] {1, 3, 5}, coefficients)),
                FIXTURE_TOLERANCE);
        assertArrayEquals(
                new double[] {0.40310431554310666, 0.5968956844568933},
                probabilities(sparseMargin(new int[] {5, 8, 9}, coefficients)),
                FIXTURE_TOLERANCE);
    }

    /**
     * Flink ML's weighted sparse path sums unweighted gradients and divides by weight sums; given
     * those sums, the update reproduces its #testFitAndPredictWithWeightCol numbers.
     */
    @Test
    void reproducesFlinkMlWeightedSparseFixtureFromFlinkSums() {
        double[] coefficients = new double[10];
        java.util.Arrays.fill(coefficients, 0.01);
        FtrlProximal ftrl = flinkDefaults(10);

        updateWithFlinkWeightedSums(
                ftrl, coefficients, SPARSE_INDICES_1, SPARSE_LABELS_1, SPARSE_WEIGHTS_1);
        assertArrayEquals(
                new double[] {0.5069192929506545, 0.4930807070493455},
                probabilities(sparseMargin(new int[] {1, 3, 5}, coefficients)),
                FIXTURE_TOLERANCE);
        assertArrayEquals(
                new double[] {0.452491993753382, 0.547508006246618},
                probabilities(sparseMargin(new int[] {5, 8, 9}, coefficients)),
                FIXTURE_TOLERANCE);

        updateWithFlinkWeightedSums(
                ftrl, coefficients, SPARSE_INDICES_2, SPARSE_LABELS_2, SPARSE_WEIGHTS_2);
        assertArrayEquals(
                new double[] {0.5247727600974581, 0.4752272399025419},
                probabilities(sparseMargin(new int[] {1, 3, 5}, coefficients)),
                FIXTURE_TOLERANCE);
        assertArrayEquals(
                new double[] {0.41108882806164193, 0.5889111719383581},
                probabilities(sparseMargin(new int[] {5, 8, 9}, coefficients)),
                FIXTURE_TOLERANCE);
    }

    private static void updateWithFlinkWeightedSums(
            FtrlProximal ftrl,
            double[] coefficients,
            int[][] indices,
            double[] labels,
            double[] weights) {
        double[] gradientSum = new double[coefficients.length];
        double[] weightSum = new double[coefficients.length];
        for (int r = 0; r < indices.length; r++) {
            double p = 1 / (1 + Math.exp(-sparseMargin(indices[r], coefficients)));
            for (int index : indices[r]) {
                gradientSum[index] += p - labels[r];
                weightSum[index] += weights[r];
            }
        }
        ftrl.update(coefficients, gradientSum, weightSum);
    }

    @Test
    void leavesTheInterceptUnpenalized() {
        // One coefficient and an intercept; alpha = beta = 0.1, l1 = 0.05, l2 = 0.1.
        FtrlProximal ftrl = new FtrlProximal(2, true, 0.1, 0.1, 0.05, 0.1);
        double[] parameters = {0.5, 0.2};
        // Mean gradient g = (0.3/2, −0.4/2) = (0.15, −0.2). With n = 0: σ = |g|/α = (1.5, 2),
        // z = g − σ·w = (0.15 − 0.75, −0.2 − 0.4) = (−0.6, −0.6), n = g² = (0.0225, 0.04).
        ftrl.update(parameters, new double[] {0.3, -0.4}, new double[] {2, 2});

        assertArrayEquals(new double[] {-0.6, -0.6}, ftrl.z(), 1e-15);
        assertArrayEquals(new double[] {0.0225, 0.04}, ftrl.n(), 1e-15);
        // Coefficient: −(z + l1)/((β + √n)/α + l2) = 0.55/(2.5 + 0.1);
        // intercept: −z/((β + √n)/α) = 0.6/3, with neither l1 nor l2.
        assertArrayEquals(new double[] {0.55 / 2.6, 0.2}, parameters, 1e-15);
    }

    @Test
    void zeroesCoefficientsInsideTheL1BallAndResetsUnseenOnes() {
        FtrlProximal ftrl = new FtrlProximal(2, false, 0.1, 0.1, 1, 0);
        double[] parameters = {0.3, 0.7};
        // Coordinate 0: g = 0.5, z = 0.5 − 5·0.3 = −1 → |z| ≤ l1 → 0. Coordinate 1 has no rows
        // (weight sum 0, gradient 0): z stays 0, so it is reset to 0 as in Flink ML.
        ftrl.update(parameters, new double[] {1, 0}, new double[] {2, 0});
        assertEquals(0.0, parameters[0], 0);
        assertEquals(0.0, parameters[1], 0);
        assertEquals(1 / parameters[0], Double.POSITIVE_INFINITY, "zero should be +0.0");
    }

    @Test
    void weightTwoCountsAsTwoRows() {
        double[][] features = {{1, 2}, {-1, 0.5}, {0.3, -2}};
        double[] labels = {1, 0, 1};
        double[] start = {0.1, -0.2, 0.05};

        double[] weighted = start.clone();
        MiniBatchGradient weightedBatch = new MiniBatchGradient(LogLoss.INSTANCE, 2, true);
        weightedBatch.addDense(features[0], labels[0], 2, weighted);
        weightedBatch.addDense(features[1], labels[1], 1, weighted);
        weightedBatch.addDense(features[2], labels[2], 1, weighted);
        new FtrlProximal(3, true, 0.1, 0.1, 0.01, 0.02).update(weighted, weightedBatch);

        double[] duplicated = start.clone();
        MiniBatchGradient duplicatedBatch = new MiniBatchGradient(LogLoss.INSTANCE, 2, true);
        duplicatedBatch.addDense(features[0], labels[0], 1, duplicated);
        duplicatedBatch.addDense(features[0], labels[0], 1, duplicated);
        duplicatedBatch.addDense(features[1], labels[1], 1, duplicated);
        duplicatedBatch.addDense(features[2], labels[2], 1, duplicated);
        new FtrlProximal(3, true, 0.1, 0.1, 0.01, 0.02).update(duplicated, duplicatedBatch);

        assertArrayEquals(duplicated, weighted, 1e-15);
    }

    @Test
    void approachesTheBatchOptimumOnAStationaryStream() {
        SyntheticData data =
                SyntheticData.logistic(17, 20_000, new double[] {1, -1, 0.5}, 0.3, false);
        double[] optimum =
                ReferenceSolvers.newton(
                        new RegularizedObjective(LogLoss.INSTANCE, data, 0, 0, true));

        FtrlProximal ftrl = new FtrlProximal(4, true, 0.1, 0.1, 0, 0);
        double[] parameters = new double[4];
        OnlineOptimizerTesting.train(ftrl, parameters, data, 32, 3);

        OnlineOptimizerTesting.assertRelativeDistanceBelow(optimum, parameters, 0.03);
    }

    @Test
    void copyAndSerializationCarryTheAccumulators() throws Exception {
        FtrlProximal ftrl = new FtrlProximal(2, true, 0.1, 0.1, 0.01, 0.02);
        double[] parameters = {0.5, 0.2};
        ftrl.update(parameters, new double[] {0.3, -0.4}, new double[] {2, 2});

        FtrlProximal copy = ftrl.copy();
        FtrlProximal restored = LbfgsTest.roundTrip(ftrl);
        double[] viaOriginal = parameters.clone();
        double[] viaCopy = parameters.clone();
        double[] viaRestored = parameters.clone();
        ftrl.update(viaOriginal, new double[] {-0.1, 0.2}, new double[] {1, 1});
        copy.update(viaCopy, new double[] {-0.1, 0.2}, new double[] {1, 1});
        restored.update(viaRestored, new double[] {-0.1, 0.2}, new double[] {1, 1});

        assertArrayEquals(viaOriginal, viaCopy);
        assertArrayEquals(viaOriginal, viaRestored);
        assertTrue(ftrl.n()[0] > 0.0225);
    }
}
