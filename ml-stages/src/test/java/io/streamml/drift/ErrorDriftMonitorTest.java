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

import io.streamml.stats.ScalarMoments;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor, fed mini-batches of errors, alarms on a rise, not on a fall. */
class ErrorDriftMonitorTest {
    private static final int BATCH = 100;
    private static final int CHANGE_AT_BATCH = 30;

    /**
     * Imbalanced labels (3% positive) scored by a good model, then by one that misses the
     * positives: confident misses make log-loss spike to ~4.6 while the Brier score stays ≤ 1.
     * Returns the first alarm's batch and the number of alarms.
     */
    private static int[] alarms(ErrorDriftMonitor monitor, boolean worseAfter, long seed) {
        Random random = new Random(seed);
        int first = -1;
        int count = 0;
        for (int b = 0; b < 2 * CHANGE_AT_BATCH; b++) {
            boolean good = (b < CHANGE_AT_BATCH) == worseAfter;
            ScalarMoments squaredErrors = new ScalarMoments();
            for (int i = 0; i < BATCH; i++) {
                boolean positive = random.nextDouble() < 0.03;
                double p = positive ? (good ? 0.9 : 0.01) : 0.02;
                squaredErrors.add((p - (positive ? 1 : 0)) * (p - (positive ? 1 : 0)));
            }
            if (monitor.update(squaredErrors)) {
                count++;
                first = first < 0 ? b : first;
            }
        }
        return new int[] {first, count};
    }

    @Test
    void testAlarmsWhenTheErrorRises() {
        for (long seed = 1; seed <= 20; seed++) {
            int[] alarms = alarms(new ErrorDriftMonitor(new Adwin()), true, seed);
            assertTrue(
                    alarms[0] >= CHANGE_AT_BATCH && alarms[0] < CHANGE_AT_BATCH + 15,
                    "seed " + seed + ": first alarm at batch " + alarms[0]);
        }
    }

    @Test
    void testNoAlarmWhenTheErrorFalls() {
        for (long seed = 1; seed <= 20; seed++) {
            ErrorDriftMonitor monitor = new ErrorDriftMonitor(new Adwin());
            assertEquals(0, alarms(monitor, false, seed)[1], "seed " + seed);
            // The detector itself did see the change; the monitor only keeps worsening.
            assertTrue(monitor.detector().driftsDetected() > 0, "seed " + seed);
            assertEquals(
                    0,
                    alarms(new ErrorDriftMonitor(new PageHinkley()), false, seed)[1],
                    "seed " + seed);
        }
    }

    @Test
    void testFeedsTheBatchesSquaredErrors() {
        Adwin adwin = new Adwin();
        ErrorDriftMonitor monitor = new ErrorDriftMonitor(adwin);
        monitor.update(new ScalarMoments().add(0.64).add(0.25));
        monitor.update(new ScalarMoments().add(0.01));
        assertEquals((0.64 + 0.25 + 0.01) / 3, adwin.mean(), 1e-15);
        assertEquals(3, adwin.width());
    }
}
