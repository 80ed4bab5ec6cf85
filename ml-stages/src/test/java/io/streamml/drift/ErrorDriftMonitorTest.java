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

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorDriftMonitorTest {
    private static final int CHANGE_AT = 3000;

    /**
     * Imbalanced labels (3% positive) scored by a good model, then by one that misses the
     * positives: confident misses make log-loss spike to ~4.6 while the Brier score stays ≤ 1.
     */
    private static int[] alarms(ErrorDriftMonitor monitor, boolean worseAfter, long seed) {
        Random random = new Random(seed);
        int first = -1;
        int count = 0;
        for (int i = 0; i < 2 * CHANGE_AT; i++) {
            boolean positive = random.nextDouble() < 0.03;
            boolean good = (i < CHANGE_AT) == worseAfter;
            double p = positive ? (good ? 0.9 : 0.01) : 0.02;
            if (monitor.update(p, positive ? 1 : 0)) {
                count++;
                first = first < 0 ? i : first;
            }
        }
        return new int[] {first, count};
    }

    @Test
    void testAlarmsWhenTheErrorRises() {
        for (long seed = 1; seed <= 20; seed++) {
            int[] alarms = alarms(new ErrorDriftMonitor(new Adwin()), true, seed);
            assertTrue(
                    alarms[0] >= CHANGE_AT && alarms[0] < CHANGE_AT + 1500,
                    "seed " + seed + ": first alarm at " + alarms[0]);
        }
    }

    @Test
    void testNoAlarmWhenTheErrorFalls() {
        for (long seed = 1; seed <= 20; seed++) {
            ErrorDriftMonitor monitor = new ErrorDriftMonitor(new Adwin());
            assertEquals(0, alarms(monitor, false, seed)[1], "seed " + seed);
            // The detector itself did see the change; the monitor only keeps worsening.
            assertTrue(monitor.detector().driftsDetected() > 0, "seed " + seed);
        }
    }

    @Test
    void testFeedsTheSquaredError() {
        Adwin adwin = new Adwin();
        ErrorDriftMonitor monitor = new ErrorDriftMonitor(adwin);
        monitor.update(0.2, 1);
        monitor.update(0.5, 0);
        assertEquals((0.64 + 0.25) / 2, adwin.mean(), 1e-15);
    }
}
