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

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * Per-feature mean and unbiased sample variance from exact sums of x and x², for bounded fits: the
 * result does not depend on how rows are split among subtasks or in which order partial results are
 * merged, so a fit gives bit-identical models at any parallelism. It is exact where Welford's
 * update only rounds well: features of magnitude 1e9 with unit noise come out to the last digit.
 *
 * <p>x² is split exactly into two doubles (x·x and its rounding error, by fused multiply-add)
 * before summing. Only unit weights are supported, and decay is not (online fits use {@link
 * RunningMoments}).
 */
public final class ExactMoments implements FeatureStatistics<ExactMoments>, MeanAndStd {
    private static final long serialVersionUID = 1L;

    /** Far beyond double precision, so rounding the final quotients is the only rounding left. */
    private static final MathContext PRECISION = new MathContext(60);

    /** From here on x² overflows or comes close; such values are squared in scaled form. */
    private static final double LARGE = 0x1p500;

    private static final int SCALE = 600;

    private long count;
    private ExactSum[] sums;
    private ExactSum[] squares;

    public ExactMoments() {}

    @Override
    public void add(double[] values, double weight) {
        checkUnitWeight(weight);
        ensureDimension(values.length);
        count++;
        for (int i = 0; i < values.length; i++) {
            addValue(i, values[i]);
        }
    }

    @Override
    public void addSparse(int size, int[] indices, double[] values, double weight) {
        checkUnitWeight(weight);
        ensureDimension(size);
        count++;
        for (int k = 0; k < indices.length; k++) {
            addValue(indices[k], values[k]);
        }
    }

    private void addValue(int i, double x) {
        sums[i].add(x);
        if (Math.abs(x) < LARGE) {
            double square = x * x;
            squares[i].add(square);
            squares[i].add(Math.fma(x, x, -square));
        } else {
            // x² would overflow: square x · 2^-SCALE exactly and add it back scaled by 2^(2·SCALE).
            double y = Math.scalb(x, -SCALE);
            double square = y * y;
            squares[i].addScaled(square, 2 * SCALE);
            squares[i].addScaled(Math.fma(y, y, -square), 2 * SCALE);
        }
    }

    @Override
    public void merge(ExactMoments other) {
        if (other.sums == null) {
            return;
        }
        ensureDimension(other.sums.length);
        count += other.count;
        for (int i = 0; i < sums.length; i++) {
            sums[i].add(other.sums[i]);
            squares[i].add(other.squares[i]);
        }
    }

    @Override
    public void decay(double factor) {
        if (factor != 1) {
            throw new UnsupportedOperationException("Exact moments cannot decay.");
        }
    }

    @Override
    public int dimension() {
        return sums == null ? -1 : sums.length;
    }

    @Override
    public double totalWeight() {
        return count;
    }

    /** Per-feature mean, zeros while empty. */
    @Override
    public double[] mean() {
        int d = Math.max(dimension(), 0);
        double[] mean = new double[d];
        if (count == 0) {
            return mean;
        }
        BigDecimal n = BigDecimal.valueOf(count);
        for (int i = 0; i < d; i++) {
            mean[i] = sums[i].toBigDecimal().divide(n, PRECISION).doubleValue();
        }
        return mean;
    }

    /**
     * Per-feature unbiased sample variance (n·Σx² − (Σx)²) / (n·(n − 1)); 0 when n ≤ 1. Infinite
     * where the variance exceeds double range although the values do not (about 1e154 and up);
     * {@link #sampleStd()} stays exact there.
     */
    @Override
    public double[] sampleVariance() {
        BigDecimal[] variance = exactVariance();
        double[] result = new double[variance.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = variance[i].doubleValue();
        }
        return result;
    }

    /** The square roots of the exact variances, rounded once. */
    @Override
    public double[] sampleStd() {
        BigDecimal[] variance = exactVariance();
        double[] result = new double[variance.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = variance[i].sqrt(PRECISION).doubleValue();
        }
        return result;
    }

    private BigDecimal[] exactVariance() {
        int d = Math.max(dimension(), 0);
        BigDecimal[] variance = new BigDecimal[d];
        Arrays.fill(variance, BigDecimal.ZERO);
        if (count <= 1) {
            return variance;
        }
        BigDecimal n = BigDecimal.valueOf(count);
        BigDecimal denominator = n.multiply(BigDecimal.valueOf(count - 1));
        for (int i = 0; i < d; i++) {
            BigDecimal sum = sums[i].toBigDecimal();
            BigDecimal numerator =
                    n.multiply(squares[i].toBigDecimal()).subtract(sum.multiply(sum));
            variance[i] = numerator.divide(denominator, PRECISION);
        }
        return variance;
    }

    @Override
    public ExactMoments copy() {
        ExactMoments copy = new ExactMoments();
        copy.count = count;
        if (sums != null) {
            copy.sums = new ExactSum[sums.length];
            copy.squares = new ExactSum[sums.length];
            for (int i = 0; i < sums.length; i++) {
                copy.sums[i] = sums[i].copy();
                copy.squares[i] = squares[i].copy();
            }
        }
        return copy;
    }

    private static void checkUnitWeight(double weight) {
        if (weight != 1) {
            throw new IllegalArgumentException("Exact moments support unit weights only.");
        }
    }

    private void ensureDimension(int d) {
        if (sums == null) {
            sums = new ExactSum[d];
            squares = new ExactSum[d];
            for (int i = 0; i < d; i++) {
                sums[i] = new ExactSum();
                squares[i] = new ExactSum();
            }
        } else if (sums.length != d) {
            throw new DimensionMismatchException(sums.length, d);
        }
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeInt(sums == null ? -1 : sums.length);
        if (sums != null) {
            for (int i = 0; i < sums.length; i++) {
                sums[i].writeTo(out);
                squares[i].writeTo(out);
            }
        }
    }

    public static ExactMoments readFrom(DataInput in) throws IOException {
        ExactMoments moments = new ExactMoments();
        moments.count = in.readLong();
        int d = in.readInt();
        if (d >= 0) {
            moments.sums = new ExactSum[d];
            moments.squares = new ExactSum[d];
            for (int i = 0; i < d; i++) {
                moments.sums[i] = ExactSum.readFrom(in);
                moments.squares[i] = ExactSum.readFrom(in);
            }
        }
        return moments;
    }
}
