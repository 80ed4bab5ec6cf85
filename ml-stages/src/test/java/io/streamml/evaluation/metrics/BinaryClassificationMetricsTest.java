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

import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tests {@link BinaryClassificationMetrics} against brute-force definitions written here: the
 * pairwise Mann–Whitney AUC, average precision from a full threshold sweep, and counts by loop.
 */
class BinaryClassificationMetricsTest {

    private static final double TOLERANCE = 1e-12;

    /** A labelled sample set with scores on a coarse grid, so that ties are common. */
    private static final class Samples {
        final double[] scores;
        final double[] labels;
        final double[] weights;

        Samples(long seed, int n, int gridSteps, boolean weighted) {
            Random random = new Random(seed);
            scores = new double[n];
            labels = new double[n];
            weights = weighted ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                labels[i] = random.nextDouble() < 0.35 ? 1 : 0;
                // Positives score higher on average, with overlap.
                double raw = 0.25 * labels[i] + 0.75 * random.nextDouble();
                scores[i] = Math.round(raw * gridSteps) / (double) gridSteps;
                if (weighted) {
                    // Includes zero weights, which must not count at all.
                    weights[i] = random.nextInt(5) == 0 ? 0.0 : 0.1 + 3 * random.nextDouble();
                }
            }
        }

        double weight(int i) {
            return weights == null ? 1.0 : weights[i];
        }
    }

    private static double pairwiseAuc(Samples s) {
        double favourable = 0;
        double positiveWeight = 0;
        double negativeWeight = 0;
        for (int i = 0; i < s.scores.length; i++) {
            if (s.labels[i] == 1) {
                positiveWeight += s.weight(i);
            } else {
                negativeWeight += s.weight(i);
            }
        }
        for (int i = 0; i < s.scores.length; i++) {
            if (s.labels[i] != 1) {
                continue;
            }
            for (int j = 0; j < s.scores.length; j++) {
                if (s.labels[j] != 0) {
                    continue;
                }
                double pair = s.weight(i) * s.weight(j);
                if (s.scores[i] > s.scores[j]) {
                    favourable += pair;
                } else if (s.scores[i] == s.scores[j]) {
                    favourable += 0.5 * pair;
                }
            }
        }
        return favourable / (positiveWeight * negativeWeight);
    }

    /** Σ (R_k − R_{k−1}) P_k over every distinct score as threshold, by counting at each. */
    private static double averagePrecisionBySweep(Samples s) {
        TreeSet<Double> thresholds = new TreeSet<>();
        for (double score : s.scores) {
            thresholds.add(score);
        }
        double positives = 0;
        for (int i = 0; i < s.scores.length; i++) {
            positives += s.labels[i] * s.weight(i);
        }
        double previousRecall = 0;
        double area = 0;
        for (double threshold : thresholds.descendingSet()) {
            double truePositives = 0;
            double predictedPositives = 0;
            for (int i = 0; i < s.scores.length; i++) {
                if (s.scores[i] >= threshold) {
                    predictedPositives += s.weight(i);
                    truePositives += s.labels[i] * s.weight(i);
                }
            }
            double recall = truePositives / positives;
            if (recall > previousRecall) {
                area += (recall - previousRecall) * (truePositives / predictedPositives);
            }
            previousRecall = recall;
        }
        return area;
    }

    @Test
    void testAreaUnderRocMatchesPairwiseDefinitionWithTiesAndWeights() {
        for (int seed = 1; seed <= 6; seed++) {
            for (boolean weighted : new boolean[] {false, true}) {
                Samples s = new Samples(seed, 600, 1 + seed * 3, weighted);
                BinaryClassificationMetrics metrics =
                        BinaryClassificationMetrics.of(s.scores, s.labels, s.weights);
                assertEquals(pairwiseAuc(s), metrics.areaUnderROC(), TOLERANCE);
            }
        }
    }

    @Test
    void testAreaUnderPrMatchesBruteForceThresholdSweepWithTiesAndWeights() {
        for (int seed = 1; seed <= 6; seed++) {
            for (boolean weighted : new boolean[] {false, true}) {
                Samples s = new Samples(100 + seed, 500, 2 + seed * 4, weighted);
                BinaryClassificationMetrics metrics =
                        BinaryClassificationMetrics.of(s.scores, s.labels, s.weights);
                assertEquals(averagePrecisionBySweep(s), metrics.areaUnderPR(), TOLERANCE);
            }
        }
    }

    @Test
    void testScikitLearnDocumentedExample() {
        // roc_auc_score and average_precision_score documentation: 0.75 and 0.8333.
        BinaryClassificationMetrics metrics =
                BinaryClassificationMetrics.of(
                        new double[] {0.1, 0.4, 0.35, 0.8}, new double[] {0, 0, 1, 1});
        assertEquals(0.75, metrics.areaUnderROC(), TOLERANCE);
        assertEquals(5.0 / 6.0, metrics.areaUnderPR(), TOLERANCE);
    }

    @Test
    void testTiedScoresAreOneThresholdWhateverTheirOrder() {
        double[] scores = {0.5, 0.5, 0.5, 0.5};
        BinaryClassificationMetrics positivesFirst =
                BinaryClassificationMetrics.of(scores, new double[] {1, 1, 0, 0});
        BinaryClassificationMetrics negativesFirst =
                BinaryClassificationMetrics.of(scores, new double[] {0, 0, 1, 1});
        for (BinaryClassificationMetrics metrics :
                new BinaryClassificationMetrics[] {positivesFirst, negativesFirst}) {
            // One threshold reaching recall 1 at precision 1/2; every pair is a tie.
            assertEquals(0.5, metrics.areaUnderPR(), TOLERANCE);
            assertEquals(0.5, metrics.areaUnderROC(), TOLERANCE);
        }
    }

    @Test
    void testAreasAtPerfectAndReversedRanking() {
        double[] labels = {0, 0, 1, 1, 1};
        BinaryClassificationMetrics perfect =
                BinaryClassificationMetrics.of(new double[] {0.1, 0.2, 0.3, 0.8, 0.9}, labels);
        assertEquals(1.0, perfect.areaUnderROC(), 0);
        assertEquals(1.0, perfect.areaUnderPR(), 0);
        BinaryClassificationMetrics reversed =
                BinaryClassificationMetrics.of(new double[] {0.9, 0.8, 0.3, 0.2, 0.1}, labels);
        assertEquals(0.0, reversed.areaUnderROC(), 0);
        // Positives come at ranks 3, 4, 5: (1/3)(1/3 + 2/4 + 3/5).
        assertEquals((1.0 / 3 + 2.0 / 4 + 3.0 / 5) / 3, reversed.areaUnderPR(), TOLERANCE);
    }

    @Test
    void testIntegerWeightsEqualDuplicatedRows() {
        Random random = new Random(7);
        int n = 300;
        double[] scores = new double[n];
        double[] labels = new double[n];
        double[] weights = new double[n];
        int duplicatedLength = 0;
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextInt(20) / 19.0;
            labels[i] = random.nextBoolean() ? 1 : 0;
            weights[i] = random.nextInt(4);
            duplicatedLength += (int) weights[i];
        }
        double[] duplicatedScores = new double[duplicatedLength];
        double[] duplicatedLabels = new double[duplicatedLength];
        int next = 0;
        for (int i = 0; i < n; i++) {
            for (int copy = 0; copy < weights[i]; copy++) {
                duplicatedScores[next] = scores[i];
                duplicatedLabels[next] = labels[i];
                next++;
            }
        }
        BinaryClassificationMetrics weighted =
                BinaryClassificationMetrics.of(scores, labels, weights);
        BinaryClassificationMetrics duplicated =
                BinaryClassificationMetrics.of(duplicatedScores, duplicatedLabels);
        assertEquals(duplicated.areaUnderROC(), weighted.areaUnderROC(), TOLERANCE);
        assertEquals(duplicated.areaUnderPR(), weighted.areaUnderPR(), TOLERANCE);
        assertEquals(duplicated.logLoss(), weighted.logLoss(), TOLERANCE);
        assertEquals(duplicated.f1(0.5), weighted.f1(0.5), TOLERANCE);
        assertEquals(duplicated.accuracy(0.3), weighted.accuracy(0.3), TOLERANCE);
    }

    @Test
    void testLogLossMatchesFormulaWithClipping() {
        // Certain and wrong costs −log(1e-15) rather than infinity; certain and right about 0.
        double[] scores = {0.0, 1.0, 0.8, 0.3, 1.0, 0.0, 0.5};
        double[] labels = {1, 1, 0, 0, 0, 0, 1};
        double[] weights = {1, 2, 0.5, 3, 0.25, 1, 0};
        double expected = 0;
        double totalWeight = 0;
        for (int i = 0; i < scores.length; i++) {
            double p = Math.min(Math.max(scores[i], 1e-15), 1 - 1e-15);
            double loss = labels[i] == 1 ? -Math.log(p) : -Math.log(1 - p);
            expected += weights[i] * loss;
            totalWeight += weights[i];
        }
        expected /= totalWeight;
        BinaryClassificationMetrics metrics =
                BinaryClassificationMetrics.of(scores, labels, weights);
        assertEquals(expected, metrics.logLoss(), 1e-12 * expected);
        assertTrue(Double.isFinite(metrics.logLoss()));

        BinaryClassificationMetrics simple =
                BinaryClassificationMetrics.of(new double[] {0.9, 0.2}, new double[] {1, 0});
        assertEquals((-Math.log(0.9) - Math.log(0.8)) / 2, simple.logLoss(), TOLERANCE);
    }

    @Test
    void testThresholdMetricsOnHandCountedExample() {
        double[] scores = {0.9, 0.8, 0.6, 0.4, 0.3};
        double[] labels = {1, 0, 1, 1, 0};
        BinaryClassificationMetrics metrics = BinaryClassificationMetrics.of(scores, labels);
        // Score 0.6 itself is predicted positive: TP 2 (0.9, 0.6), FP 1, FN 1 (0.4), TN 1.
        WeightedConfusionMatrix matrix = metrics.confusionMatrix(0.6);
        assertEquals(2, matrix.truePositives(), 0);
        assertEquals(1, matrix.falsePositives(), 0);
        assertEquals(1, matrix.trueNegatives(), 0);
        assertEquals(1, matrix.falseNegatives(), 0);
        assertEquals(3.0 / 5, metrics.accuracy(0.6), TOLERANCE);
        assertEquals(2.0 / 3, metrics.precision(0.6), TOLERANCE);
        assertEquals(2.0 / 3, metrics.recall(0.6), TOLERANCE);
        assertEquals(2.0 / 3, metrics.f1(0.6), TOLERANCE);
        // Just above 0.6 it flips to negative: TP 1, FP 1, FN 2, TN 1.
        double aboveSixTenths = Math.nextUp(0.6);
        assertEquals(2.0 / 5, metrics.accuracy(aboveSixTenths), TOLERANCE);
        assertEquals(1.0 / 2, metrics.precision(aboveSixTenths), TOLERANCE);
        assertEquals(1.0 / 3, metrics.recall(aboveSixTenths), TOLERANCE);
        assertEquals(2.0 / 5, metrics.f1(aboveSixTenths), TOLERANCE);
    }

    @Test
    void testThresholdMetricsMatchWeightedCountsByLoop() {
        Samples s = new Samples(42, 400, 10, true);
        BinaryClassificationMetrics metrics =
                BinaryClassificationMetrics.of(s.scores, s.labels, s.weights);
        double[] thresholds = {-1, 0, 0.1, 0.25, 0.3, 0.5, 0.55, 0.7, 0.9, 1.0, 1.5};
        for (double threshold : thresholds) {
            double tp = 0;
            double fp = 0;
            double tn = 0;
            double fn = 0;
            for (int i = 0; i < s.scores.length; i++) {
                boolean predictedPositive = s.scores[i] >= threshold;
                boolean positive = s.labels[i] == 1;
                double w = s.weight(i);
                if (predictedPositive && positive) {
                    tp += w;
                } else if (predictedPositive) {
                    fp += w;
                } else if (positive) {
                    fn += w;
                } else {
                    tn += w;
                }
            }
            String at = "threshold " + threshold;
            assertEquals((tp + tn) / (tp + fp + tn + fn), metrics.accuracy(threshold), 1e-12, at);
            assertEquals(
                    tp + fp == 0 ? 0 : tp / (tp + fp), metrics.precision(threshold), 1e-12, at);
            assertEquals(tp / (tp + fn), metrics.recall(threshold), 1e-12, at);
            double precision = tp + fp == 0 ? 0 : tp / (tp + fp);
            double recall = tp / (tp + fn);
            double harmonicMean =
                    precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            assertEquals(harmonicMean, metrics.f1(threshold), 1e-12, at);
        }
    }

    @Test
    void testZeroDenominatorsGiveZero() {
        BinaryClassificationMetrics metrics =
                BinaryClassificationMetrics.of(new double[] {0.2, 0.7}, new double[] {0, 1});
        // Nothing predicted positive above every score.
        assertEquals(0.0, metrics.precision(0.8), 0);
        assertEquals(0.0, metrics.recall(0.8), 0);
        assertEquals(0.0, metrics.f1(0.8), 0);
        assertEquals(0.5, metrics.accuracy(0.8), 0);

        BinaryClassificationMetrics onlyNegatives =
                BinaryClassificationMetrics.of(new double[] {0.2, 0.7}, new double[] {0, 0});
        assertEquals(0.0, onlyNegatives.recall(0.5), 0);
        assertEquals(0.0, onlyNegatives.f1(0.9), 0);
        assertEquals(1.0, onlyNegatives.accuracy(0.9), 0);

        BinaryClassificationMetrics empty =
                BinaryClassificationMetrics.of(new double[0], new double[0]);
        assertEquals(0.0, empty.accuracy(0.5), 0);
        assertEquals(0.0, empty.f1(0.5), 0);
        assertTrue(Double.isNaN(empty.logLoss()));
        assertTrue(Double.isNaN(empty.areaUnderROC()));
    }

    @Test
    void testAreasAreNaNWithOnlyOneClass() {
        double[] scores = {0.1, 0.5, 0.9};
        BinaryClassificationMetrics onlyPositives =
                BinaryClassificationMetrics.of(scores, new double[] {1, 1, 1});
        assertTrue(Double.isNaN(onlyPositives.areaUnderROC()));
        assertTrue(Double.isNaN(onlyPositives.areaUnderPR()));
        // A class present with weight 0 only is absent.
        BinaryClassificationMetrics negativesWeightless =
                BinaryClassificationMetrics.of(
                        scores, new double[] {0, 1, 1}, new double[] {0, 1, 1});
        assertTrue(Double.isNaN(negativesWeightless.areaUnderROC()));
        assertEquals(2.0, negativesWeightless.totalWeight(), 0);
        assertEquals(3, negativesWeightless.count());
    }

    @Test
    void testInvalidInputIsRejectedWithTheProblemNamed() {
        double[] scores = {0.1, 0.9};
        double[] labels = {0, 1};
        assertMessageContains(
                "label at index 1 is 2.0",
                () -> BinaryClassificationMetrics.of(scores, new double[] {0, 2}));
        assertMessageContains(
                "label at index 0 is 0.5",
                () -> BinaryClassificationMetrics.of(scores, new double[] {0.5, 1}));
        assertMessageContains(
                "score at index 1 is NaN",
                () -> BinaryClassificationMetrics.of(new double[] {0.1, Double.NaN}, labels));
        assertMessageContains(
                "score at index 0 is 1.5",
                () -> BinaryClassificationMetrics.of(new double[] {1.5, 0.2}, labels));
        assertMessageContains(
                "score at index 0 is -0.1",
                () -> BinaryClassificationMetrics.of(new double[] {-0.1, 0.2}, labels));
        assertMessageContains(
                "weight at index 1 is -1.0",
                () -> BinaryClassificationMetrics.of(scores, labels, new double[] {1, -1}));
        assertMessageContains(
                "weight at index 0 is NaN",
                () -> BinaryClassificationMetrics.of(scores, labels, new double[] {Double.NaN, 1}));
        assertMessageContains(
                "weight at index 0 is Infinity",
                () ->
                        BinaryClassificationMetrics.of(
                                scores, labels, new double[] {Double.POSITIVE_INFINITY, 1}));
        assertMessageContains(
                "same length",
                () -> BinaryClassificationMetrics.of(scores, new double[] {0, 1, 1}));
        assertMessageContains(
                "threshold is NaN",
                () -> BinaryClassificationMetrics.of(scores, labels).f1(Double.NaN));
    }

    @Test
    void testNegativeZeroScoreIsTheSameThresholdAsZero() {
        BinaryClassificationMetrics metrics =
                BinaryClassificationMetrics.of(new double[] {-0.0, 0.0}, new double[] {1, 0});
        assertEquals(0.5, metrics.areaUnderROC(), 0);
        assertEquals(0.5, metrics.areaUnderPR(), 0);
    }

    static void assertMessageContains(String expected, Runnable action) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(
                error.getMessage().contains(expected),
                () -> "message '" + error.getMessage() + "' should contain '" + expected + "'");
    }
}
