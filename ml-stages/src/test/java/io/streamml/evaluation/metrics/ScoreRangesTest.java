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
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link ScoreRanges}: ranges follow the scores and split the sampled weight evenly. */
class ScoreRangesTest {

    private static int[] countsPerRange(ScoreRanges ranges, double[] scores) {
        int[] counts = new int[ranges.numRanges()];
        for (double score : scores) {
            counts[ranges.rangeOf(score)]++;
        }
        return counts;
    }

    @Test
    void testRangesAreConsecutiveAndKeepEqualScoresTogether() {
        Random random = new Random(1);
        double[] samples = new double[500];
        double[] weights = new double[500];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextInt(20) / 19.0;
            weights[i] = 1;
        }
        ScoreRanges ranges = ScoreRanges.fromSamples(samples, weights, 7);
        int previous = 0;
        for (int k = 0; k <= 1000; k++) {
            double score = k / 1000.0;
            int range = ranges.rangeOf(score);
            assertTrue(range >= previous && range < 7, score + " in range " + range);
            previous = range;
        }
        // 20 equally frequent scores over 7 ranges: every range gets some.
        for (int count : countsPerRange(ranges, samples)) {
            assertTrue(count > 0, Arrays.toString(countsPerRange(ranges, samples)));
        }
    }

    @Test
    void testBoundariesSplitTheSampledWeightEvenly() {
        Random random = new Random(2);
        // Two subtasks: 9000 distinct scores stood for by 90 samples of weight 100, and 1000 by
        // all of them, weight 1; skewed towards 0 as fraud scores are.
        double[] samples = new double[1090];
        double[] weights = new double[1090];
        double[] all = new double[10_000];
        for (int i = 0; i < all.length; i++) {
            all[i] = Math.pow(random.nextDouble(), 6);
        }
        double[] first = Arrays.copyOf(all, 9000);
        Arrays.sort(first);
        for (int j = 0; j < 90; j++) {
            samples[j] = first[100 * j + 50];
            weights[j] = 100;
        }
        for (int i = 0; i < 1000; i++) {
            samples[90 + i] = all[9000 + i];
            weights[90 + i] = 1;
        }
        ScoreRanges ranges = ScoreRanges.fromSamples(samples, weights, 4);
        for (int count : countsPerRange(ranges, all)) {
            assertEquals(2500, count, 150);
        }
    }

    @Test
    void testAScoreHoldingMoreThanAShareFillsItsRangeAlone() {
        // Half the weight at 0.2: three boundaries fall on it, so range 0 takes all of 0.2 and
        // ranges 1 and 2 stay empty.
        double[] samples = {0.1, 0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.4, 0.5, 0.6};
        double[] weights = new double[samples.length];
        Arrays.fill(weights, 1);
        ScoreRanges ranges = ScoreRanges.fromSamples(samples, weights, 5);
        assertArrayEquals(new int[] {6, 0, 0, 2, 2}, countsPerRange(ranges, samples));

        // One score only: everything in the first range.
        ScoreRanges oneScore = ScoreRanges.fromSamples(new double[] {0.7}, new double[] {1e6}, 4);
        assertArrayEquals(new int[] {1, 0, 0, 0}, countsPerRange(oneScore, new double[] {0.7}));
        // No samples (no rows): one range takes all.
        ScoreRanges none = ScoreRanges.fromSamples(new double[0], new double[0], 3);
        assertArrayEquals(new int[] {3, 0, 0}, countsPerRange(none, new double[] {0, 0.5, 1}));
    }

    @Test
    void testTotalsAbove() {
        assertArrayEquals(
                new double[] {9, 7, 4, 0}, ScoreRanges.totalsAbove(new double[] {1, 2, 3, 4}), 0);
        assertArrayEquals(new double[0], ScoreRanges.totalsAbove(new double[0]), 0);
    }

    @Test
    void testSerialization() throws IOException {
        double[] samples = {0.9, 0.1, 0.5, 0.3};
        ScoreRanges ranges = ScoreRanges.fromSamples(samples, new double[] {1, 1, 1, 1}, 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ranges.writeTo(new DataOutputStream(bytes));
        ScoreRanges restored =
                ScoreRanges.readFrom(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(ranges.toString(), restored.toString());
        assertEquals(3, restored.numRanges());
        for (double score : new double[] {0, 0.1, 0.3, 0.31, 0.5, 0.9, 1}) {
            assertEquals(ranges.rangeOf(score), restored.rangeOf(score));
        }
    }
}
