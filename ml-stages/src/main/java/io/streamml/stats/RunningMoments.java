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
import java.util.Arrays;

/**
 * Weighted per-feature mean and variance with Welford's update and Chan et al.'s parallel merge.
 *
 * <p>Sums of squares lose every digit when features are large (1e9) and their spread small (1), so
 * each feature keeps its running mean and the sum of squared deviations {@code m2} instead. For
 * sparse input a feature keeps these over its explicitly seen values only; {@link #mean()} and
 * {@link #sampleVariance()} fold in the implicit zeros with the same merge formula.
 *
 * <p>Values beyond about 1e135 would overflow the squared deviations, although the standard
 * deviation itself is never larger than the largest value. A feature that sees one keeps its mean
 * and {@code m2} in units of 2^{@code shift} (its mean divided by 2^shift, its m2 by 2^(2·shift)),
 * raising {@code shift} as needed: powers of two rescale exactly, and data below the limit keeps
 * {@code shift} 0 and today's arithmetic.
 */
public final class RunningMoments implements FeatureStatistics<RunningMoments>, MeanAndStd {
    private static final long serialVersionUID = 1L;

    private double totalWeight;

    /** Per feature: weight of the explicitly seen values (equals totalWeight for dense input). */
    private double[] seenWeight;

    private double[] seenMean;
    private double[] seenM2;

    /** Per feature: the power of two its mean and m2 are kept in units of (0 for most data). */
    private int[] shift;

    /**
     * Largest scaled value or mean: deviations stay below 2^451, their squares below 2^902, so
     * {@code m2} holds 2^100 rows' worth before it could overflow.
     */
    private static final double LIMIT = 0x1p450;

    /** The exponent a raised shift brings the largest value down to. */
    private static final int TARGET_EXPONENT = 400;

    public RunningMoments() {}

    @Override
    public void add(double[] values, double weight) {
        ensureDimension(values.length);
        totalWeight += weight;
        for (int i = 0; i < values.length; i++) {
            welford(i, values[i], weight);
        }
    }

    @Override
    public void addSparse(int size, int[] indices, double[] values, double weight) {
        ensureDimension(size);
        totalWeight += weight;
        for (int k = 0; k < indices.length; k++) {
            welford(indices[k], values[k], weight);
        }
    }

    private void welford(int i, double value, double weight) {
        // Per value of every row: the common unscaled case costs one comparison, no scalb.
        double x = shift[i] == 0 ? value : Math.scalb(value, -shift[i]);
        if (Math.abs(x) > LIMIT) {
            raiseShift(i, Math.getExponent(x) - TARGET_EXPONENT);
            x = Math.scalb(value, -shift[i]);
        }
        double w = seenWeight[i] + weight;
        double delta = x - seenMean[i];
        seenMean[i] += delta * (weight / w);
        seenM2[i] += weight * delta * (x - seenMean[i]);
        seenWeight[i] = w;
    }

    @Override
    public void merge(RunningMoments other) {
        if (other.seenMean == null) {
            return;
        }
        ensureDimension(other.seenMean.length);
        totalWeight += other.totalWeight;
        for (int i = 0; i < seenMean.length; i++) {
            double wa = seenWeight[i];
            double wb = other.seenWeight[i];
            double w = wa + wb;
            if (wb == 0) {
                continue;
            }
            // In the larger of the two units (the other's is rescaled, not changed).
            if (other.shift[i] > shift[i]) {
                raiseShift(i, other.shift[i] - shift[i]);
            }
            int down = shift[i] - other.shift[i];
            double otherMean = Math.scalb(other.seenMean[i], -down);
            double otherM2 = Math.scalb(other.seenM2[i], -2 * down);
            double delta = otherMean - seenMean[i];
            seenMean[i] += delta * (wb / w);
            seenM2[i] += otherM2 + delta * delta * (wa * wb / w);
            seenWeight[i] = w;
        }
    }

    /** Keeps feature {@code i} in units 2^{@code by} larger than now. */
    private void raiseShift(int i, int by) {
        shift[i] += by;
        seenMean[i] = Math.scalb(seenMean[i], -by);
        seenM2[i] = Math.scalb(seenM2[i], -2 * by);
    }

    @Override
    public void decay(double factor) {
        totalWeight *= factor;
        if (seenMean == null) {
            return;
        }
        for (int i = 0; i < seenMean.length; i++) {
            seenWeight[i] *= factor;
            seenM2[i] *= factor;
        }
    }

    @Override
    public int dimension() {
        return seenMean == null ? -1 : seenMean.length;
    }

    @Override
    public double totalWeight() {
        return totalWeight;
    }

    /** Per-feature weighted mean, zeros while empty. */
    @Override
    public double[] mean() {
        int d = Math.max(dimension(), 0);
        double[] mean = new double[d];
        for (int i = 0; i < d; i++) {
            // The implicit zeros have mean 0, so merging them only rescales the seen mean.
            mean[i] =
                    totalWeight == 0
                            ? 0
                            : Math.scalb(seenMean[i] * (seenWeight[i] / totalWeight), shift[i]);
        }
        return mean;
    }

    /**
     * Per-feature unbiased sample variance m2 / (W − 1), where W is the total weight (the row count
     * without decay); 0 when W ≤ 1. Infinite where the variance exceeds double range although the
     * values do not (about 1e154 and up); {@link #sampleStd()} stays finite there.
     */
    @Override
    public double[] sampleVariance() {
        double[] variance = scaledVariance();
        for (int i = 0; i < variance.length; i++) {
            variance[i] = Math.scalb(variance[i], 2 * shift[i]);
        }
        return variance;
    }

    /** The square roots of the variances, taken before leaving the features' units. */
    @Override
    public double[] sampleStd() {
        double[] std = scaledVariance();
        for (int i = 0; i < std.length; i++) {
            std[i] = Math.scalb(Math.sqrt(std[i]), shift[i]);
        }
        return std;
    }

    /** Per feature: the variance in units of 2^(2·shift). */
    private double[] scaledVariance() {
        int d = Math.max(dimension(), 0);
        double[] variance = new double[d];
        if (totalWeight <= 1) {
            return variance;
        }
        for (int i = 0; i < d; i++) {
            double zeros = totalWeight - seenWeight[i];
            double m2 = seenM2[i];
            if (zeros > 0) {
                m2 += seenMean[i] * seenMean[i] * (seenWeight[i] * zeros / totalWeight);
            }
            variance[i] = Math.max(m2, 0) / (totalWeight - 1);
        }
        return variance;
    }

    @Override
    public RunningMoments copy() {
        RunningMoments copy = new RunningMoments();
        copy.totalWeight = totalWeight;
        if (seenMean != null) {
            copy.seenWeight = seenWeight.clone();
            copy.seenMean = seenMean.clone();
            copy.seenM2 = seenM2.clone();
            copy.shift = shift.clone();
        }
        return copy;
    }

    private void ensureDimension(int d) {
        if (seenMean == null) {
            seenWeight = new double[d];
            seenMean = new double[d];
            seenM2 = new double[d];
            shift = new int[d];
        } else if (seenMean.length != d) {
            throw new DimensionMismatchException(seenMean.length, d);
        }
    }

    @Override
    public String toString() {
        return "RunningMoments{weight="
                + totalWeight
                + ", mean="
                + Arrays.toString(mean())
                + ", variance="
                + Arrays.toString(sampleVariance())
                + '}';
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeDouble(totalWeight);
        StateArrays.writeDoubles(out, seenWeight);
        StateArrays.writeDoubles(out, seenMean);
        StateArrays.writeDoubles(out, seenM2);
        StateArrays.writeInts(out, shift);
    }

    public static RunningMoments readFrom(DataInput in) throws IOException {
        RunningMoments moments = new RunningMoments();
        moments.totalWeight = in.readDouble();
        moments.seenWeight = StateArrays.readDoubles(in);
        moments.seenMean = StateArrays.readDoubles(in);
        moments.seenM2 = StateArrays.readDoubles(in);
        moments.shift = StateArrays.readInts(in);
        return moments;
    }
}
