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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Random;

import static io.streamml.drift.SyntheticLossStreams.batchDetections;
import static io.streamml.drift.SyntheticLossStreams.bernoulli;
import static io.streamml.drift.SyntheticLossStreams.detectionCounts;
import static io.streamml.drift.SyntheticLossStreams.detectionDelays;
import static io.streamml.drift.SyntheticLossStreams.detectionPositions;
import static io.streamml.drift.SyntheticLossStreams.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link PageHinkley} against its defining sums and on streams with known changes. */
class PageHinkleyTest {

    private static final int SEEDS = 50;
    private static final int CHANGE_AT = 2000;

    @Test
    void testStatisticMatchesTheDefiningSums() {
        double delta = 0.01;
        double alpha = 0.99;
        PageHinkley detector = new PageHinkley(delta, 1e9, alpha, 1);
        Random random = new Random(4);
        int n = 300;
        double[] values = new double[n];
        double[] cumulative = new double[n];
        for (int t = 0; t < n; t++) {
            values[t] = (t < 150 ? 0 : 0.7) + random.nextGaussian();
            detector.update(values[t]);
            // m_t = Σ_{s≤t} α^{t−s} (x_s − mean(x_0..x_s) − δ), summed afresh.
            double m = 0;
            double prefixSum = 0;
            for (int s = 0; s <= t; s++) {
                prefixSum += values[s];
                m += Math.pow(alpha, t - s) * (values[s] - prefixSum / (s + 1) - delta);
            }
            cumulative[t] = m;
            double minimum = 0;
            for (int s = 0; s <= t; s++) {
                minimum = Math.min(minimum, cumulative[s]);
            }
            assertEquals(m - minimum, detector.statistic(), 1e-9, "at t = " + t);
        }
        assertTrue(detector.statistic() > 10, "the rise at t = 150 must show");
    }

    @Test
    void testHandComputedStatistic() {
        PageHinkley detector = new PageHinkley(0.1, 100, 1.0, 1);
        // m = −0.1, −0.2, −0.3, −0.4, then 5 − 9/5 − 0.1 = 3.1 higher: 2.7; min −0.4.
        double[] expected = {0, 0, 0, 0, 3.1};
        double[] values = {1, 1, 1, 1, 5};
        for (int t = 0; t < values.length; t++) {
            detector.update(values[t]);
            assertEquals(expected[t], detector.statistic(), 1e-12, "at t = " + t);
        }
        assertEquals(1.8, detector.mean(), 1e-12);
    }

    @Test
    void testNoDetectionBeforeMinInstances() {
        double[] stream = new double[40];
        Arrays.fill(stream, 10, 40, 10.0);
        PageHinkley detector = new PageHinkley(0.005, 1, 1 - 1e-4, 30);
        // The statistic passes λ = 1 at the 11th value, but 30 values are needed first.
        int[] positions = detectionPositions(detector, stream.clone());
        assertEquals(29, positions[0]);
        PageHinkley impatient = new PageHinkley(0.005, 1, 1 - 1e-4, 1);
        assertEquals(10, detectionPositions(impatient, stream.clone())[0]);
    }

    @Test
    void testResetsAfterDetection() {
        PageHinkley detector = new PageHinkley(0.005, 5, 1, 5);
        int updates = 0;
        boolean detected = false;
        while (!detected) {
            detected = detector.update(updates < 20 ? 0 : 1);
            updates++;
        }
        assertTrue(detector.statistic() > 5, "the triggering state stays inspectable");
        assertEquals(updates, detector.valuesSinceReset());
        detector.update(0.25);
        assertEquals(1, detector.valuesSinceReset());
        assertEquals(0.25, detector.mean(), 0);
        assertEquals(0, detector.statistic(), 0);
        assertEquals(updates + 1, detector.valuesSeen());
        assertEquals(1, detector.driftsDetected());
    }

    @Test
    void testDetectsIncreaseOfBernoulliLossesWithinBoundedDelay() {
        int[] delays =
                detectionDelays(
                        PageHinkley::new,
                        seed -> bernoulli(seed, 6000, CHANGE_AT, 0.2, 0.6),
                        SEEDS,
                        CHANGE_AT);
        report("Page-Hinkley, Bernoulli 0.2 -> 0.6, delay", delays);
        // λ / (0.4 − δ) ≈ 127 values, stretched because the running mean follows the rise.
        assertAllWithin(delays, 0, 250);
    }

    @Test
    void testBatchesDetectARiseWithinTheSameDelayRoundedToBatches() {
        for (int seed = 0; seed < SEEDS; seed++) {
            double[] stream = bernoulli(seed, 6000, CHANGE_AT, 0.2, 0.6);
            int[] found = batchDetections(new PageHinkley(), stream, 100);
            assertTrue(found.length > 0, "seed " + seed);
            // As value by value (within 250), rounded up to the batch boundary after it.
            assertTrue(
                    found[0] > CHANGE_AT && found[0] <= CHANGE_AT + 300,
                    "seed " + seed + ": " + Arrays.toString(found));
        }
    }

    @Test
    void testDetectsIncreaseOfGaussianLossesWithinBoundedDelay() {
        int[] delays =
                detectionDelays(
                        PageHinkley::new,
                        seed -> gaussian(seed, 6000, CHANGE_AT, 0.2, 0.6, 0.2),
                        SEEDS,
                        CHANGE_AT);
        report("Page-Hinkley, Gaussian(sd 0.2) 0.2 -> 0.6, delay", delays);
        assertAllWithin(delays, 90, 200);
    }

    @Test
    void testFalseAlarmsOnStationaryStreamsAreRare() {
        int[] bernoulliAlarms =
                detectionCounts(
                        PageHinkley::new,
                        seed -> bernoulli(1000 + seed, 10_000, 0, 0.2, 0.2),
                        SEEDS);
        int[] gaussianAlarms =
                detectionCounts(
                        PageHinkley::new,
                        seed -> gaussian(1000 + seed, 10_000, 0, 0.2, 0.2, 0.2),
                        SEEDS);
        report("Page-Hinkley, stationary Bernoulli(0.2) x 10000, false alarms", bernoulliAlarms);
        report("Page-Hinkley, stationary Gaussian(0.2, 0.2) x 10000, false alarms", gaussianAlarms);
        // The random walk of 0/1 losses sometimes climbs λ = 50; 4 in these 50 streams.
        assertTrue(Arrays.stream(bernoulliAlarms).max().getAsInt() <= 2);
        assertTrue(Arrays.stream(bernoulliAlarms).sum() <= 12);
        assertEquals(0, Arrays.stream(gaussianAlarms).sum());
    }

    @Test
    void testIgnoresDecreases() {
        for (int seed = 1; seed <= 10; seed++) {
            double[] stream = gaussian(seed, 6000, CHANGE_AT, 0.6, 0.2, 0.1);
            assertEquals(0, detectionPositions(new PageHinkley(), stream).length, "seed " + seed);
        }
    }

    @Test
    void testSurvivesSerializationMidStream() throws IOException, ClassNotFoundException {
        double[] stream = bernoulli(77, 6000, 3000, 0.2, 0.6);
        PageHinkley original = new PageHinkley();
        for (int i = 0; i < 3000; i++) {
            original.update(stream[i]);
        }
        PageHinkley restored = roundTrip(original);
        double[] rest = Arrays.copyOfRange(stream, 3000, 6000);
        int[] originalPositions = detectionPositions(original, rest);
        assertArrayEquals(originalPositions, detectionPositions(restored, rest));
        assertTrue(originalPositions.length > 0);
        assertEquals(original.statistic(), restored.statistic(), 0);
    }

    @Test
    void testRejectsInvalidArguments() {
        PageHinkley detector = new PageHinkley();
        assertThrows(IllegalArgumentException.class, () -> detector.update(Double.NaN));
        assertThrows(
                IllegalArgumentException.class, () -> detector.update(Double.NEGATIVE_INFINITY));
        assertEquals(0, detector.valuesSeen());
        assertThrows(IllegalArgumentException.class, () -> new PageHinkley(-1, 50, 0.9, 30));
        assertThrows(IllegalArgumentException.class, () -> new PageHinkley(0.005, 0, 0.9, 30));
        assertThrows(IllegalArgumentException.class, () -> new PageHinkley(0.005, 50, 1.5, 30));
        assertThrows(IllegalArgumentException.class, () -> new PageHinkley(0.005, 50, 0.9, 0));
        assertFalse(new PageHinkley().update(0.0));
    }

    static <T> T roundTrip(T object) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            @SuppressWarnings("unchecked")
            T copy = (T) in.readObject();
            return copy;
        }
    }

    /** Prints the measurement so that the build log records it. */
    static void report(String what, int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s over %d seeds: min %d, median %d, mean %.1f, max %d, total %d%n",
                what,
                values.length,
                sorted[0],
                sorted[sorted.length / 2],
                Arrays.stream(values).average().orElse(Double.NaN),
                sorted[sorted.length - 1],
                Arrays.stream(values).sum());
    }

    /** Asserts every value is in [min, max], so in particular that no change went unnoticed. */
    static void assertAllWithin(int[] values, int min, int max) {
        for (int i = 0; i < values.length; i++) {
            int value = values[i];
            assertTrue(
                    value >= min && value <= max,
                    "seed " + (i + 1) + ": " + value + " not in [" + min + ", " + max + "]");
        }
    }
}
