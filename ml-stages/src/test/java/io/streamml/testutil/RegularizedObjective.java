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
package io.streamml.testutil;

import io.streamml.linear.loss.Loss;

import java.util.Arrays;

/**
 * The training objective of the library's bounded linear models, evaluated directly from its
 * definition: {@code (1/Σw)·Σ wᵢ·loss(yᵢ, xᵢ·β + b) + l2/2·‖β‖²} (the smooth part), plus {@code
 * l1·‖β‖₁}. Parameters are {@code β} followed by {@code b} when fitting an intercept.
 */
public final class RegularizedObjective {

    public final Loss loss;
    public final SyntheticData data;
    public final double l1;
    public final double l2;
    public final boolean fitIntercept;
    public final int dim;
    private final double totalWeight;

    public RegularizedObjective(
            Loss loss, SyntheticData data, double l1, double l2, boolean fitIntercept) {
        this.loss = loss;
        this.data = data;
        this.l1 = l1;
        this.l2 = l2;
        this.fitIntercept = fitIntercept;
        this.dim = data.numFeatures() + (fitIntercept ? 1 : 0);
        double sum = 0;
        for (double w : data.weights) {
            sum += w;
        }
        this.totalWeight = sum;
    }

    public int numCoefficients() {
        return data.numFeatures();
    }

    public double margin(int row, double[] parameters) {
        double margin = fitIntercept ? parameters[numCoefficients()] : 0;
        for (int j = 0; j < numCoefficients(); j++) {
            margin += data.features[row][j] * parameters[j];
        }
        return margin;
    }

    /** Returns the smooth part and writes its gradient into {@code gradient}. */
    public double smoothValueAndGradient(double[] parameters, double[] gradient) {
        Arrays.fill(gradient, 0);
        double value = 0;
        int p = numCoefficients();
        for (int r = 0; r < data.numRows(); r++) {
            double margin = margin(r, parameters);
            double w = data.weights[r] / totalWeight;
            value += w * loss.loss(data.labels[r], margin);
            double d = w * loss.derivative(data.labels[r], margin);
            for (int j = 0; j < p; j++) {
                gradient[j] += d * data.features[r][j];
            }
            if (fitIntercept) {
                gradient[p] += d;
            }
        }
        for (int j = 0; j < p; j++) {
            value += 0.5 * l2 * parameters[j] * parameters[j];
            gradient[j] += l2 * parameters[j];
        }
        return value;
    }

    /** Returns the dense Hessian of the smooth part, row-major. */
    public double[] smoothHessian(double[] parameters) {
        double[] hessian = new double[dim * dim];
        int p = numCoefficients();
        double[] row = new double[dim];
        for (int r = 0; r < data.numRows(); r++) {
            double margin = margin(r, parameters);
            double h =
                    data.weights[r] / totalWeight * loss.secondDerivative(data.labels[r], margin);
            System.arraycopy(data.features[r], 0, row, 0, p);
            if (fitIntercept) {
                row[p] = 1;
            }
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    hessian[i * dim + j] += h * row[i] * row[j];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            hessian[j * dim + j] += l2;
        }
        return hessian;
    }

    /** Returns the full objective, L1 part included. */
    public double value(double[] parameters) {
        double value = smoothValueAndGradient(parameters, new double[dim]);
        for (int j = 0; j < numCoefficients(); j++) {
            value += l1 * Math.abs(parameters[j]);
        }
        return value;
    }

    /** Returns per-parameter L1 weights in the {@link Lbfgs} convention. */
    public double[] l1Weights() {
        double[] weights = new double[dim];
        for (int j = 0; j < numCoefficients(); j++) {
            weights[j] = l1;
        }
        return weights;
    }
}
