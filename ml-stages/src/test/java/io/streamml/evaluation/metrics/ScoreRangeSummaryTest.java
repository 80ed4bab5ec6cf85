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

import io.streamml.testutil.RankingOracle;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tests {@link ScoreRangeSummary}: the summaries of the ranges of any split, each swept with the
 * totals above it (summed here), add up to the areas of one sort-and-sweep over all samples.
 */
class ScoreRangeSummaryTest {
    private static final double THRESHOLD = 0.5;

    private final double[] scores;
    private final double[] labels;
    private final double[] weights;

    ScoreRangeSummaryTest() {
        Random random = new Random(3);
        int n = 4000;
        scores = new double[n];
        labels = new double[n];
        weights = new double[n];
        for (int i = 0; i < n; i++) {
            // Mostly on a grid of 21 values (heavy ties, 0.5 among them), some continuous.
            double p = random.nextDouble();
            scores[i] = i % 4 == 0 ? p : Math.round(p * 20) / 20.0;
            labels[i] = random.nextDouble() < 0.2 + 0.6 * p ? 1 : 0;
            weights[i] = i % 13 == 0 ? 0 : 0.5 + random.nextInt(4) * 0.75;
        }
    }

    /** The merged summaries of the ranges, each swept from its samples in decreasing order. */
    private ScoreRangeSummary sweepByRange(ScoreRanges ranges) {
        int numRanges = ranges.numRanges();
        double[] positives = new double[numRanges];
        double[] negatives = new double[numRanges];
        List<List<Integer>> members = new ArrayList<>();
        for (int r = 0; r < numRanges; r++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < scores.length; i++) {
            int range = ranges.rangeOf(scores[i]);
            members.get(range).add(i);
            positives[range] += labels[i] == 1 ? weights[i] : 0;
            negatives[range] += labels[i] == 1 ? 0 : weights[i];
        }
        ScoreRangeSummary total = null;
        for (int r = 0; r < numRanges; r++) {
            double positivesAbove = 0;
            double negativesAbove = 0;
            for (int above = r + 1; above < numRanges; above++) {
                positivesAbove += positives[above];
                negativesAbove += negatives[above];
            }
            // One entry per sample: the sweep adds up equal scores itself.
            List<Integer> range = members.get(r);
            range.sort(Comparator.comparingDouble((Integer i) -> -scores[i]));
            int n = range.size();
            double[] s = new double[n];
            double[] pos = new double[n];
            double[] neg = new double[n];
            for (int k = 0; k < n; k++) {
                int i = range.get(k);
                s[k] = scores[i];
                pos[k] = labels[i] == 1 ? weights[i] : 0;
                neg[k] = labels[i] == 1 ? 0 : weights[i];
            }
            ScoreRangeSummary summary =
                    ScoreRangeSummary.sweep(
                            s, pos, neg, n, positivesAbove, negativesAbove, THRESHOLD);
            // Ranges merge in any order: the sums are independent.
            total = total == null ? summary : summary.merge(total);
        }
        return total;
    }

    private void assertExact(ScoreRangeSummary summary) {
        assertEquals(
                RankingOracle.areaUnderRoc(scores, labels, weights), summary.areaUnderROC(), 1e-12);
        assertEquals(
                RankingOracle.averagePrecision(scores, labels, weights),
                summary.areaUnderPR(),
                1e-12);
        double logLoss = 0;
        double total = 0;
        double tp = 0;
        double fp = 0;
        double positives = 0;
        double negatives = 0;
        for (int i = 0; i < scores.length; i++) {
            double p = Math.min(Math.max(scores[i], 1e-15), 1 - 1e-15);
            logLoss -= weights[i] * (labels[i] == 1 ? Math.log(p) : Math.log(1 - p));
            total += weights[i];
            boolean predicted = scores[i] >= THRESHOLD;
            tp += labels[i] == 1 && predicted ? weights[i] : 0;
            fp += labels[i] == 0 && predicted ? weights[i] : 0;
            positives += labels[i] == 1 ? weights[i] : 0;
            negatives += labels[i] == 0 ? weights[i] : 0;
        }
        assertEquals(logLoss / total, summary.logLoss(), 1e-12);
        WeightedConfusionMatrix matrix = summary.confusionMatrix();
        assertEquals(tp, matrix.truePositives(), 1e-9);
        assertEquals(fp, matrix.falsePositives(), 1e-9);
        assertEquals(negatives - fp, matrix.trueNegatives(), 1e-9);
        assertEquals(positives - tp, matrix.falseNegatives(), 1e-9);
    }

    @Test
    void testAnySplitIntoRangesGivesTheAreasOfOneSweep() {
        double[] ones = new double[scores.length];
        Arrays.fill(ones, 1);
        for (int numRanges : new int[] {1, 2, 4, 9, 40}) {
            // Boundaries at sampled scores, so most fall on a tied grid value.
            assertExact(sweepByRange(ScoreRanges.fromSamples(scores, ones, numRanges)));
        }
        // A boundary exactly at the threshold, a tied value: its ties stay in the range below.
        assertExact(sweepByRange(ScoreRanges.fromSamples(new double[] {0.5}, new double[] {1}, 2)));
        // Ranges that split nothing: one holds every sample, the others are empty.
        assertExact(sweepByRange(ScoreRanges.fromSamples(new double[] {1.0}, new double[] {1}, 3)));
    }

    @Test
    void testOneScoreOnly() {
        // Every pair ties: AUC ½; one threshold predicting everything 1: AP = P / (P + N).
        double[] s = {0.3, 0.3, 0.3, 0.3};
        double[] pos = {2, 0, 1, 0};
        double[] neg = {0, 1, 0, 4};
        ScoreRangeSummary summary = ScoreRangeSummary.sweep(s, pos, neg, 4, 0, 0, 0.3);
        assertEquals(0.5, summary.areaUnderROC(), 1e-15);
        assertEquals(3.0 / 8, summary.areaUnderPR(), 1e-15);
        assertEquals(3, summary.confusionMatrix().truePositives());
        assertEquals(5, summary.confusionMatrix().falsePositives());
    }

    @Test
    void testUndefinedAndEmpty() {
        ScoreRangeSummary empty =
                ScoreRangeSummary.sweep(new double[0], new double[0], new double[0], 0, 0, 0, 0.5);
        assertTrue(empty.isEmpty());
        assertTrue(Double.isNaN(empty.areaUnderROC()));
        assertTrue(Double.isNaN(empty.logLoss()));
        ScoreRangeSummary positivesOnly =
                ScoreRangeSummary.sweep(
                        new double[] {0.9, 0.2}, new double[] {1, 2}, new double[2], 2, 0, 0, 0.5);
        assertTrue(!positivesOnly.isEmpty());
        assertTrue(Double.isNaN(positivesOnly.areaUnderROC()));
        assertTrue(Double.isNaN(positivesOnly.areaUnderPR()));
        assertEquals(-(Math.log(0.9) + 2 * Math.log(0.2)) / 3, positivesOnly.logLoss(), 1e-15);
    }

    @Test
    void testScoresMustDecrease() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        ScoreRangeSummary.sweep(
                                new double[] {0.2, 0.9},
                                new double[2],
                                new double[2],
                                2,
                                0,
                                0,
                                0.5));
    }

    @Test
    void testSerializationKeepsTheSums() throws IOException {
        double[] ones = new double[scores.length];
        Arrays.fill(ones, 1);
        ScoreRangeSummary summary = sweepByRange(ScoreRanges.fromSamples(scores, ones, 3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        summary.writeTo(new DataOutputStream(bytes));
        ScoreRangeSummary restored =
                ScoreRangeSummary.readFrom(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertExact(restored);
    }
}
