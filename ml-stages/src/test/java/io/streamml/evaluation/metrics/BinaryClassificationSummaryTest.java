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
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link BinaryClassificationSummary} against exact metrics and a pairwise AUC. */
class BinaryClassificationSummaryTest {
    private static final int N = 3000;

    private final double[] scores = new double[N];
    private final double[] labels = new double[N];
    private final double[] weights = new double[N];

    BinaryClassificationSummaryTest() {
        Random random = new Random(7);
        for (int i = 0; i < N; i++) {
            labels[i] = random.nextDouble() < 0.3 ? 1 : 0;
            double margin = 1.5 * (labels[i] - 0.5) + random.nextGaussian();
            scores[i] = 1 / (1 + Math.exp(-margin));
            weights[i] = i % 7 == 0 ? 0 : 0.5 + random.nextDouble();
        }
        scores[0] = 0; // the end bins take the extremes
        scores[1] = 1;
    }

    /** Σ w_i w_j ([s_i > s_j] + ½ [s_i = s_j]) / (P N) over positives i and negatives j. */
    private static double pairwiseAuc(double[] scores, double[] labels, double[] weights) {
        double area = 0;
        double positives = 0;
        double negatives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] == 1) {
                positives += weights[i];
            } else {
                negatives += weights[i];
            }
        }
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; labels[i] == 1 && j < scores.length; j++) {
                if (labels[j] == 0) {
                    double order = scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                    area += weights[i] * weights[j] * order;
                }
            }
        }
        return area / positives / negatives;
    }

    private BinaryClassificationSummary summary(int from, int to) {
        BinaryClassificationSummary summary = new BinaryClassificationSummary();
        for (int i = from; i < to; i++) {
            summary.add(scores[i], labels[i], weights[i]);
        }
        return summary;
    }

    @Test
    void testSumsEqualTheExactMetrics() {
        BinaryClassificationSummary summary = summary(0, N);
        BinaryClassificationMetrics exact = BinaryClassificationMetrics.of(scores, labels, weights);
        assertEquals(exact.logLoss(), summary.logLoss(), 1e-12);
        assertEquals(exact.accuracy(0.5), summary.accuracy(), 1e-12);
        assertEquals(exact.positiveWeight(), summary.positiveWeight(), 1e-9);
        assertEquals(exact.negativeWeight(), summary.negativeWeight(), 1e-9);
        assertEquals(N, summary.count());
    }

    @Test
    void testAreaUnderRocIsWithinItsBoundOfThePairwiseArea() {
        BinaryClassificationSummary summary = summary(0, N);
        double exact = pairwiseAuc(scores, labels, weights);
        double bound = summary.areaUnderROCErrorBound();
        assertTrue(bound > 0 && bound < 2e-3, "bound " + bound);
        assertTrue(
                Math.abs(summary.areaUnderROC() - exact) <= bound,
                summary.areaUnderROC() + " vs " + exact + " ± " + bound);
    }

    @Test
    void testAreaUnderRocIsExactWhenNoBinHoldsBothClasses() {
        // Log-odds 0.25 apart: every score in its own bin, with ties of equal scores.
        int n = 200;
        double[] s = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        BinaryClassificationSummary summary = new BinaryClassificationSummary();
        Random random = new Random(11);
        for (int i = 0; i < n; i++) {
            double logOdds = 0.25 * (random.nextInt(60) - 30) + 0.125;
            s[i] = 1 / (1 + Math.exp(-logOdds));
            y[i] = random.nextDouble() < 0.5 ? 1 : 0;
            w[i] = 1 + random.nextInt(3);
            summary.add(s[i], y[i], w[i]);
        }
        assertEquals(pairwiseAuc(s, y, w), summary.areaUnderROC(), 1e-12);
    }

    @Test
    void testMergeOfAnySplitEqualsTheWhole() {
        BinaryClassificationSummary whole = summary(0, N);
        for (int cut : new int[] {0, 1, 977, N}) {
            BinaryClassificationSummary merged = summary(0, cut).merge(summary(cut, N));
            assertEquals(whole.count(), merged.count());
            assertEquals(whole.logLoss(), merged.logLoss(), 1e-12);
            assertEquals(whole.accuracy(), merged.accuracy(), 1e-12);
            assertEquals(whole.areaUnderROC(), merged.areaUnderROC(), 1e-12);
        }
    }

    @Test
    void testSerializedSizeIsBoundedAndRoundTrips() throws IOException {
        BinaryClassificationSummary large = new BinaryClassificationSummary();
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            large.add(random.nextDouble(), random.nextInt(2), 1);
        }
        byte[] bytes = write(large);
        // Five sums, a bin count, and at most every bin (index and two weights).
        assertTrue(bytes.length <= 8 * 5 + 4 + BinaryClassificationSummary.BINS * 18);

        BinaryClassificationSummary read = read(bytes);
        assertEquals(large.count(), read.count());
        assertEquals(large.logLoss(), read.logLoss(), 0);
        assertEquals(large.accuracy(), read.accuracy(), 0);
        assertEquals(large.areaUnderROC(), read.areaUnderROC(), 0);

        BinaryClassificationSummary small = summary(0, 3);
        assertTrue(write(small).length <= 8 * 5 + 4 + 3 * 18);
        assertEquals(small.logLoss(), read(write(small)).logLoss(), 0);
        BinaryClassificationSummary empty = read(write(new BinaryClassificationSummary()));
        assertEquals(0, empty.count());
        assertTrue(Double.isNaN(empty.areaUnderROC()));
    }

    @Test
    void testCorruptedBinsAreRejected() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(1);
        for (int i = 0; i < 4; i++) {
            out.writeDouble(1);
        }
        out.writeInt(BinaryClassificationSummary.BINS + 1);
        assertThrows(IOException.class, () -> read(bytes.toByteArray()));
    }

    @Test
    void testInvalidSamplesAreRejected() {
        BinaryClassificationSummary summary = new BinaryClassificationSummary();
        assertThrows(IllegalArgumentException.class, () -> summary.add(1.5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> summary.add(0.5, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> summary.add(0.5, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> summary.add(Double.NaN, 1, 1));
    }

    private static byte[] write(BinaryClassificationSummary summary) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        summary.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static BinaryClassificationSummary read(byte[] bytes) throws IOException {
        return BinaryClassificationSummary.readFrom(
                new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
