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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link LogLoss} against closed forms and finite differences. */
class LogLossTest {

    private static final Loss LOSS = LogLoss.INSTANCE;

    @Test
    void matchesClosedFormsAtZeroMargin() {
        assertEquals(Math.log(2), LOSS.loss(0, 0), 1e-16);
        assertEquals(Math.log(2), LOSS.loss(1, 0), 1e-16);
        assertEquals(0.5, LOSS.derivative(0, 0), 0);
        assertEquals(-0.5, LOSS.derivative(1, 0), 0);
        assertEquals(0.25, LOSS.secondDerivative(1, 0), 0);
    }

    @Test
    void matchesTheTextbookFormulaAtModerateMargins() {
        // The textbook form loses digits to 1 − p, hence the tolerance of 1e-12.
        for (double margin : new double[] {-5, -1.3, -0.2, 0.7, 2, 6}) {
            double p = 1 / (1 + Math.exp(-margin));
            assertEquals(-Math.log(p), LOSS.loss(1, margin), 1e-12);
            assertEquals(-Math.log(1 - p), LOSS.loss(0, margin), 1e-12);
            assertEquals(p - 1, LOSS.derivative(1, margin), 1e-15);
            assertEquals(p, LOSS.derivative(0, margin), 1e-15);
            assertEquals(p * (1 - p), LOSS.secondDerivative(0, margin), 1e-15);
        }
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        double h = 1e-5;
        for (double label : new double[] {0, 1}) {
            for (double margin : new double[] {-7, -2.5, -0.1, 0.4, 3, 9}) {
                double numericFirst =
                        (LOSS.loss(label, margin + h) - LOSS.loss(label, margin - h)) / (2 * h);
                double numericSecond =
                        (LOSS.derivative(label, margin + h) - LOSS.derivative(label, margin - h))
                                / (2 * h);
                assertEquals(numericFirst, LOSS.derivative(label, margin), 1e-9);
                assertEquals(numericSecond, LOSS.secondDerivative(label, margin), 1e-9);
            }
        }
    }

    @Test
    void staysFiniteAndAccurateAtExtremeMargins() {
        // A confident right answer costs about e^−|m|; a confident wrong one costs |m|.
        assertEquals(0, LOSS.loss(1, 800), 0);
        assertEquals(0, LOSS.loss(0, -800), 0);
        assertEquals(800, LOSS.loss(0, 800), 0);
        assertEquals(800, LOSS.loss(1, -800), 0);
        assertEquals(Math.exp(-40), LOSS.loss(1, 40), 1e-30);
        assertEquals(Math.exp(-40), LOSS.loss(0, -40), 1e-30);
        assertEquals(1, LOSS.derivative(0, 800), 0);
        assertEquals(-1, LOSS.derivative(1, -800), 0);
        assertEquals(-Math.exp(-40), LOSS.derivative(1, 40), 1e-30);
        assertEquals(0, LOSS.secondDerivative(0, 800), 0);
        assertEquals(0, LOSS.secondDerivative(0, -800), 0);
        for (double margin : new double[] {-1e308, -800, 800, 1e308}) {
            for (double label : new double[] {0, 1}) {
                assertTrue(Double.isFinite(LOSS.loss(label, margin)));
                assertTrue(Double.isFinite(LOSS.derivative(label, margin)));
                assertTrue(Double.isFinite(LOSS.secondDerivative(label, margin)));
            }
        }
    }

    @Test
    void sigmoidIsSymmetricAndBounded() {
        assertEquals(0.5, LogLoss.sigmoid(0), 0);
        assertEquals(1, LogLoss.sigmoid(800), 0);
        assertEquals(0, LogLoss.sigmoid(-800), 0);
        for (double margin : new double[] {-30, -3, 0.5, 12}) {
            assertEquals(1, LogLoss.sigmoid(margin) + LogLoss.sigmoid(-margin), 1e-15);
        }
    }

    @Test
    void deserializesToTheSingleton() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(LogLoss.INSTANCE);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertSame(LogLoss.INSTANCE, in.readObject());
        }
    }
}
