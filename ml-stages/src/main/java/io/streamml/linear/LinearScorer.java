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

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.input.VectorChecks;
import io.streamml.common.model.RowScorer;
import io.streamml.linear.loss.LogLoss;

import org.apache.flink.annotation.Internal;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.types.Row;

/**
 * Scores rows with a linear model: the margin x·β + b. Linear regression outputs it as the
 * prediction; logistic regression outputs the prediction (1.0 when p = σ(margin) ≥ threshold) and
 * rawPrediction [1 − p, p].
 */
@Internal
public class LinearScorer extends RowScorer<LinearModelData> {
    private static final long serialVersionUID = 1L;

    private final boolean logistic;
    private final double threshold;
    private transient LinearModelData model;

    /** A linear regression scorer: one output, the margin. */
    public static LinearScorer regression(
            InvalidRowPolicy invalidRows, String featuresCol, int featuresIndex) {
        return new LinearScorer(invalidRows, featuresCol, featuresIndex, false, 0);
    }

    /** A logistic regression scorer: prediction and rawPrediction. */
    public static LinearScorer logistic(
            InvalidRowPolicy invalidRows, String featuresCol, int featuresIndex, double threshold) {
        return new LinearScorer(invalidRows, featuresCol, featuresIndex, true, threshold);
    }

    private LinearScorer(
            InvalidRowPolicy invalidRows,
            String featuresCol,
            int featuresIndex,
            boolean logistic,
            double threshold) {
        super(invalidRows, featuresCol, featuresIndex);
        this.logistic = logistic;
        this.threshold = threshold;
    }

    @Override
    public void setModel(LinearModelData model) {
        this.model = model;
    }

    @Override
    public int numOutputs() {
        return logistic ? 2 : 1;
    }

    @Override
    public String problemOf(Object value) {
        return VectorChecks.problemOf(value, model.coefficient.size());
    }

    @Override
    public void score(Object value, Row output, int offset) {
        double margin = margin(VectorChecks.asVector(value));
        if (!logistic) {
            output.setField(offset, margin);
            return;
        }
        double p = LogLoss.sigmoid(margin);
        output.setField(offset, p >= threshold ? 1.0 : 0.0);
        output.setField(offset + 1, new DenseVector(new double[] {1 - p, p}));
    }

    private double margin(Object features) {
        if (features instanceof DenseVector) {
            return model.margin(((DenseVector) features).values);
        }
        SparseVector sparse = (SparseVector) features;
        double margin = model.intercept;
        for (int k = 0; k < sparse.indices.length; k++) {
            margin += sparse.values[k] * model.coefficient.values[sparse.indices[k]];
        }
        return margin;
    }
}
