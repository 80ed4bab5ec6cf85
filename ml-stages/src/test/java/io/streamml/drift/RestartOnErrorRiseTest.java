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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drift policy restarts the optimizer once the squared error rises sharply (0.01 → 0.81 per
 * row), within two batches after the change, never while it is stable, and not when it falls.
 */
class RestartOnErrorRiseTest {
    private static final int ROWS = 50;

    /** The squared errors of a batch predicted near {@code center} for labels 0. */
    private static ScalarMoments batchErrors(Random random, double center) {
        ScalarMoments errors = new ScalarMoments();
        for (int i = 0; i < ROWS; i++) {
            double prediction = center + 0.02 * (random.nextDouble() - 0.5);
            errors.add(prediction * prediction);
        }
        return errors;
    }

    @Test
    void testRestartsOnlyWhenTheErrorRises() {
        Random random = new Random(3);
        DriftReaction rising = new RestartOnErrorRise(new Adwin());
        for (int batch = 0; batch < 40; batch++) {
            assertFalse(rising.restartOptimizer(batchErrors(random, 0.1)), "stable");
        }
        boolean restarted = false;
        for (int batch = 0; batch < 2 && !restarted; batch++) {
            restarted = rising.restartOptimizer(batchErrors(random, 0.9));
        }
        assertTrue(restarted, "no restart within two batches of the rise");

        DriftReaction falling = new RestartOnErrorRise(new Adwin());
        for (int batch = 0; batch < 40; batch++) {
            assertFalse(falling.restartOptimizer(batchErrors(random, 0.9)), "stable");
        }
        for (int batch = 0; batch < 40; batch++) {
            assertFalse(falling.restartOptimizer(batchErrors(random, 0.1)), "a fall");
        }
    }
}
