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
package io.streamml.evaluation.metrics;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import static io.streamml.evaluation.metrics.BinaryClassificationMetricsTest.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link RegressionMetrics} against two-pass formulas computed here. */
class RegressionMetricsTest {

    /** The four metrics by two passes over the rows, in BigDecimal so that nothing cancels. */
    private static final class TwoPassOracle {
        final double rmse;
        final double mae;
        final double r2;
        final double explainedVariance;

        TwoPassOracle(double[] predictions, double[] labels, double[] weights) {
            MathContext context = MathContext.DECIMAL128;
            BigDecimal totalWeight = BigDecimal.ZERO;
            BigDecimal labelSum = BigDecimal.ZERO;
            BigDecimal residualSum = BigDecimal.ZERO;
            for (int i = 0; i < labels.length; i++) {
                BigDecimal w = weightAt(weights, i);
                totalWeight = totalWeight.add(w);
                labelSum = labelSum.add(w.multiply(new BigDecimal(labels[i])));
                residualSum = residualSum.add(w.multiply(residual(predictions, labels, i)));
            }
            BigDecimal labelMean = labelSum.divide(totalWeight, context);
            BigDecimal residualMean = residualSum.divide(totalWeight, context);
            BigDecimal squaredResiduals = BigDecimal.ZERO;
            BigDecimal absoluteResiduals = BigDecimal.ZERO;
            BigDecimal labelSpread = BigDecimal.ZERO;
            BigDecimal residualSpread = BigDecimal.ZERO;
            for (int i = 0; i < labels.length; i++) {
                BigDecimal w = weightAt(weights, i);
                BigDecimal r = residual(predictions, labels, i);
                squaredResiduals = squaredResiduals.add(w.multiply(r).multiply(r));
                absoluteResiduals = absoluteResiduals.add(w.multiply(r.abs()));
                BigDecimal labelDeviation = new BigDecimal(labels[i]).subtract(labelMean);
                labelSpread = labelSpread.add(w.multiply(labelDeviation).multiply(labelDeviation));
                BigDecimal residualDeviation = r.subtract(residualMean);
                residualSpread =
                        residualSpread.add(
                                w.multiply(residualDeviation).multiply(residualDeviation));
            }
            rmse = Math.sqrt(squaredResiduals.divide(totalWeight, context).doubleValue());
            mae = absoluteResiduals.divide(totalWeight, context).doubleValue();
            r2 = 1 - squaredResiduals.divide(labelSpread, context).doubleValue();
            explainedVariance = 1 - residualSpread.divide(labelSpread, context).doubleValue();
        }

        private static BigDecimal weightAt(double[] weights, int i) {
            return weights == null ? BigDecimal.ONE : new BigDecimal(weights[i]);
        }

        private static BigDecimal residual(double[] predictions, double[] labels, int i) {
            return new BigDecimal(labels[i]).subtract(new BigDecimal(predictions[i]));
        }

        void assertMatches(RegressionMetrics metrics, double relativeTolerance) {
            assertEquals(rmse, metrics.rootMeanSquaredError(), relativeTolerance * rmse, "RMSE");
            assertEquals(mae, metrics.meanAbsoluteError(), relativeTolerance * mae, "MAE");
            assertEquals(r2, metrics.r2(), relativeTolerance, "R2");
            assertEquals(
                    explainedVariance,
                    metrics.explainedVariance(),
                    relativeTolerance,
                    "explained variance");
        }
    }

    private static final class Rows {
        final double[] predictions;
        final double[] labels;
        final double[] weights;

        Rows(long seed, int n, double offset, boolean weighted) {
            Random random = new Random(seed);
            predictions = new double[n];
            labels = new double[n];
            weights = weighted ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                double signal = random.nextGaussian() * 2;
                labels[i] = offset + signal + random.nextGaussian();
                // Biased and noisy, so that R² and explained variance differ.
                predictions[i] = offset + 0.8 * signal + 0.3;
                if (weighted) {
                    weights[i] = random.nextInt(6) == 0 ? 0 : 0.2 + 2 * random.nextDouble();
                }
            }
        }

        RegressionMetrics accumulate(int from, int to) {
            RegressionMetrics metrics = new RegressionMetrics();
            for (int i = from; i < to; i++) {
                metrics.accumulate(predictions[i], labels[i], weights == null ? 1 : weights[i]);
            }
            return metrics;
        }
    }

    @Test
    void testMatchesTwoPassFormulas() {
        for (boolean weighted : new boolean[] {false, true}) {
            Rows rows = new Rows(3, 2000, 5, weighted);
            new TwoPassOracle(rows.predictions, rows.labels, rows.weights)
                    .assertMatches(
                            RegressionMetrics.of(rows.predictions, rows.labels, rows.weights),
                            1e-12);
        }
    }

    @Test
    void testStableForLargeLabelsWithSmallSpread() {
        // Sums of squares of 1e9-sized labels would leave no correct digit of a spread of ~2.
        Rows rows = new Rows(5, 5000, 1e9, true);
        TwoPassOracle oracle = new TwoPassOracle(rows.predictions, rows.labels, rows.weights);
        oracle.assertMatches(
                RegressionMetrics.of(rows.predictions, rows.labels, rows.weights), 1e-6);
        assertTrue(oracle.r2 > 0.5 && oracle.r2 < 0.9, "the oracle's R² is " + oracle.r2);
    }

    @Test
    void testMergedSplitsEqualTheWhole() {
        Rows rows = new Rows(8, 3000, 100, true);
        TwoPassOracle oracle = new TwoPassOracle(rows.predictions, rows.labels, rows.weights);
        RegressionMetrics whole = rows.accumulate(0, 3000);
        int[][] splits = {{0, 1500, 3000}, {0, 0, 1, 2999, 3000}, {0, 17, 800, 801, 2400, 3000}};
        for (int[] boundaries : splits) {
            RegressionMetrics merged = new RegressionMetrics();
            for (int part = 0; part + 1 < boundaries.length; part++) {
                merged.merge(rows.accumulate(boundaries[part], boundaries[part + 1]));
            }
            oracle.assertMatches(merged, 1e-12);
            assertEquals(whole.totalWeight(), merged.totalWeight(), 1e-9);
            assertEquals(whole.r2(), merged.r2(), 1e-12);
        }
        // Merging into an empty accumulator and merging an empty one are both identities.
        RegressionMetrics intoEmpty = new RegressionMetrics().merge(rows.accumulate(0, 3000));
        intoEmpty.merge(new RegressionMetrics());
        oracle.assertMatches(intoEmpty, 1e-12);
    }

    @Test
    void testIntegerWeightsEqualDuplicatedRows() {
        Random random = new Random(13);
        RegressionMetrics weighted = new RegressionMetrics();
        RegressionMetrics duplicated = new RegressionMetrics();
        for (int i = 0; i < 400; i++) {
            double label = random.nextGaussian() * 3 + 10;
            double prediction = label + random.nextGaussian() - 0.5;
            int weight = random.nextInt(4);
            weighted.accumulate(prediction, label, weight);
            for (int copy = 0; copy < weight; copy++) {
                duplicated.accumulate(prediction, label);
            }
        }
        assertEquals(duplicated.totalWeight(), weighted.totalWeight(), 0);
        assertEquals(duplicated.rootMeanSquaredError(), weighted.rootMeanSquaredError(), 1e-12);
        assertEquals(duplicated.meanAbsoluteError(), weighted.meanAbsoluteError(), 1e-12);
        assertEquals(duplicated.r2(), weighted.r2(), 1e-12);
        assertEquals(duplicated.explainedVariance(), weighted.explainedVariance(), 1e-12);
    }

    @Test
    void testHandComputedExample() {
        // y = 1, 2, 3, 4; ŷ = 2, 2, 3, 5: residuals −1, 0, 0, −1.
        RegressionMetrics metrics =
                RegressionMetrics.of(new double[] {2, 2, 3, 5}, new double[] {1, 2, 3, 4}, null);
        assertEquals(Math.sqrt(0.5), metrics.rootMeanSquaredError(), 1e-15);
        assertEquals(0.5, metrics.meanAbsoluteError(), 1e-15);
        // SS_tot = 5, SS_res = 2; Var(r) = 0.25, Var(y) = 1.25.
        assertEquals(1 - 2.0 / 5, metrics.r2(), 1e-15);
        assertEquals(1 - 0.25 / 1.25, metrics.explainedVariance(), 1e-15);
        assertEquals(2.5, metrics.labelMean(), 0);
    }

    @Test
    void testExplainedVarianceIgnoresConstantBiasButR2DoesNot() {
        double[] labels = {1, 4, 2, 8, 5};
        double[] predictions = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            predictions[i] = labels[i] + 3;
        }
        RegressionMetrics metrics = RegressionMetrics.of(predictions, labels, null);
        assertEquals(1.0, metrics.explainedVariance(), 1e-15);
        // SS_tot: mean 4, deviations −3, 0, −2, 4, 1.
        assertEquals(1 - 5 * 9.0 / 30, metrics.r2(), 1e-15);
        assertEquals(3.0, metrics.rootMeanSquaredError(), 1e-15);
    }

    @Test
    void testZeroWeightRowsAreIgnored() {
        RegressionMetrics metrics = new RegressionMetrics();
        metrics.accumulate(1, 2).accumulate(1e6, -1e6, 0).accumulate(3, 3);
        assertEquals(2.0, metrics.totalWeight(), 0);
        assertEquals(Math.sqrt(0.5), metrics.rootMeanSquaredError(), 1e-15);
    }

    @Test
    void testUndefinedMetricsAreNaN() {
        RegressionMetrics empty = new RegressionMetrics();
        assertTrue(Double.isNaN(empty.rootMeanSquaredError()));
        assertTrue(Double.isNaN(empty.meanAbsoluteError()));
        assertTrue(Double.isNaN(empty.r2()));
        assertTrue(Double.isNaN(empty.labelMean()));
        RegressionMetrics constantLabels =
                RegressionMetrics.of(new double[] {1, 2, 3}, new double[] {2, 2, 2}, null);
        assertTrue(Double.isNaN(constantLabels.r2()));
        assertTrue(Double.isNaN(constantLabels.explainedVariance()));
        assertEquals(Math.sqrt(2.0 / 3), constantLabels.rootMeanSquaredError(), 1e-15);
    }

    @Test
    void testSurvivesSerialization() throws IOException, ClassNotFoundException {
        Rows rows = new Rows(21, 1000, 0, true);
        RegressionMetrics firstHalf = rows.accumulate(0, 500);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(firstHalf);
        }
        RegressionMetrics restored;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            restored = (RegressionMetrics) in.readObject();
        }
        restored.merge(rows.accumulate(500, 1000));
        new TwoPassOracle(rows.predictions, rows.labels, rows.weights)
                .assertMatches(restored, 1e-12);
    }

    @Test
    void testInvalidInputIsRejectedWithTheProblemNamed() {
        RegressionMetrics metrics = new RegressionMetrics();
        assertMessageContains("prediction is NaN", () -> metrics.accumulate(Double.NaN, 1));
        assertMessageContains(
                "label is Infinity", () -> metrics.accumulate(1, Double.POSITIVE_INFINITY));
        assertMessageContains("weight is -1.0", () -> metrics.accumulate(1, 1, -1));
        assertMessageContains("weight is NaN", () -> metrics.accumulate(1, 1, Double.NaN));
        assertMessageContains(
                "same length",
                () -> RegressionMetrics.of(new double[] {1, 2}, new double[] {1}, null));
        assertEquals(0.0, metrics.totalWeight(), 0);
    }
}
