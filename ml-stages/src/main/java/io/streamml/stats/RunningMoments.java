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
 */
public final class RunningMoments implements FeatureStatistics<RunningMoments>, MeanAndStd {
    private static final long serialVersionUID = 1L;

    private double totalWeight;

    /** Per feature: weight of the explicitly seen values (equals totalWeight for dense input). */
    private double[] seenWeight;

    private double[] seenMean;
    private double[] seenM2;

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

    private void welford(int i, double x, double weight) {
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
            double delta = other.seenMean[i] - seenMean[i];
            seenMean[i] += delta * (wb / w);
            seenM2[i] += other.seenM2[i] + delta * delta * (wa * wb / w);
            seenWeight[i] = w;
        }
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
            mean[i] = totalWeight == 0 ? 0 : seenMean[i] * (seenWeight[i] / totalWeight);
        }
        return mean;
    }

    /**
     * Per-feature unbiased sample variance m2 / (W − 1), where W is the total weight (the row count
     * without decay); 0 when W ≤ 1.
     */
    @Override
    public double[] sampleVariance() {
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
        }
        return copy;
    }

    private void ensureDimension(int d) {
        if (seenMean == null) {
            seenWeight = new double[d];
            seenMean = new double[d];
            seenM2 = new double[d];
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
    }

    public static RunningMoments readFrom(DataInput in) throws IOException {
        RunningMoments moments = new RunningMoments();
        moments.totalWeight = in.readDouble();
        moments.seenWeight = StateArrays.readDoubles(in);
        moments.seenMean = StateArrays.readDoubles(in);
        moments.seenM2 = StateArrays.readDoubles(in);
        return moments;
    }
}
