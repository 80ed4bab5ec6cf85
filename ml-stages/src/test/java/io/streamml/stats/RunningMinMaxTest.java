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
package io.streamml.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tests {@link RunningMinMax} against extremes found by a plain scan. */
class RunningMinMaxTest {

    @Test
    void testMatchesScanAndMergeOrderDoesNotMatter() {
        Random random = new Random(4);
        double[][] x = new double[200][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = random.nextGaussian() * 10;
            }
        }
        RunningMinMax all = new RunningMinMax();
        RunningMinMax left = new RunningMinMax();
        RunningMinMax right = new RunningMinMax();
        for (int i = 0; i < x.length; i++) {
            all.add(x[i], 1);
            (i % 3 == 0 ? left : right).add(x[i], 1);
        }
        right.merge(left);
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        assertArrayEquals(min, all.minWithZeros(), 0);
        assertArrayEquals(max, all.maxWithZeros(), 0);
        assertArrayEquals(min, right.minWithZeros(), 0);
        assertArrayEquals(max, right.maxWithZeros(), 0);
    }

    @Test
    void testSparseImplicitZeros() {
        RunningMinMax extremes = new RunningMinMax();
        extremes.addSparse(3, new int[] {0}, new double[] {5}, 1);
        extremes.addSparse(3, new int[] {0, 1}, new double[] {2, -4}, 1);
        assertArrayEquals(new double[] {2, -4, 0}, extremes.minWithZeros(), 0);
        assertArrayEquals(new double[] {5, 0, 0}, extremes.maxWithZeros(), 0);
    }

    @Test
    void testDecayRelaxesUnreachedExtremes() {
        RunningMinMax cumulative = new RunningMinMax();
        cumulative.add(new double[] {0}, 1);
        cumulative.add(new double[] {100}, 1);
        cumulative.decay(0.75);
        RunningMinMax window = new RunningMinMax();
        window.add(new double[] {40}, 1);
        window.add(new double[] {120}, 1);
        cumulative.merge(window);
        // The old min moves a quarter of the way to 40; the new max 120 replaces 100.
        assertArrayEquals(new double[] {10}, cumulative.minWithZeros(), 1e-12);
        assertArrayEquals(new double[] {120}, cumulative.maxWithZeros(), 1e-12);
        assertThrows(DimensionMismatchException.class, () -> cumulative.add(new double[2], 1));
    }
}
