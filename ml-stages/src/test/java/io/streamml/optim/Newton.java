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
package io.streamml.optim;

/**
 * Damped Newton minimization of a smooth, twice differentiable objective, written as a
 * deterministic state machine driven by evaluations of the value, gradient and Hessian; the
 * protocol is the one of {@link Lbfgs}. Meant for few parameters (the Hessian is dense, {@code
 * dim²} numbers per evaluation, and each direction costs a {@code dim³/3} Cholesky factorization),
 * where it needs far fewer evaluations than L-BFGS. It has no L1 support.
 *
 * <p>Direction: {@code −(H + τI)⁻¹·g}, with τ = 0 unless the Cholesky factorization fails, then τ
 * grows from {@code 1e-10·max|H_ii|} by factors of 10 until it succeeds. Line search: step 1 first,
 * then backtracking on the Armijo condition {@code f(x') ≤ f(x) + 1e-4·g·(x' − x)} with safeguarded
 * quadratic interpolation; 30 failed trials stop the run with {@link
 * StopReason#LINE_SEARCH_FAILED}.
 *
 * <p>Convergence, with {@code scale = max(1, |f|)}: {@link StopReason#GRADIENT_TOLERANCE} when
 * {@code max|g_i| ≤ tol·scale}, and {@link StopReason#OBJECTIVE_TOLERANCE} when half the squared
 * Newton decrement {@code λ²/2 = −g·d/2}, which estimates the remaining gap {@code f(x) − f*}, is
 * at most {@code tol·scale}. Both are checked before a step is taken, so the current point is the
 * answer. {@code maxIter} bounds the number of accepted steps.
 */
public final class Newton extends IterativeMinimizer {

    private static final long serialVersionUID = 1L;

    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 30;
    private static final double MIN_BACKTRACK_FACTOR = 0.1;
    private static final double MAX_BACKTRACK_FACTOR = 0.5;

    private enum Phase {
        NEW,
        AWAITING_START,
        AWAITING_TRIAL,
        DONE
    }

    private final int maxIter;
    private final double tol;

    private double[] point;
    private double[] gradient;
    private double objective;
    private final double[] direction;
    private double[] trial;
    private double stepSize;
    private double slope;
    private int backtracks;

    private Phase phase = Phase.NEW;

    /**
     * @param dim the number of parameters
     * @param maxIter the maximum number of accepted steps, ≥ 0
     * @param tol the convergence tolerance, see the class comment
     */
    public Newton(int dim, int maxIter, double tol) {
        super(dim);
        if (maxIter < 0) {
            throw new IllegalArgumentException("maxIter must be >= 0, got " + maxIter);
        }
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tol must be >= 0, got " + tol);
        }
        this.maxIter = maxIter;
        this.tol = tol;
        this.direction = new double[dim];
    }

    private Newton(Newton other) {
        super(other);
        this.maxIter = other.maxIter;
        this.tol = other.tol;
        this.point = copyOf(other.point);
        this.gradient = copyOf(other.gradient);
        this.objective = other.objective;
        this.direction = other.direction.clone();
        this.trial = copyOf(other.trial);
        this.stepSize = other.stepSize;
        this.slope = other.slope;
        this.backtracks = other.backtracks;
        this.phase = other.phase;
    }

    /** Returns an independent deep copy that continues exactly as this instance would. */
    public Newton copy() {
        return new Newton(this);
    }

    /** Begins the minimization at {@code x0} and returns the point to evaluate first (x0). */
    public double[] start(double[] x0) {
        if (phase != Phase.NEW) {
            throw new IllegalStateException("start() may only be called once");
        }
        checkLength(x0.length, dim, "x0");
        trial = x0.clone();
        phase = Phase.AWAITING_START;
        return trial.clone();
    }

    /**
     * Takes the objective, its gradient and its Hessian (row-major, {@code dim × dim}) at the point
     * returned last, and returns the next point to evaluate or a stop.
     */
    public OptimizerStep next(double value, double[] gradient, double[] hessian) {
        if (phase != Phase.AWAITING_START && phase != Phase.AWAITING_TRIAL) {
            throw new IllegalStateException("next() called in phase " + phase);
        }
        checkLength(gradient.length, dim, "gradient");
        checkLength(hessian.length, dim * dim, "hessian");
        evaluations++;
        if (value < bestObjective) {
            bestObjective = value;
            bestPoint = trial.clone();
        }
        if (phase == Phase.AWAITING_START) {
            if (!Double.isFinite(value) || !allFinite(gradient) || !allFinite(hessian)) {
                throw new IllegalArgumentException("The objective at x0 is not finite");
            }
            return accept(value, gradient, hessian);
        }
        double predicted = 0;
        for (int i = 0; i < dim; i++) {
            predicted += this.gradient[i] * (trial[i] - point[i]);
        }
        if (value <= objective + ARMIJO * predicted && allFinite(gradient) && allFinite(hessian)) {
            iterations++;
            return accept(value, gradient, hessian);
        }
        backtracks++;
        if (backtracks >= MAX_BACKTRACKS) {
            return stop(StopReason.LINE_SEARCH_FAILED);
        }
        stepSize = backtrackedStepSize(value);
        return requestTrial();
    }

    private OptimizerStep accept(double value, double[] newGradient, double[] hessian) {
        double[] previousPoint = point;
        point = trial;
        trial = previousPoint == null ? new double[dim] : previousPoint;
        gradient = newGradient.clone();
        objective = value;
        double scale = Math.max(1, Math.abs(objective));
        double largest = 0;
        for (double g : gradient) {
            largest = Math.max(largest, Math.abs(g));
        }
        if (largest <= tol * scale) {
            return stop(StopReason.GRADIENT_TOLERANCE);
        }
        solveNewtonSystem(hessian);
        slope = 0;
        for (int i = 0; i < dim; i++) {
            slope += gradient[i] * direction[i];
        }
        if (-slope / 2 <= tol * scale) {
            return stop(StopReason.OBJECTIVE_TOLERANCE);
        }
        if (iterations >= maxIter) {
            return stop(StopReason.MAX_ITERATIONS);
        }
        backtracks = 0;
        stepSize = 1;
        return requestTrial();
    }

    /** Sets {@link #direction} to −(H + τI)⁻¹·g with the smallest τ that keeps H + τI positive. */
    private void solveNewtonSystem(double[] hessian) {
        double largestDiagonal = 0;
        for (int i = 0; i < dim; i++) {
            largestDiagonal = Math.max(largestDiagonal, Math.abs(hessian[i * dim + i]));
        }
        double[] factor = new double[dim * dim];
        double shift = 0;
        while (!choleskyFactor(hessian, shift, factor)) {
            shift = shift == 0 ? 1e-10 * Math.max(largestDiagonal, 1e-300) : shift * 10;
        }
        // Forward then backward substitution with L·Lᵀ.
        for (int i = 0; i < dim; i++) {
            double sum = -gradient[i];
            for (int k = 0; k < i; k++) {
                sum -= factor[i * dim + k] * direction[k];
            }
            direction[i] = sum / factor[i * dim + i];
        }
        for (int i = dim - 1; i >= 0; i--) {
            double sum = direction[i];
            for (int k = i + 1; k < dim; k++) {
                sum -= factor[k * dim + i] * direction[k];
            }
            direction[i] = sum / factor[i * dim + i];
        }
    }

    /** Writes the lower Cholesky factor of H + shift·I into {@code factor}; false if not SPD. */
    private boolean choleskyFactor(double[] hessian, double shift, double[] factor) {
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j <= i; j++) {
                // The upper triangle is ignored, so a slightly asymmetric Hessian is fine.
                double sum = hessian[i * dim + j] + (i == j ? shift : 0);
                for (int k = 0; k < j; k++) {
                    sum -= factor[i * dim + k] * factor[j * dim + k];
                }
                if (i == j) {
                    if (!(sum > 0) || Double.isInfinite(sum)) {
                        return false;
                    }
                    factor[i * dim + i] = Math.sqrt(sum);
                } else {
                    factor[i * dim + j] = sum / factor[j * dim + j];
                }
            }
        }
        return true;
    }

    private double backtrackedStepSize(double value) {
        double lower = MIN_BACKTRACK_FACTOR * stepSize;
        double upper = MAX_BACKTRACK_FACTOR * stepSize;
        if (!Double.isFinite(value)) {
            return lower;
        }
        double curvature = value - objective - slope * stepSize;
        if (!(curvature > 0)) {
            return upper;
        }
        double minimizer = -slope * stepSize * stepSize / (2 * curvature);
        return Math.min(upper, Math.max(lower, minimizer));
    }

    private OptimizerStep requestTrial() {
        for (int i = 0; i < dim; i++) {
            trial[i] = point[i] + stepSize * direction[i];
        }
        phase = Phase.AWAITING_TRIAL;
        return OptimizerStep.evaluate(trial.clone());
    }

    private OptimizerStep stop(StopReason reason) {
        phase = Phase.DONE;
        return finish(reason);
    }

    private static void checkLength(int length, int expected, String name) {
        if (length != expected) {
            throw new IllegalArgumentException(
                    name + " has length " + length + ", expected " + expected);
        }
    }

    private static boolean allFinite(double[] vector) {
        for (double v : vector) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
