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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tests {@link RunningMoments} against two-pass formulas written here. */
class RunningMomentsTest {

    @Test
    void testMatchesTwoPassOnDenseData() {
        double[][] x = randomData(new Random(1), 1000, 3, 0);
        RunningMoments moments = new RunningMoments();
        for (double[] row : x) {
            moments.add(row, 1);
        }
        double[][] oracle = twoPass(x);
        assertArrayEquals(oracle[0], moments.mean(), 1e-12);
        assertArrayEquals(oracle[1], moments.sampleVariance(), 1e-10);
        assertEquals(1000, moments.totalWeight());
    }

    @Test
    void testLargeOffsetKeepsPrecision() {
        double[][] x = randomData(new Random(2), 2000, 1, 1e9);
        RunningMoments moments = new RunningMoments();
        for (double[] row : x) {
            moments.add(row, 1);
        }
        double[][] oracle = twoPass(x);
        assertEquals(oracle[1][0], moments.sampleVariance()[0], 1e-6 * oracle[1][0]);
    }

    @Test
    void testValuesWhoseSquaresOverflowAgreeWithBigDecimalTwoPass() throws Exception {
        // Small values first, then ones of 1e200 and 1e300: the units rise in the middle of the
        // stream, and the second half is merged in from a statistic already in large units.
        Random random = new Random(4);
        double[] values = new double[400];
        for (int i = 0; i < values.length; i++) {
            double scale = i < 100 ? 1 : i < 300 ? 1e200 : 1e300;
            values[i] = scale * (1 + 0.1 * random.nextGaussian());
        }
        RunningMoments first = new RunningMoments();
        RunningMoments second = new RunningMoments();
        for (int i = 0; i < values.length; i++) {
            (i < 200 ? first : second).add(new double[] {values[i], 1}, 1);
        }
        first.merge(second);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        first.writeTo(new DataOutputStream(bytes));
        RunningMoments restored =
                RunningMoments.readFrom(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        MathContext mc = new MathContext(50);
        BigDecimal sum = BigDecimal.ZERO;
        for (double x : values) {
            sum = sum.add(new BigDecimal(x));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(values.length), mc);
        BigDecimal squares = BigDecimal.ZERO;
        for (double x : values) {
            BigDecimal deviation = new BigDecimal(x).subtract(mean);
            squares = squares.add(deviation.multiply(deviation));
        }
        double std =
                squares.divide(BigDecimal.valueOf(values.length - 1), mc).sqrt(mc).doubleValue();
        assertEquals(mean.doubleValue(), restored.mean()[0], 1e-13 * mean.doubleValue());
        assertEquals(std, restored.sampleStd()[0], 1e-12 * std);
        // The variance itself (about 1e599) is beyond double range; the constant feature is not.
        assertEquals(Double.POSITIVE_INFINITY, restored.sampleVariance()[0]);
        assertEquals(0, restored.sampleStd()[1]);
        assertEquals(1, restored.mean()[1]);
    }

    @Test
    void testSparseValuesWhoseSquaresOverflowFoldInTheZeros() {
        // Half the rows hold 1e250 at index 0, half hold nothing: mean 5e249, std
        // 1e250·√(n/4(n−1)).
        RunningMoments moments = new RunningMoments();
        int n = 100;
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                moments.addSparse(2, new int[] {0}, new double[] {1e250}, 1);
            } else {
                moments.addSparse(2, new int[0], new double[0], 1);
            }
        }
        assertEquals(5e249, moments.mean()[0], 1e-15 * 5e249);
        double std = 1e250 * Math.sqrt(n / (4.0 * (n - 1)));
        assertEquals(std, moments.sampleStd()[0], 1e-14 * std);
    }

    @Test
    void testMergeInAnySplitEqualsSequential() {
        double[][] x = randomData(new Random(3), 300, 2, 5);
        RunningMoments all = new RunningMoments();
        for (double[] row : x) {
            all.add(row, 1);
        }
        for (int split : new int[] {1, 7, 150, 299}) {
            RunningMoments left = new RunningMoments();
            RunningMoments right = new RunningMoments();
            for (int i = 0; i < x.length; i++) {
                (i < split ? left : right).add(x[i], 1);
            }
            left.merge(right);
            assertArrayEquals(all.mean(), left.mean(), 1e-12);
            assertArrayEquals(all.sampleVariance(), left.sampleVariance(), 1e-10);
        }
        RunningMoments empty = new RunningMoments();
        empty.merge(all);
        assertArrayEquals(all.mean(), empty.mean(), 0);
    }

    @Test
    void testSparseEqualsDense() {
        double[][] dense = {{0, 2, 0}, {1, 0, 0}, {0, 0, 0}, {3, 4, 0}, {0, -1, 0}};
        RunningMoments fromSparse = new RunningMoments();
        for (double[] row : dense) {
            int nnz = 0;
            for (double v : row) {
                nnz += v != 0 ? 1 : 0;
            }
            int[] indices = new int[nnz];
            double[] values = new double[nnz];
            for (int j = 0, k = 0; j < row.length; j++) {
                if (row[j] != 0) {
                    indices[k] = j;
                    values[k++] = row[j];
                }
            }
            fromSparse.addSparse(3, indices, values, 1);
        }
        double[][] oracle = twoPass(dense);
        assertArrayEquals(oracle[0], fromSparse.mean(), 1e-12);
        assertArrayEquals(oracle[1], fromSparse.sampleVariance(), 1e-12);
    }

    @Test
    void testDecayWeighsRecentData() {
        RunningMoments moments = new RunningMoments();
        moments.add(new double[] {0}, 1);
        moments.add(new double[] {2}, 1);
        moments.decay(0.5);
        moments.add(new double[] {10}, 1);
        // Weighted mean with weights 0.5, 0.5, 1: (0 + 1 + 10) / 2.
        assertEquals(5.5, moments.mean()[0], 1e-12);
        assertEquals(2.0, moments.totalWeight(), 0);
    }

    @Test
    void testSingleRowAndMismatch() {
        RunningMoments moments = new RunningMoments();
        moments.add(new double[] {4, 5}, 1);
        assertArrayEquals(new double[] {0, 0}, moments.sampleStd(), 0);
        assertThrows(DimensionMismatchException.class, () -> moments.add(new double[] {1}, 1));
    }

    private static double[][] randomData(Random random, int n, int d, double offset) {
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = offset + random.nextGaussian() * (j + 1);
            }
        }
        return x;
    }

    /** Mean, then squared deviations from it over n − 1. */
    private static double[][] twoPass(double[][] x) {
        int d = x[0].length;
        double[] mean = new double[d];
        double[] variance = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (double[] row : x) {
                sum += row[j];
            }
            mean[j] = sum / x.length;
            double squares = 0;
            for (double[] row : x) {
                squares += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            variance[j] = squares / (x.length - 1);
        }
        return new double[][] {mean, variance};
    }
}
