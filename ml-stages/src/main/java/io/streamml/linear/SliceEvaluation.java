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
package io.streamml.linear;

import io.streamml.common.serialization.Codec;
import io.streamml.common.serialization.CodecTypeInfo;
import io.streamml.common.serialization.PrimitiveArrays;

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
 * Test-then-train: the predictions a mini-batch's rows got from the model version that then learned
 * from them — score (probability for logistic regression, the value for linear regression), label
 * and weight per row, in row order.
 */
@TypeInfo(SliceEvaluation.TypeFactory.class)
public final class SliceEvaluation implements Serializable {
    private static final long serialVersionUID = 1L;

    private double[] scores = new double[8];
    private double[] labels = new double[8];
    private double[] weights = new double[8];
    private int size;

    public void add(double score, double label, double weight) {
        if (size == scores.length) {
            scores = Arrays.copyOf(scores, size * 2);
            labels = Arrays.copyOf(labels, size * 2);
            weights = Arrays.copyOf(weights, size * 2);
        }
        scores[size] = score;
        labels[size] = label;
        weights[size] = weight;
        size++;
    }

    /** Appends {@code other}'s rows after this one's. */
    public void append(SliceEvaluation other) {
        for (int i = 0; i < other.size; i++) {
            add(other.scores[i], other.labels[i], other.weights[i]);
        }
    }

    public int size() {
        return size;
    }

    public double[] scores() {
        return Arrays.copyOf(scores, size);
    }

    public double[] labels() {
        return Arrays.copyOf(labels, size);
    }

    public double[] weights() {
        return Arrays.copyOf(weights, size);
    }

    /** Written as its rows' three arrays (no spare capacity). */
    static final class RowsCodec implements Codec<SliceEvaluation> {
        private static final long serialVersionUID = 1L;

        @Override
        public void write(SliceEvaluation value, DataOutputView out) throws IOException {
            PrimitiveArrays.writeDoubles(out, value.scores());
            PrimitiveArrays.writeDoubles(out, value.labels());
            PrimitiveArrays.writeDoubles(out, value.weights());
        }

        @Override
        public SliceEvaluation read(DataInputView in) throws IOException {
            SliceEvaluation evaluation = new SliceEvaluation();
            evaluation.scores = PrimitiveArrays.readDoubles(in);
            evaluation.labels = PrimitiveArrays.readDoubles(in);
            evaluation.weights = PrimitiveArrays.readDoubles(in);
            evaluation.size = evaluation.scores.length;
            if (evaluation.size == 0) {
                evaluation.scores = new double[8];
                evaluation.labels = new double[8];
                evaluation.weights = new double[8];
            }
            return evaluation;
        }
    }

    /** Makes every field and stream of this type use {@link RowsCodec}, never Kryo. */
    public static final class TypeFactory extends TypeInfoFactory<SliceEvaluation> {
        @Override
        public TypeInformation<SliceEvaluation> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return new CodecTypeInfo<>(SliceEvaluation.class, new RowsCodec());
        }
    }
}
