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

import io.streamml.linear.loss.LogLoss;
import io.streamml.optim.MiniBatchGradient;

/**
 * Adds valid rows to a mini-batch's loss and gradient sums at fixed parameters and, for
 * test-then-train evaluation, records each row's prediction by those parameters first.
 */
final class BatchGradientSink implements LabeledRowSink {
    private final MiniBatchGradient gradient;
    private final double[] parameters;
    private final int dim;
    private final boolean fitIntercept;
    private final boolean logistic;

    /** Where each row's prediction goes before it is learned from, or null. */
    private final SliceEvaluation evaluation;

    BatchGradientSink(
            MiniBatchGradient gradient,
            double[] parameters,
            int dim,
            boolean fitIntercept,
            boolean logistic,
            SliceEvaluation evaluation) {
        this.gradient = gradient;
        this.parameters = parameters;
        this.dim = dim;
        this.fitIntercept = fitIntercept;
        this.logistic = logistic;
        this.evaluation = evaluation;
    }

    private void evaluate(double margin, double label, double weight) {
        if (evaluation != null) {
            evaluation.add(logistic ? LogLoss.sigmoid(margin) : margin, label, weight);
        }
    }

    private double intercept() {
        return fitIntercept ? parameters[dim] : 0;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void addDense(double[] features, double label, double weight) {
        if (evaluation != null) {
            double margin = intercept();
            for (int j = 0; j < dim; j++) {
                margin += features[j] * parameters[j];
            }
            evaluate(margin, label, weight);
        }
        gradient.addDense(features, label, weight, parameters);
    }

    @Override
    public void addSparse(int size, int[] indices, double[] values, double label, double weight) {
        if (evaluation != null) {
            double margin = intercept();
            for (int k = 0; k < indices.length; k++) {
                margin += values[k] * parameters[indices[k]];
            }
            evaluate(margin, label, weight);
        }
        gradient.addSparse(indices, values, label, weight, parameters);
    }
}
