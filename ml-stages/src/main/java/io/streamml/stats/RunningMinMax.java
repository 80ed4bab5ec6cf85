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
 * Per-feature minimum and maximum.
 *
 * <p>Extremes have no weights to shrink, so {@link #decay} forgets differently: it marks what was
 * seen so far as old, and the next merge or add moves an old extreme that the new data does not
 * reach toward the new data's extreme by {@code 1 − factor} (a factor of 1 keeps the all-time
 * extremes). This lets a min-max scaler follow data whose range drifts.
 */
public final class RunningMinMax implements FeatureStatistics<RunningMinMax> {
    private static final long serialVersionUID = 1L;

    private double totalWeight;

    /** Per feature: weight of explicitly seen values; below totalWeight means zeros were seen. */
    private double[] seenWeight;

    private double[] min;
    private double[] max;

    /** Decay factor still to apply against the next data, or 1 when none is pending. */
    private double pendingDecay = 1;

    public RunningMinMax() {}

    @Override
    public void add(double[] values, double weight) {
        if (!prepareDirectAdd(values.length)) {
            RunningMinMax single = single(values.length);
            single.add(values, weight);
            merge(single);
            return;
        }
        totalWeight += weight;
        for (int i = 0; i < values.length; i++) {
            seenWeight[i] += weight;
            min[i] = Math.min(min[i], values[i]);
            max[i] = Math.max(max[i], values[i]);
        }
    }

    @Override
    public void addSparse(int size, int[] indices, double[] values, double weight) {
        if (!prepareDirectAdd(size)) {
            RunningMinMax single = single(size);
            single.addSparse(size, indices, values, weight);
            merge(single);
            return;
        }
        totalWeight += weight;
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            seenWeight[i] += weight;
            min[i] = Math.min(min[i], values[k]);
            max[i] = Math.max(max[i], values[k]);
        }
    }

    /** Allocates on first use; false when a pending decay needs the merge path instead. */
    private boolean prepareDirectAdd(int d) {
        if (min == null) {
            seenWeight = new double[d];
            min = new double[d];
            max = new double[d];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
        } else if (min.length != d) {
            throw new DimensionMismatchException(min.length, d);
        }
        return pendingDecay == 1;
    }

    private static RunningMinMax single(int d) {
        RunningMinMax single = new RunningMinMax();
        single.prepareDirectAdd(d);
        return single;
    }

    @Override
    public void merge(RunningMinMax other) {
        if (other.min == null) {
            return;
        }
        if (min == null) {
            totalWeight = other.totalWeight;
            seenWeight = other.seenWeight.clone();
            min = other.min.clone();
            max = other.max.clone();
            pendingDecay = other.pendingDecay;
            return;
        }
        if (min.length != other.min.length) {
            throw new DimensionMismatchException(min.length, other.min.length);
        }
        double relax = 1 - pendingDecay;
        double[] otherMin = other.minWithZeros();
        double[] otherMax = other.maxWithZeros();
        double[] ownMin = minWithZeros();
        double[] ownMax = maxWithZeros();
        for (int i = 0; i < min.length; i++) {
            double lo = ownMin[i];
            double hi = ownMax[i];
            if (relax > 0) {
                // Old extremes the new data does not reach drift toward the new ones.
                if (lo < otherMin[i]) {
                    lo += relax * (otherMin[i] - lo);
                }
                if (hi > otherMax[i]) {
                    hi -= relax * (hi - otherMax[i]);
                }
            }
            min[i] = Math.min(lo, otherMin[i]);
            max[i] = Math.max(hi, otherMax[i]);
            // Zeros are folded into min/max now, so every feature counts as fully seen.
            seenWeight[i] = totalWeight + other.totalWeight;
        }
        totalWeight += other.totalWeight;
        pendingDecay = other.pendingDecay;
    }

    @Override
    public void decay(double factor) {
        pendingDecay *= factor;
    }

    @Override
    public int dimension() {
        return min == null ? -1 : min.length;
    }

    @Override
    public double totalWeight() {
        return totalWeight;
    }

    /** Per-feature minimum including implicit zeros of sparse input (zeros while empty). */
    public double[] minWithZeros() {
        return extremes(min, true);
    }

    /** Per-feature maximum including implicit zeros of sparse input (zeros while empty). */
    public double[] maxWithZeros() {
        return extremes(max, false);
    }

    private double[] extremes(double[] seen, boolean isMin) {
        if (seen == null) {
            return new double[0];
        }
        double[] result = seen.clone();
        for (int i = 0; i < result.length; i++) {
            if (seenWeight[i] < totalWeight) {
                result[i] = isMin ? Math.min(result[i], 0) : Math.max(result[i], 0);
            }
        }
        return result;
    }

    @Override
    public RunningMinMax copy() {
        RunningMinMax copy = new RunningMinMax();
        copy.totalWeight = totalWeight;
        copy.pendingDecay = pendingDecay;
        if (min != null) {
            copy.seenWeight = seenWeight.clone();
            copy.min = min.clone();
            copy.max = max.clone();
        }
        return copy;
    }

    @Override
    public String toString() {
        return "RunningMinMax{min="
                + Arrays.toString(minWithZeros())
                + ", max="
                + Arrays.toString(maxWithZeros())
                + '}';
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeDouble(totalWeight);
        out.writeDouble(pendingDecay);
        StateArrays.writeDoubles(out, seenWeight);
        StateArrays.writeDoubles(out, min);
        StateArrays.writeDoubles(out, max);
    }

    public static RunningMinMax readFrom(DataInput in) throws IOException {
        RunningMinMax minMax = new RunningMinMax();
        minMax.totalWeight = in.readDouble();
        minMax.pendingDecay = in.readDouble();
        minMax.seenWeight = StateArrays.readDoubles(in);
        minMax.min = StateArrays.readDoubles(in);
        minMax.max = StateArrays.readDoubles(in);
        return minMax;
    }
}
