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
package io.streamml.linear.loss;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link SquaredLoss} against closed forms and finite differences. */
class SquaredLossTest {

    private static final Loss LOSS = SquaredLoss.INSTANCE;

    @Test
    void matchesClosedForms() {
        assertEquals(0, LOSS.loss(3, 3), 0);
        assertEquals(2, LOSS.loss(1, 3), 0);
        assertEquals(2, LOSS.loss(3, 1), 0);
        assertEquals(2, LOSS.derivative(1, 3), 0);
        assertEquals(-2, LOSS.derivative(3, 1), 0);
        assertEquals(1, LOSS.secondDerivative(3, 1), 0);
    }

    @Test
    void derivativeMatchesFiniteDifferences() {
        double h = 1e-4;
        for (double margin : new double[] {-10, -0.5, 0, 2.5, 40}) {
            double numeric = (LOSS.loss(1.5, margin + h) - LOSS.loss(1.5, margin - h)) / (2 * h);
            assertEquals(numeric, LOSS.derivative(1.5, margin), 1e-8);
        }
    }

    @Test
    void staysFiniteAtExtremeMargins() {
        assertEquals(320000, LOSS.loss(0, 800), 0);
        assertEquals(320000, LOSS.loss(0, -800), 0);
        assertTrue(Double.isFinite(LOSS.derivative(0, -800)));
    }
}
