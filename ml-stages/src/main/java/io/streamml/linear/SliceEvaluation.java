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
import io.streamml.evaluation.metrics.BinaryClassificationSummary;
import io.streamml.evaluation.metrics.RegressionMetrics;
import io.streamml.stats.ScalarMoments;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Test-then-train: a mergeable summary of the predictions a slice of a mini-batch got from the
 * model version that then learned from it. Each worker summarizes its own rows and only the summary
 * travels, so its size does not grow with the rows: classification metrics ({@link
 * BinaryClassificationSummary}) when the predictions are probabilities, regression metrics ({@link
 * RegressionMetrics}) otherwise, and the unweighted squared error per row that drift detection
 * watches.
 */
@Internal
@TypeInfo(SliceEvaluation.TypeFactory.class)
public final class SliceEvaluation implements Serializable {
    private static final long serialVersionUID = 1L;

    private final BinaryClassificationSummary classification;
    private final RegressionMetrics regression;
    private final ScalarMoments squaredErrors;

    /**
     * @param probabilities whether predictions are probabilities of class 1 (logistic) rather than
     *     values (linear)
     */
    public SliceEvaluation(boolean probabilities) {
        this(
                probabilities ? new BinaryClassificationSummary() : null,
                probabilities ? null : new RegressionMetrics());
    }

    private SliceEvaluation(
            BinaryClassificationSummary classification, RegressionMetrics regression) {
        this(classification, regression, new ScalarMoments());
    }

    private SliceEvaluation(
            BinaryClassificationSummary classification,
            RegressionMetrics regression,
            ScalarMoments squaredErrors) {
        this.classification = classification;
        this.regression = regression;
        this.squaredErrors = squaredErrors;
    }

    /** Adds one row's prediction (a probability or a value), label and weight. */
    public void add(double prediction, double label, double weight) {
        if (classification != null) {
            classification.add(prediction, label, weight);
        } else {
            regression.accumulate(prediction, label, weight);
        }
        squaredErrors.add((prediction - label) * (prediction - label));
    }

    /** Adds {@code other}'s rows (of the same kind) to this summary. */
    public SliceEvaluation merge(SliceEvaluation other) {
        if (classification != null) {
            classification.merge(other.classification);
        } else {
            regression.merge(other.regression);
        }
        squaredErrors.merge(other.squaredErrors);
        return this;
    }

    public boolean predictsProbabilities() {
        return classification != null;
    }

    /** The classification metrics; only when predictions are probabilities. */
    public BinaryClassificationSummary classification() {
        return classification;
    }

    /** The regression metrics; only when predictions are values. */
    public RegressionMetrics regression() {
        return regression;
    }

    public long rows() {
        return squaredErrors.count();
    }

    /** The unweighted (prediction − label)² per row, summarized: what drift detection watches. */
    public ScalarMoments squaredErrors() {
        return squaredErrors;
    }

    /** Weighted sum of the loss: log loss for probabilities, squared error for values. */
    public double weightedLossSum() {
        return classification != null
                ? classification.weightedLogLossSum()
                : regression.weightedSquaredErrorSum();
    }

    public double totalWeight() {
        return classification != null ? classification.totalWeight() : regression.totalWeight();
    }

    /** Written as its kind and its summaries, never its rows. */
    static final class SummaryCodec implements Codec<SliceEvaluation> {
        private static final long serialVersionUID = 1L;

        @Override
        public void write(SliceEvaluation value, DataOutputView out) throws IOException {
            out.writeBoolean(value.classification != null);
            if (value.classification != null) {
                value.classification.writeTo(out);
            } else {
                value.regression.writeTo(out);
            }
            value.squaredErrors.writeTo(out);
        }

        @Override
        public SliceEvaluation read(DataInputView in) throws IOException {
            boolean probabilities = in.readBoolean();
            BinaryClassificationSummary classification =
                    probabilities ? BinaryClassificationSummary.readFrom(in) : null;
            RegressionMetrics regression = probabilities ? null : RegressionMetrics.readFrom(in);
            return new SliceEvaluation(classification, regression, ScalarMoments.readFrom(in));
        }
    }

    /** Makes every field and stream of this type use {@link SummaryCodec}, never Kryo. */
    public static final class TypeFactory extends TypeInfoFactory<SliceEvaluation> {
        @Override
        public TypeInformation<SliceEvaluation> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return new CodecTypeInfo<>(SliceEvaluation.class, new SummaryCodec());
        }
    }
}
