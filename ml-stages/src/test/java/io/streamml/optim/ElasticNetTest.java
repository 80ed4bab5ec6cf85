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
package io.streamml.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tests {@link ElasticNet} with hand-computed values. */
class ElasticNetTest {

    @Test
    void splitsRegIntoL1AndL2() {
        ElasticNet penalty = new ElasticNet(0.2, 0.25);
        assertEquals(0.05, penalty.l1(), 1e-16);
        assertEquals(0.15, penalty.l2(), 1e-16);
    }

    @Test
    void valueSkipsTheIntercept() {
        ElasticNet penalty = new ElasticNet(0.5, 0.4);
        double[] x = {1, -2, 100};
        // l1 = 0.2, l2 = 0.3: 0.3/2·(1 + 4) + 0.2·(1 + 2) = 0.75 + 0.6.
        assertEquals(0.75, penalty.smoothValue(x, 2), 1e-15);
        assertEquals(0.6, penalty.l1Value(x, 2), 1e-15);
        assertEquals(1.35, penalty.value(x, 2), 1e-15);

        double[] gradient = {1, 1, 1};
        penalty.addSmoothGradient(x, 2, gradient);
        assertArrayEquals(new double[] {1.3, 0.4, 1}, gradient, 1e-15);
        assertArrayEquals(new double[] {0.2, 0.2, 0}, penalty.l1Weights(3, 2), 0);
    }

    @Test
    void softThresholdShrinksTowardsZero() {
        assertEquals(1.5, ElasticNet.softThreshold(2, 0.5), 0);
        assertEquals(-1.5, ElasticNet.softThreshold(-2, 0.5), 0);
        assertEquals(0, ElasticNet.softThreshold(0.5, 0.5), 0);
        assertEquals(0, ElasticNet.softThreshold(-0.3, 0.5), 0);
        assertEquals(0.3, ElasticNet.softThreshold(0.3, 0), 0);
    }

    @Test
    void subgradientStepFollowsFlinkMlRegularizationUtils() {
        // L2 only: scale by 1 − lr·reg = 0.98.
        double[] ridge = {1, -2, 5};
        new ElasticNet(0.2, 0).subgradientStep(ridge, 2, 0.1);
        assertArrayEquals(new double[] {0.98, -1.96, 5}, ridge, 1e-15);

        // L1 only: move by lr·reg = 0.02 against the sign; zero stays, small values cross zero.
        double[] lasso = {1, -2, 0, 0.01, 5};
        new ElasticNet(0.2, 1).subgradientStep(lasso, 4, 0.1);
        assertArrayEquals(new double[] {0.98, -1.98, 0, -0.01, 5}, lasso, 1e-15);

        // Mixed: x − lr·(0.1·sign(x) + 0.1·x) with reg = 0.2, elasticNet = 0.5.
        double[] mixed = {1, -2, 0};
        new ElasticNet(0.2, 0.5).subgradientStep(mixed, 3, 0.1);
        assertArrayEquals(new double[] {0.98, -1.97, 0}, mixed, 1e-15);

        double[] untouched = {1, -2};
        new ElasticNet(0, 0.5).subgradientStep(untouched, 2, 0.1);
        assertArrayEquals(new double[] {1, -2}, untouched, 0);
    }

    @Test
    void rejectsInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> new ElasticNet(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ElasticNet(1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new ElasticNet(Double.NaN, 0));
    }
}
