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
package io.streamml.linear.training;

import io.streamml.linear.loss.LogLoss;
import io.streamml.linear.loss.SquaredLoss;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tests {@link MiniBatchGradient} with hand-computed sums. */
class MiniBatchGradientTest {

    @Test
    void sumsWeightedGradientsOfDenseRowsWithIntercept() {
        MiniBatchGradient batch = new MiniBatchGradient(SquaredLoss.INSTANCE, 2, true);
        double[] parameters = {1, 2, 0.5};
        // Margins: 1 + 4 + 0.5 = 5.5 (label 5) and −1 + 0 + 0.5 = −0.5 (label 0.5);
        // residuals 0.5 and −1, weights 2 and 1.
        batch.addDense(new double[] {1, 2}, 5, 2, parameters);
        batch.addDense(new double[] {-1, 0}, 0.5, 1, parameters);

        assertArrayEquals(
                new double[] {2 * 0.5 + 1, 2 * 0.5 * 2, 2 * 0.5 - 1}, batch.gradientSum());
        assertArrayEquals(new double[] {3, 3, 3}, batch.weightSum());
        assertEquals(3, batch.totalWeight());
        assertEquals(2 * 0.125 + 0.5, batch.lossSum());
        assertEquals(2, batch.count());
    }

    @Test
    void sumsSparseRowsPerStoredIndex() {
        MiniBatchGradient batch = new MiniBatchGradient(LogLoss.INSTANCE, 4, false);
        double[] parameters = new double[4];
        // Margin 0: derivative σ(0) − y = ±0.5.
        batch.addSparse(new int[] {0, 2}, new double[] {1, 3}, 0, 1.5, parameters);
        batch.addSparse(new int[] {2, 3}, new double[] {2, 1}, 1, 1, parameters);

        assertArrayEquals(new double[] {0.75, 0, 2.25 - 1, -0.5}, batch.gradientSum(), 1e-15);
        assertArrayEquals(new double[] {1.5, 0, 2.5, 1}, batch.weightSum());
        assertEquals(2.5 * Math.log(2), batch.lossSum(), 1e-15);
    }

    @Test
    void mergesAndResets() {
        MiniBatchGradient first = new MiniBatchGradient(SquaredLoss.INSTANCE, 1, false);
        MiniBatchGradient second = new MiniBatchGradient(SquaredLoss.INSTANCE, 1, false);
        first.addDense(new double[] {2}, 1, 1, new double[] {0});
        second.addDense(new double[] {1}, 3, 2, new double[] {0});
        first.merge(second);

        assertArrayEquals(new double[] {-2 - 6}, first.gradientSum());
        assertEquals(3, first.totalWeight());
        assertEquals(0.5 + 9, first.lossSum());
        assertEquals(2, first.count());

        first.reset();
        assertArrayEquals(new double[] {0}, first.gradientSum());
        assertEquals(0, first.totalWeight());
        assertEquals(0, first.count());
        assertThrows(
                IllegalArgumentException.class,
                () -> first.merge(new MiniBatchGradient(SquaredLoss.INSTANCE, 1, true)));
        assertThrows(
                IllegalArgumentException.class,
                () -> first.addDense(new double[] {1, 2}, 0, 1, new double[] {0}));
    }
}
