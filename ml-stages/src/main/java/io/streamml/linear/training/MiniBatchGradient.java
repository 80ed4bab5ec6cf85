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

import io.streamml.common.serialization.Codec;
import io.streamml.common.serialization.CodecTypeInfo;
import io.streamml.common.serialization.PrimitiveArrays;
import io.streamml.linear.loss.Loss;
import io.streamml.optim.GradientSums;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;

/**
 * The linear models' gradient kernel: the sums over one mini-batch that the online optimizers
 * ({@link GradientSums}) and the bounded SGD consume, for a linear model with parameters {@code (β,
 * b)} (intercept last, when fitted):
 *
 * <ul>
 *   <li>{@link #gradientSum()}: {@code Σ w·∂loss(y, m)/∂m·x}, with an intercept entry {@code Σ
 *       w·∂loss/∂m};
 *   <li>{@link #weightSum()}: per coordinate, the total weight of the rows that have that
 *       coordinate (every row for dense rows and for the intercept, the rows that store the index
 *       for sparse rows);
 *   <li>{@link #totalWeight()}, {@link #lossSum()} ({@code Σ w·loss}) and {@link #count()}.
 * </ul>
 *
 * <p>All margins are computed with the parameters passed to the {@code add} methods, which in a
 * mini-batch are the parameters from before the batch. Partial sums from several subtasks combine
 * with {@link #merge}. Sums read back from a message or from state carry no loss: they merge and
 * are read, but take no rows.
 */
@TypeInfo(MiniBatchGradient.TypeFactory.class)
public final class MiniBatchGradient implements GradientSums, Serializable {

    private static final long serialVersionUID = 1L;

    private final Loss loss;
    private final int numFeatures;
    private final boolean fitIntercept;
    private double[] gradientSum;
    private double[] weightSum;
    private double totalWeight;

    /** Weight of dense rows not yet in {@link #weightSum}: they have every coordinate. */
    private double denseWeight;

    private double lossSum;
    private long count;

    public MiniBatchGradient(Loss loss, int numFeatures, boolean fitIntercept) {
        if (numFeatures < 0) {
            throw new IllegalArgumentException("numFeatures must be >= 0, got " + numFeatures);
        }
        this.loss = loss;
        this.numFeatures = numFeatures;
        this.fitIntercept = fitIntercept;
        int dim = numFeatures + (fitIntercept ? 1 : 0);
        this.gradientSum = new double[dim];
        this.weightSum = new double[dim];
    }

    /** Returns the parameter count: the features, plus one for the intercept. */
    public int dim() {
        return gradientSum.length;
    }

    /** Adds a dense row. */
    public void addDense(double[] features, double label, double weight, double[] parameters) {
        if (features.length != numFeatures) {
            throw new IllegalArgumentException(
                    "Row has " + features.length + " features, expected " + numFeatures);
        }
        addDense(features, 0, label, weight, parameters);
    }

    /**
     * Adds a dense row stored at {@code data[offset, offset + numFeatures)}; returns its margin.
     */
    public double addDense(
            double[] data, int offset, double label, double weight, double[] parameters) {
        double margin = fitIntercept ? parameters[numFeatures] : 0;
        for (int i = 0; i < numFeatures; i++) {
            margin += data[offset + i] * parameters[i];
        }
        double scale = weight * loss.derivative(label, margin);
        for (int i = 0; i < numFeatures; i++) {
            gradientSum[i] += scale * data[offset + i];
        }
        denseWeight += weight;
        addRowTotals(label, weight, margin, scale);
        return margin;
    }

    /** Adds a sparse row given by parallel arrays of feature indices and values. */
    public void addSparse(
            int[] indices, double[] values, double label, double weight, double[] parameters) {
        addSparse(indices, values, 0, indices.length, label, weight, parameters);
    }

    /**
     * Adds a sparse row stored at positions {@code [from, to)} of parallel index and value arrays;
     * returns its margin.
     */
    public double addSparse(
            int[] indices,
            double[] values,
            int from,
            int to,
            double label,
            double weight,
            double[] parameters) {
        double margin = fitIntercept ? parameters[numFeatures] : 0;
        for (int k = from; k < to; k++) {
            margin += values[k] * parameters[indices[k]];
        }
        double scale = weight * loss.derivative(label, margin);
        for (int k = from; k < to; k++) {
            gradientSum[indices[k]] += scale * values[k];
            weightSum[indices[k]] += weight;
        }
        addRowTotals(label, weight, margin, scale);
        return margin;
    }

    private void addRowTotals(double label, double weight, double margin, double scale) {
        if (fitIntercept) {
            gradientSum[numFeatures] += scale;
            weightSum[numFeatures] += weight;
        }
        totalWeight += weight;
        lossSum += weight * loss.loss(label, margin);
        count++;
    }

    /** Adds another batch's sums (computed at the same parameters) to this one. */
    public void merge(MiniBatchGradient other) {
        if (other.dim() != dim()) {
            throw new IllegalArgumentException("Cannot merge batches of different dimensions");
        }
        for (int i = 0; i < gradientSum.length; i++) {
            gradientSum[i] += other.gradientSum[i];
            weightSum[i] += other.weightSum[i];
        }
        denseWeight += other.denseWeight;
        totalWeight += other.totalWeight;
        lossSum += other.lossSum;
        count += other.count;
    }

    /** Clears the sums for the next batch. */
    public void reset() {
        Arrays.fill(gradientSum, 0);
        Arrays.fill(weightSum, 0);
        denseWeight = 0;
        totalWeight = 0;
        lossSum = 0;
        count = 0;
    }

    /** Returns the live gradient-sum array (not a copy). */
    @Override
    public double[] gradientSum() {
        return gradientSum;
    }

    /** Returns the live per-coordinate weight-sum array (not a copy). */
    @Override
    public double[] weightSum() {
        if (denseWeight != 0) {
            for (int i = 0; i < numFeatures; i++) {
                weightSum[i] += denseWeight;
            }
            denseWeight = 0;
        }
        return weightSum;
    }

    @Override
    public double totalWeight() {
        return totalWeight;
    }

    @Override
    public double lossSum() {
        return lossSum;
    }

    /** Returns the number of rows added. */
    public long count() {
        return count;
    }

    /** Written as the sums alone. */
    static final class SumsCodec implements Codec<MiniBatchGradient> {
        private static final long serialVersionUID = 1L;

        @Override
        public void write(MiniBatchGradient value, DataOutputView out) throws IOException {
            out.writeInt(value.numFeatures);
            out.writeBoolean(value.fitIntercept);
            PrimitiveArrays.writeDoubles(out, value.gradientSum);
            PrimitiveArrays.writeDoubles(out, value.weightSum());
            out.writeDouble(value.totalWeight);
            out.writeDouble(value.lossSum);
            out.writeLong(value.count);
        }

        @Override
        public MiniBatchGradient read(DataInputView in) throws IOException {
            MiniBatchGradient sums = new MiniBatchGradient(null, in.readInt(), in.readBoolean());
            sums.gradientSum = PrimitiveArrays.readDoubles(in);
            sums.weightSum = PrimitiveArrays.readDoubles(in);
            sums.totalWeight = in.readDouble();
            sums.lossSum = in.readDouble();
            sums.count = in.readLong();
            return sums;
        }
    }

    /** Makes every field and stream of this type use {@link SumsCodec}, never Kryo. */
    public static final class TypeFactory extends TypeInfoFactory<MiniBatchGradient> {
        @Override
        public TypeInformation<MiniBatchGradient> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return new CodecTypeInfo<>(MiniBatchGradient.class, new SumsCodec());
        }
    }
}
