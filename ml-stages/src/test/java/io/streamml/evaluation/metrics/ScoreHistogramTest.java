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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link ScoreHistogram} against per-score sums taken with a sorted map. */
class ScoreHistogramTest {

    /** Per distinct score: {positive weight, negative weight}, summed directly. */
    private static TreeMap<Double, double[]> directSums(double[][] samples) {
        TreeMap<Double, double[]> sums = new TreeMap<>();
        for (double[] sample : samples) {
            double[] sum = sums.computeIfAbsent(sample[0] + 0.0, s -> new double[2]);
            sum[sample[1] == 1 ? 0 : 1] += sample[2];
        }
        return sums;
    }

    private static double[][] tiedSamples(int n, int distinct, long seed) {
        Random random = new Random(seed);
        double[][] samples = new double[n][];
        for (int i = 0; i < n; i++) {
            double score = random.nextInt(distinct) / (double) (distinct - 1);
            samples[i] =
                    new double[] {
                        score, random.nextInt(2), i % 11 == 0 ? 0 : 0.25 + random.nextDouble()
                    };
        }
        return samples;
    }

    private static ScoreHistogram histogramOf(double[][] samples) {
        ScoreHistogram histogram = new ScoreHistogram();
        for (double[] sample : samples) {
            histogram.add(sample[0], sample[1], sample[2]);
        }
        return histogram;
    }

    private static void assertHolds(TreeMap<Double, double[]> expected, ScoreHistogram actual) {
        assertEquals(expected.size(), actual.distinctScores());
        int i = 0;
        for (double score : expected.keySet()) {
            assertEquals(score, actual.score(i));
            assertEquals(expected.get(score)[0], actual.positiveWeight(i), 1e-9);
            assertEquals(expected.get(score)[1], actual.negativeWeight(i), 1e-9);
            i++;
        }
    }

    @Test
    void testHoldsTheWeightsPerDistinctScoreAscending() {
        for (int distinct : new int[] {2, 37, 5000}) {
            double[][] samples = tiedSamples(20_000, distinct, distinct);
            ScoreHistogram histogram = histogramOf(samples);
            assertHolds(directSums(samples), histogram);
            // Samples of weight 0 count.
            assertEquals(samples.length, histogram.samples());
        }
    }

    @Test
    void testMemoryFollowsTheDistinctScoresNotTheSamples() {
        ScoreHistogram tied = histogramOf(tiedSamples(1_000_000, 10, 1));
        assertEquals(10, tied.distinctScores());
        assertTrue(tied.capacity() <= 128, "capacity " + tied.capacity());

        ScoreHistogram distinct = new ScoreHistogram();
        Random random = new Random(2);
        for (int i = 0; i < 100_000; i++) {
            distinct.add(random.nextDouble(), random.nextInt(2), 1);
        }
        assertEquals(100_000, distinct.distinctScores());
        assertTrue(distinct.capacity() <= 4 * 100_000, "capacity " + distinct.capacity());
    }

    @Test
    void testNegativeZeroIsZero() {
        ScoreHistogram histogram = new ScoreHistogram().add(-0.0, 1, 2).add(0.0, 0, 3);
        assertEquals(1, histogram.distinctScores());
        assertEquals(0.0, histogram.score(0));
        assertEquals(2, histogram.positiveWeight(0));
        assertEquals(3, histogram.negativeWeight(0));
    }

    @Test
    void testEvenlySpacedScoresDependOnlyOnTheScores() {
        double[][] samples = tiedSamples(30_000, 1000, 3);
        ScoreHistogram histogram = histogramOf(samples);
        List<double[]> shuffled = new ArrayList<>(List.of(samples));
        Collections.shuffle(shuffled, new Random(4));
        ScoreHistogram reordered = histogramOf(shuffled.toArray(new double[0][]));
        double[] sample = histogram.evenlySpacedScores(100);
        assertArrayEquals(sample, reordered.evenlySpacedScores(100));
        // Scores j / 999 for j = 0..999: the middle of each tenth of the ranks.
        assertEquals(100, sample.length);
        for (int j = 0; j < 100; j++) {
            assertEquals((10 * j + 5) / 999.0, sample[j], 1e-15);
        }
        // Fewer distinct scores than asked for: all of them.
        ScoreHistogram few = new ScoreHistogram().add(0.3, 1, 1).add(0.1, 0, 1).add(0.3, 0, 1);
        assertArrayEquals(new double[] {0.1, 0.3}, few.evenlySpacedScores(100));
    }

    @Test
    void testMergeAndSerializationKeepTheSums() throws IOException {
        double[][] samples = tiedSamples(5000, 300, 5);
        ScoreHistogram first = new ScoreHistogram();
        ScoreHistogram second = new ScoreHistogram();
        for (int i = 0; i < samples.length; i++) {
            (i < 1234 ? first : second).add(samples[i][0], samples[i][1], samples[i][2]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        first.writeTo(new DataOutputStream(bytes));
        ScoreHistogram restored =
                ScoreHistogram.readFrom(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        restored.merge(second);
        assertHolds(directSums(samples), restored);
        assertEquals(samples.length, restored.samples());
        restored.clear();
        assertEquals(0, restored.distinctScores());
        assertEquals(0, restored.samples());
    }

    @Test
    void testInvalidSamplesAreRejected() {
        ScoreHistogram histogram = new ScoreHistogram();
        assertThrows(IllegalArgumentException.class, () -> histogram.add(Double.NaN, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> histogram.add(1.5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> histogram.add(0.5, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> histogram.add(0.5, 1, -1));
        assertEquals(0, histogram.samples());
    }
}
