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
package io.streamml.drift;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import static io.streamml.drift.PageHinkleyTest.assertAllWithin;
import static io.streamml.drift.PageHinkleyTest.report;
import static io.streamml.drift.PageHinkleyTest.roundTrip;
import static io.streamml.drift.SyntheticLossStreams.batchDetections;
import static io.streamml.drift.SyntheticLossStreams.bernoulli;
import static io.streamml.drift.SyntheticLossStreams.detectionCounts;
import static io.streamml.drift.SyntheticLossStreams.detectionDelays;
import static io.streamml.drift.SyntheticLossStreams.detectionPositions;
import static io.streamml.drift.SyntheticLossStreams.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link Adwin}: its window bookkeeping by brute force, and on streams of known changes. */
class AdwinTest {

    private static final int SEEDS = 50;
    private static final int CHANGE_AT = 2000;

    @Test
    void testWindowIsTheMostRecentValuesWithTheirMeanAndVariance() {
        // Several jumps in both directions, so that the window is cut repeatedly.
        Random random = new Random(9);
        int n = 12_000;
        double[] stream = new double[n];
        for (int i = 0; i < n; i++) {
            double level = new double[] {0.2, 0.7, 0.1, 0.5, 0.5, 0.9}[i / 2000];
            stream[i] = level + 0.15 * random.nextGaussian();
        }
        Adwin adwin = new Adwin();
        for (int i = 0; i < n; i++) {
            adwin.update(stream[i]);
            long width = adwin.width();
            assertTrue(width >= 1 && width <= i + 1);
            int windowStart = (int) (i + 1 - width);
            double sum = 0;
            for (int k = windowStart; k <= i; k++) {
                sum += stream[k];
            }
            double mean = sum / width;
            assertEquals(mean, adwin.mean(), 1e-9, "mean at " + i);
            if (i % 37 == 0) {
                double squares = 0;
                for (int k = windowStart; k <= i; k++) {
                    squares += (stream[k] - mean) * (stream[k] - mean);
                }
                assertEquals(squares / width, adwin.variance(), 1e-9, "variance at " + i);
            }
            int maxBuckets = 5 * (63 - Long.numberOfLeadingZeros(width) + 1);
            assertTrue(adwin.bucketCount() <= maxBuckets, "buckets at " + i);
        }
        assertTrue(adwin.driftsDetected() >= 4, "drifts: " + adwin.driftsDetected());
    }

    @Test
    void testBatchesKeepTheWindowsMeanAndVarianceAndItsBucketBound() {
        double[] stream = gaussian(4, 10_000, 0, 0.3, 0.3, 0.2);
        Adwin adwin = new Adwin();
        assertEquals(0, batchDetections(adwin, stream, 100).length);
        assertEquals(10_000, adwin.width());
        assertEquals(10_000, adwin.valuesSeen());
        // Two-pass statistics of every value fed.
        double mean = Arrays.stream(stream).sum() / stream.length;
        double squares = Arrays.stream(stream).map(x -> (x - mean) * (x - mean)).sum();
        assertEquals(mean, adwin.mean(), 1e-12);
        assertEquals(squares / stream.length, adwin.variance(), 1e-12);
        // 100 batches in at most M = 5 buckets for each of 7 levels.
        assertTrue(adwin.bucketCount() <= 5 * 7);
    }

    @Test
    void testBatchesDetectARiseAtTheFirstBatchBoundariesAfterIt() {
        for (int seed = 0; seed < SEEDS; seed++) {
            double[] stream = bernoulli(seed, 6000, CHANGE_AT, 0.2, 0.6);
            int[] found = batchDetections(new Adwin(), stream, 100);
            assertTrue(found.length > 0, "seed " + seed);
            // The first alarm after the change, within two batches, and none before it.
            assertTrue(
                    found[0] > CHANGE_AT && found[0] <= CHANGE_AT + 200,
                    "seed " + seed + ": " + Arrays.toString(found));
        }
        double[] stationary = bernoulli(5, 10_000, 0, 0.3, 0.3);
        assertEquals(0, batchDetections(new Adwin(), stationary, 100).length);
    }

    @Test
    void testWindowKeepsEverythingWhileStationary() {
        double[] stream = bernoulli(5, 10_000, 0, 0.3, 0.3);
        Adwin adwin = new Adwin();
        assertEquals(0, detectionPositions(adwin, stream).length);
        assertEquals(10_000, adwin.width());
        assertEquals(Arrays.stream(stream).sum() / 10_000, adwin.mean(), 1e-12);
        // 10 000 = 2^13 + ... in at most M = 5 buckets of each of 14 sizes.
        assertTrue(adwin.bucketCount() <= 5 * 14);
    }

    @Test
    void testDetectsIncreaseOfBernoulliLossesWithinBoundedDelay() {
        int[] delays =
                detectionDelays(
                        Adwin::new,
                        seed -> bernoulli(seed, 6000, CHANGE_AT, 0.2, 0.6),
                        SEEDS,
                        CHANGE_AT);
        report("ADWIN, Bernoulli 0.2 -> 0.6, delay", delays);
        // Checks run every 32 values: the first after the change is at 2016, then 2048, ...
        assertAllWithin(delays, 15, 200);
    }

    @Test
    void testDetectsIncreaseOfGaussianLossesWithinBoundedDelay() {
        int[] delays =
                detectionDelays(
                        Adwin::new,
                        seed -> gaussian(seed, 6000, CHANGE_AT, 0.2, 0.6, 0.2),
                        SEEDS,
                        CHANGE_AT);
        report("ADWIN, Gaussian(sd 0.2) 0.2 -> 0.6, delay", delays);
        assertAllWithin(delays, 15, 100);
    }

    @Test
    void testDetectsDecreaseWithinBoundedDelay() {
        int[] delays =
                detectionDelays(
                        Adwin::new,
                        seed -> bernoulli(seed, 6000, CHANGE_AT, 0.6, 0.2),
                        SEEDS,
                        CHANGE_AT);
        report("ADWIN, Bernoulli 0.6 -> 0.2, delay", delays);
        assertAllWithin(delays, 15, 200);
    }

    @Test
    void testReportsTheDirectionOfEachChange() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            assertDirections(new Adwin(), bernoulli(seed, 6000, CHANGE_AT, 0.2, 0.6), true);
            assertDirections(new Adwin(), bernoulli(seed, 6000, CHANGE_AT, 0.6, 0.2), false);
        }
    }

    /** Every alarm after the change reports its direction; the stream must raise at least one. */
    private static void assertDirections(Adwin adwin, double[] stream, boolean increased) {
        int alarms = 0;
        for (int i = 0; i < stream.length; i++) {
            if (adwin.update(stream[i]) && i >= CHANGE_AT) {
                alarms++;
                assertEquals(increased, adwin.lastChangeIncreased(), "alarm at value " + i);
            }
        }
        assertTrue(alarms > 0, "no alarm");
    }

    @Test
    void testNoEarlyAlarmBeforeTheChange() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            int[] positions =
                    detectionPositions(new Adwin(), bernoulli(seed, 6000, CHANGE_AT, 0.2, 0.6));
            assertTrue(positions[0] >= CHANGE_AT, "seed " + seed + " alarmed at " + positions[0]);
        }
    }

    @Test
    void testFalseAlarmsOnStationaryStreamsAreRare() {
        int[] bernoulliAlarms =
                detectionCounts(
                        Adwin::new, seed -> bernoulli(1000 + seed, 10_000, 0, 0.2, 0.2), SEEDS);
        int[] gaussianAlarms =
                detectionCounts(
                        Adwin::new, seed -> gaussian(1000 + seed, 10_000, 0, 0.2, 0.2, 0.2), SEEDS);
        report("ADWIN, stationary Bernoulli(0.2) x 10000, false alarms", bernoulliAlarms);
        report("ADWIN, stationary Gaussian(0.2, 0.2) x 10000, false alarms", gaussianAlarms);
        assertAllWithin(bernoulliAlarms, 0, 1);
        assertAllWithin(gaussianAlarms, 0, 1);
    }

    @Test
    void testWindowShrinksAfterTheChangeAndTracksTheNewMean() {
        for (int seed = 1; seed <= 10; seed++) {
            double[] stream = bernoulli(seed, 4000, CHANGE_AT, 0.2, 0.6);
            Adwin adwin = new Adwin();
            for (int i = 0; i < CHANGE_AT; i++) {
                adwin.update(stream[i]);
            }
            String context = "seed " + seed;
            assertEquals(CHANGE_AT, adwin.width(), context);
            assertEquals(0.2, adwin.mean(), 0.05, context);
            for (int i = CHANGE_AT; i < stream.length; i++) {
                adwin.update(stream[i]);
            }
            // The 2000 values since the change, plus at most a sliver from before it.
            assertTrue(adwin.width() <= 2100, context + ": width " + adwin.width());
            assertEquals(0.6, adwin.mean(), 0.05, context);
            assertEquals(adwin.mean(), adwin.statistic(), 0);
        }
    }

    @Test
    void testSurvivesSerializationMidStream() throws IOException, ClassNotFoundException {
        double[] stream = bernoulli(78, 6000, 3000, 0.2, 0.6);
        Adwin original = new Adwin();
        for (int i = 0; i < 3000; i++) {
            original.update(stream[i]);
        }
        Adwin restored = roundTrip(original);
        double[] rest = Arrays.copyOfRange(stream, 3000, 6000);
        int[] originalPositions = detectionPositions(original, rest);
        assertArrayEquals(originalPositions, detectionPositions(restored, rest));
        assertTrue(originalPositions.length > 0);
        assertEquals(original.width(), restored.width());
        assertEquals(original.mean(), restored.mean(), 0);
    }

    @Test
    void testRejectsInvalidArguments() {
        Adwin adwin = new Adwin();
        assertThrows(IllegalArgumentException.class, () -> adwin.update(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> adwin.update(Double.POSITIVE_INFINITY));
        assertEquals(0, adwin.valuesSeen());
        assertTrue(Double.isNaN(adwin.mean()));
        assertThrows(IllegalArgumentException.class, () -> new Adwin(0));
        assertThrows(IllegalArgumentException.class, () -> new Adwin(1));
        assertThrows(IllegalArgumentException.class, () -> new Adwin(0.002, 0, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> new Adwin(0.002, 32, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> new Adwin(0.002, 32, 5, 0));
    }
}
