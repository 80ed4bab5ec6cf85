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

import io.streamml.linear.loss.SquaredLoss;

/**
 * Slow but simple solvers used as oracles: plain Newton for smooth objectives, cyclic coordinate
 * descent for the elastic-net least-squares problem, and proximal Newton (with an inner cyclic
 * coordinate descent) for L1-penalized objectives. Each runs until its iterates stop changing at
 * the level of rounding errors.
 */
public final class ReferenceSolvers {

    private ReferenceSolvers() {}

    /** Minimizes the smooth objective (no L1) by Newton's method with step halving. */
    public static double[] newton(RegularizedObjective objective) {
        int dim = objective.dim;
        double[] x = new double[dim];
        double[] gradient = new double[dim];
        for (int iter = 0; iter < 100; iter++) {
            double value = objective.smoothValueAndGradient(x, gradient);
            double[] step = DenseLinearAlgebra.solve(objective.smoothHessian(x), gradient);
            double t = 1;
            double[] candidate = new double[dim];
            while (true) {
                for (int i = 0; i < dim; i++) {
                    candidate[i] = x[i] - t * step[i];
                }
                if (objective.smoothValueAndGradient(candidate, new double[dim]) <= value
                        || t < 1e-10) {
                    break;
                }
                t /= 2;
            }
            double largestStep = 0;
            for (int i = 0; i < dim; i++) {
                largestStep = Math.max(largestStep, Math.abs(candidate[i] - x[i]));
            }
            x = candidate.clone();
            if (largestStep < 1e-15) {
                break;
            }
        }
        return x;
    }

    /**
     * Minimizes {@code (1/Σw)·Σ wᵢ·½(yᵢ − xᵢ·β − b)² + l2/2·‖β‖² + l1·‖β‖₁} by cyclic coordinate
     * descent with exact coordinate minimization (Friedman, Hastie and Tibshirani 2010).
     */
    public static double[] elasticNetLeastSquares(RegularizedObjective objective) {
        if (!(objective.loss instanceof SquaredLoss)) {
            throw new IllegalArgumentException("Only for the squared loss");
        }
        SyntheticData data = objective.data;
        int p = objective.numCoefficients();
        int n = data.numRows();
        double totalWeight = 0;
        for (double w : data.weights) {
            totalWeight += w;
        }
        double[] beta = new double[objective.dim];
        double[] residual = data.labels.clone();
        for (int sweep = 0; sweep < 100_000; sweep++) {
            double largestChange = 0;
            for (int j = 0; j < p; j++) {
                double rho = 0;
                double curvature = 0;
                for (int r = 0; r < n; r++) {
                    double x = data.features[r][j];
                    double w = data.weights[r] / totalWeight;
                    rho += w * x * (residual[r] + x * beta[j]);
                    curvature += w * x * x;
                }
                double updated = softThreshold(rho, objective.l1) / (curvature + objective.l2);
                double change = updated - beta[j];
                if (change != 0) {
                    for (int r = 0; r < n; r++) {
                        residual[r] -= change * data.features[r][j];
                    }
                    beta[j] = updated;
                }
                largestChange = Math.max(largestChange, Math.abs(change));
            }
            if (objective.fitIntercept) {
                double meanResidual = 0;
                for (int r = 0; r < n; r++) {
                    meanResidual += data.weights[r] / totalWeight * residual[r];
                }
                for (int r = 0; r < n; r++) {
                    residual[r] -= meanResidual;
                }
                beta[p] += meanResidual;
                largestChange = Math.max(largestChange, Math.abs(meanResidual));
            }
            if (largestChange < 1e-15) {
                break;
            }
        }
        return beta;
    }

    /**
     * Minimizes smooth part + {@code l1·‖β‖₁} by proximal Newton: each outer step minimizes the
     * second-order model plus the L1 term by cyclic coordinate descent, then backtracks on the true
     * objective.
     */
    public static double[] proximalNewton(RegularizedObjective objective) {
        int dim = objective.dim;
        int p = objective.numCoefficients();
        double[] x = new double[dim];
        double[] gradient = new double[dim];
        for (int outer = 0; outer < 200; outer++) {
            double value = objective.value(x);
            objective.smoothValueAndGradient(x, gradient);
            double[] h = objective.smoothHessian(x);
            // Inner problem in u = x + Δ: min g·Δ + ½ΔᵀHΔ + l1·‖u_β‖₁.
            double[] delta = new double[dim];
            for (int sweep = 0; sweep < 100_000; sweep++) {
                double largestChange = 0;
                for (int j = 0; j < dim; j++) {
                    double linear = gradient[j];
                    for (int k = 0; k < dim; k++) {
                        if (k != j) {
                            linear += h[j * dim + k] * delta[k];
                        }
                    }
                    double hjj = h[j * dim + j];
                    double u;
                    if (j < p) {
                        u = softThreshold(hjj * x[j] - linear, objective.l1) / hjj;
                    } else {
                        u = x[j] - linear / hjj;
                    }
                    double updated = u - x[j];
                    largestChange = Math.max(largestChange, Math.abs(updated - delta[j]));
                    delta[j] = updated;
                }
                if (largestChange < 1e-17) {
                    break;
                }
            }
            double predicted = 0;
            for (int j = 0; j < dim; j++) {
                predicted += gradient[j] * delta[j];
            }
            for (int j = 0; j < p; j++) {
                predicted += objective.l1 * (Math.abs(x[j] + delta[j]) - Math.abs(x[j]));
            }
            double t = 1;
            double[] candidate = new double[dim];
            while (true) {
                for (int j = 0; j < dim; j++) {
                    candidate[j] = x[j] + t * delta[j];
                }
                if (objective.value(candidate) <= value + 1e-4 * t * predicted || t < 1e-12) {
                    break;
                }
                t /= 2;
            }
            double largestStep = 0;
            for (int j = 0; j < dim; j++) {
                largestStep = Math.max(largestStep, Math.abs(candidate[j] - x[j]));
            }
            x = candidate;
            if (largestStep < 1e-15) {
                break;
            }
        }
        return x;
    }

    /** The soft-threshold operator, written out again so that the oracles do not use the code. */
    private static double softThreshold(double v, double t) {
        return Math.signum(v) * Math.max(Math.abs(v) - t, 0);
    }
}
