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

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link ExactMoments} against BigDecimal two-pass formulas. */
class ExactMomentsTest {

    @Test
    void testMatchesExactTwoPassEvenAtLargeOffsets() {
        Random random = new Random(21);
        int n = 3000;
        double[][] x = new double[n][2];
        for (double[] row : x) {
            row[0] = random.nextGaussian() * 3;
            row[1] = 1e12 + random.nextGaussian();
        }
        ExactMoments moments = new ExactMoments();
        for (double[] row : x) {
            moments.add(row, 1);
        }
        for (int j = 0; j < 2; j++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (double[] row : x) {
                sum = sum.add(new BigDecimal(row[j]));
            }
            MathContext mc = new MathContext(50);
            BigDecimal mean = sum.divide(BigDecimal.valueOf(n), mc);
            BigDecimal squares = BigDecimal.ZERO;
            for (double[] row : x) {
                BigDecimal dev = new BigDecimal(row[j]).subtract(mean);
                squares = squares.add(dev.multiply(dev));
            }
            double variance = squares.divide(BigDecimal.valueOf(n - 1), mc).doubleValue();
            assertEquals(mean.doubleValue(), moments.mean()[j], 0);
            assertEquals(variance, moments.sampleVariance()[j], Math.ulp(variance));
        }
    }

    @Test
    void testValuesWhoseSquaresOverflowStayExact() {
        Random random = new Random(22);
        int n = 500;
        // Squares of 1e200 and of 1e300 overflow doubles; the spread of the second exceeds them.
        double[][] x = new double[n][3];
        for (double[] row : x) {
            row[0] = 1e200 * (1 + random.nextGaussian() * 1e-3);
            row[1] = 1e300 * random.nextGaussian();
            row[2] = random.nextGaussian();
        }
        ExactMoments moments = new ExactMoments();
        ExactMoments other = new ExactMoments();
        for (int r = 0; r < n; r++) {
            (r % 3 == 0 ? other : moments).add(x[r], 1);
        }
        moments.merge(other);
        MathContext mc = new MathContext(50);
        for (int j = 0; j < 3; j++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (double[] row : x) {
                sum = sum.add(new BigDecimal(row[j]));
            }
            BigDecimal mean = sum.divide(BigDecimal.valueOf(n), mc);
            BigDecimal squares = BigDecimal.ZERO;
            for (double[] row : x) {
                BigDecimal dev = new BigDecimal(row[j]).subtract(mean);
                squares = squares.add(dev.multiply(dev));
            }
            double std = squares.divide(BigDecimal.valueOf(n - 1), mc).sqrt(mc).doubleValue();
            assertEquals(mean.doubleValue(), moments.mean()[j], 0);
            assertEquals(std, moments.sampleStd()[j], Math.ulp(std));
            assertTrue(Double.isFinite(moments.sampleStd()[j]));
        }
        // The variance of the second feature itself is beyond double range.
        assertEquals(Double.POSITIVE_INFINITY, moments.sampleVariance()[1]);
    }

    @Test
    void testBitIdenticalWhateverTheSplit() {
        Random random = new Random(22);
        double[][] x = new double[1000][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = random.nextGaussian() * Math.pow(10, j * 3);
            }
        }
        ExactMoments all = new ExactMoments();
        for (double[] row : x) {
            all.add(row, 1);
        }
        ExactMoments[] parts = {new ExactMoments(), new ExactMoments(), new ExactMoments()};
        for (int i = x.length - 1; i >= 0; i--) {
            parts[(i * 7) % 3].add(x[i], 1);
        }
        parts[1].merge(parts[2]);
        parts[1].merge(parts[0]);
        assertArrayEquals(all.mean(), parts[1].mean(), 0);
        assertArrayEquals(all.sampleVariance(), parts[1].sampleVariance(), 0);
    }

    @Test
    void testSparseEqualsDense() {
        ExactMoments dense = new ExactMoments();
        ExactMoments sparse = new ExactMoments();
        dense.add(new double[] {0, 2, 0}, 1);
        dense.add(new double[] {1, 0, 0}, 1);
        dense.add(new double[] {3, 4, 0}, 1);
        sparse.addSparse(3, new int[] {1}, new double[] {2}, 1);
        sparse.addSparse(3, new int[] {0}, new double[] {1}, 1);
        sparse.addSparse(3, new int[] {0, 1}, new double[] {3, 4}, 1);
        assertArrayEquals(dense.mean(), sparse.mean(), 0);
        assertArrayEquals(dense.sampleVariance(), sparse.sampleVariance(), 0);
        // Hand-computed: feature 0 is {0, 1, 3}: mean 4/3, variance (16/9 + 1/9 + 25/9) / 2 = 7/3.
        assertEquals(4.0 / 3, dense.mean()[0], 1e-15);
        assertEquals(7.0 / 3, dense.sampleVariance()[0], 1e-15);
    }
}
