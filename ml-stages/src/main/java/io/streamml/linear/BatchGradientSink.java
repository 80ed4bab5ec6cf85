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

import io.streamml.optim.MiniBatchGradient;

/** Adds valid rows to a mini-batch's loss and gradient sums at fixed parameters. */
final class BatchGradientSink implements LabeledRowSink {
    private final MiniBatchGradient gradient;
    private final double[] parameters;
    private final int dim;

    BatchGradientSink(MiniBatchGradient gradient, double[] parameters, int dim) {
        this.gradient = gradient;
        this.parameters = parameters;
        this.dim = dim;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void addDense(double[] features, double label, double weight) {
        gradient.addDense(features, label, weight, parameters);
    }

    @Override
    public void addSparse(int size, int[] indices, double[] values, double label, double weight) {
        gradient.addSparse(indices, values, label, weight, parameters);
    }
}
