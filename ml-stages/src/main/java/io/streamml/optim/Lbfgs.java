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

import java.io.Serializable;

/**
 * Limited-memory BFGS minimization of {@code F(x) = f(x) + Σ l1Weights[i]·|x[i]|} for a smooth
 * {@code f}, written as a deterministic state machine that is driven by evaluations of {@code f}.
 * When any L1 weight is positive it runs OWL-QN (Andrew &amp; Gao, "Scalable training of
 * L1-regularized log-linear models", ICML 2007): the search direction is built from the
 * pseudo-gradient, kept in the orthant of the current point, and line-search points are projected
 * back onto that orthant, so coefficients become exactly zero.
 *
 * <p>Protocol: {@link #start} returns the first point to evaluate; each call of {@link #next} hands
 * over {@code f} and its gradient at the last requested point and returns either the next point to
 * evaluate or a stop. The caller never needs {@code F}: the L1 part is added here. Every step uses
 * only sequential double arithmetic on its inputs, so two instances fed the same values produce
 * bitwise identical points; the whole state is {@link Serializable} and {@link #copy() copyable}.
 *
 * <p>Line search: backtracking with the Armijo condition {@code F(x') ≤ F(x) + 1e-4·pg·(x' − x)},
 * where {@code pg} is the pseudo-gradient (the gradient when there is no L1 term). The first trial
 * of an iteration is the full quasi-Newton step (step 1), so an iteration usually costs one
 * evaluation; the very first iteration, which has no curvature history, tries a step of length 1
 * along the steepest descent direction. Rejected steps shrink by safeguarded quadratic
 * interpolation (to 10%–50% of the previous one). When differences of {@code F} are down at
 * rounding noise, a step is also accepted if {@code F} did not grow by more than {@code 1e-12·|F|}
 * and the directional derivative at the trial point shows the minimum was not overshot (the upper
 * half of Hager and Zhang's approximate Wolfe conditions), so the iterates keep improving there. If
 * a line search fails 20 times, the curvature history is dropped and steepest descent is tried
 * once; if that also fails the optimizer stops with {@link StopReason#LINE_SEARCH_FAILED}.
 *
 * <p>Convergence (with {@code scale = max(1, |F|)} at the current point):
 *
 * <ul>
 *   <li>{@link StopReason#GRADIENT_TOLERANCE}: the largest pseudo-gradient component is at most
 *       {@code tol·scale}. Checked at the start point too, so a start with zero gradient stops
 *       after one evaluation.
 *   <li>{@link StopReason#OBJECTIVE_TOLERANCE}: two consecutive iterations each decreased {@code F}
 *       by at most {@code tol·scale}. Requiring two rules out stopping on a single short step;
 *       since L-BFGS converges superlinearly, by the time two successive decreases are below {@code
 *       tol} the remaining gap to the optimum is typically far smaller than {@code tol} (with
 *       {@code tol = 1e-10} the tests see relative gaps from 1e-16 to 1e-12).
 * </ul>
 *
 * <p>{@code maxIter} bounds the number of iterations, that is of accepted steps; the number of
 * evaluations is {@link #evaluations()}. Whatever the reason for stopping, {@link #bestPoint()} is
 * the point with the lowest {@code F} among all evaluated points.
 */
public final class Lbfgs extends IterativeMinimizer {

    private static final long serialVersionUID = 1L;

    /** The Armijo sufficient-decrease constant. */
    private static final double ARMIJO = 1e-4;

    /** How much F may grow, relative to |F|, under the approximate Armijo rule. */
    private static final double NOISE_TOLERANCE = 1e-12;

    /** The approximate Armijo rule's bound on the trial slope, {@code 1 − 2δ} with δ = 0.1. */
    private static final double APPROXIMATE_SLOPE = 0.8;

    private static final int MAX_BACKTRACKS = 20;
    private static final double MIN_BACKTRACK_FACTOR = 0.1;
    private static final double MAX_BACKTRACK_FACTOR = 0.5;

    /** A curvature pair is kept only if the cosine between s and y exceeds this. */
    private static final double MIN_CURVATURE_COSINE = 1e-10;

    private static final int SMALL_DECREASES_TO_STOP = 2;

    private enum Phase {
        NEW,
        AWAITING_START,
        AWAITING_TRIAL,
        DONE
    }

    private final int historySize;

    /** Null when no weight is positive, which turns OWL-QN off. */
    private final double[] l1Weights;

    private final int maxIter;
    private final double tol;

    // Curvature pairs in a ring buffer; rows are allocated when first used.
    private final double[][] sHistory;
    private final double[][] yHistory;
    private final double[] rho;
    private final double[] twoLoopCoefficients;
    private int historyCount;
    private int newestPair = -1;

    // The last accepted point.
    private double[] point;
    private double[] gradient;
    private double objective;
    private final double[] pseudoGradient;

    // The line search in progress.
    private final double[] direction;
    private double[] trial;
    private double stepSize;
    private double slope;
    private int backtracks;
    private boolean restartedThisIteration;

    private int smallDecreases;
    private Phase phase = Phase.NEW;

    /**
     * @param dim the number of parameters (coefficients, plus one when fitting an intercept)
     * @param historySize the number of curvature pairs kept, typically 10
     * @param l1Weights per-parameter L1 weights (≥ 0, 0 for the intercept), or null for none
     * @param maxIter the maximum number of iterations (accepted steps), ≥ 0
     * @param tol the convergence tolerance, see the class comment
     */
    public Lbfgs(int dim, int historySize, double[] l1Weights, int maxIter, double tol) {
        super(dim);
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be >= 1, got " + historySize);
        }
        if (maxIter < 0) {
            throw new IllegalArgumentException("maxIter must be >= 0, got " + maxIter);
        }
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tol must be >= 0, got " + tol);
        }
        this.historySize = historySize;
        this.l1Weights = checkedL1Weights(l1Weights, dim);
        this.maxIter = maxIter;
        this.tol = tol;
        this.sHistory = new double[historySize][];
        this.yHistory = new double[historySize][];
        this.rho = new double[historySize];
        this.twoLoopCoefficients = new double[historySize];
        this.pseudoGradient = new double[dim];
        this.direction = new double[dim];
    }

    private Lbfgs(Lbfgs other) {
        super(other);
        this.historySize = other.historySize;
        this.l1Weights = other.l1Weights == null ? null : other.l1Weights.clone();
        this.maxIter = other.maxIter;
        this.tol = other.tol;
        this.sHistory = deepCopy(other.sHistory);
        this.yHistory = deepCopy(other.yHistory);
        this.rho = other.rho.clone();
        this.twoLoopCoefficients = other.twoLoopCoefficients.clone();
        this.historyCount = other.historyCount;
        this.newestPair = other.newestPair;
        this.point = copyOf(other.point);
        this.gradient = copyOf(other.gradient);
        this.objective = other.objective;
        this.pseudoGradient = other.pseudoGradient.clone();
        this.direction = other.direction.clone();
        this.trial = copyOf(other.trial);
        this.stepSize = other.stepSize;
        this.slope = other.slope;
        this.backtracks = other.backtracks;
        this.restartedThisIteration = other.restartedThisIteration;
        this.smallDecreases = other.smallDecreases;
        this.phase = other.phase;
    }

    /** Returns an independent deep copy that continues exactly as this instance would. */
    public Lbfgs copy() {
        return new Lbfgs(this);
    }

    /** Begins the minimization at {@code x0} and returns the point to evaluate first (x0). */
    public double[] start(double[] x0) {
        if (phase != Phase.NEW) {
            throw new IllegalStateException("start() may only be called once");
        }
        checkLength(x0, "x0");
        trial = x0.clone();
        phase = Phase.AWAITING_START;
        return trial.clone();
    }

    /**
     * Takes the smooth part of the objective and its gradient at the point returned last, and
     * returns the next point to evaluate or a stop.
     */
    public OptimizerStep next(double smoothValue, double[] smoothGradient) {
        if (phase != Phase.AWAITING_START && phase != Phase.AWAITING_TRIAL) {
            throw new IllegalStateException("next() called in phase " + phase);
        }
        checkLength(smoothGradient, "smoothGradient");
        evaluations++;
        double value = smoothValue + l1Penalty(trial);
        if (value < bestObjective) {
            bestObjective = value;
            bestPoint = trial.clone();
        }
        if (phase == Phase.AWAITING_START) {
            return acceptStart(value, smoothGradient);
        }
        return continueLineSearch(value, smoothGradient);
    }

    private OptimizerStep acceptStart(double value, double[] smoothGradient) {
        if (!Double.isFinite(value) || !allFinite(smoothGradient)) {
            throw new IllegalArgumentException("The objective or gradient at x0 is not finite");
        }
        point = trial;
        trial = new double[dim];
        gradient = smoothGradient.clone();
        objective = value;
        computePseudoGradient();
        if (gradientConverged()) {
            return stop(StopReason.GRADIENT_TOLERANCE);
        }
        if (maxIter == 0) {
            return stop(StopReason.MAX_ITERATIONS);
        }
        return beginIteration();
    }

    private OptimizerStep beginIteration() {
        restartedThisIteration = false;
        computeDirection();
        return startLineSearch();
    }

    private OptimizerStep startLineSearch() {
        backtracks = 0;
        // Without curvature information the quasi-Newton step has no natural length: take a unit
        // step. The norm is computed scaled, since its square overflows for gradients ≳ 1e154.
        stepSize = historyCount == 0 ? 1 / norm(direction) : 1;
        return requestTrial();
    }

    private OptimizerStep continueLineSearch(double value, double[] trialGradient) {
        double predicted = dotWithStep(pseudoGradient);
        boolean accepted =
                allFinite(trialGradient)
                        && (value <= objective + ARMIJO * predicted
                                || (value <= objective + NOISE_TOLERANCE * Math.abs(objective)
                                        && trialSlope(trialGradient)
                                                <= -APPROXIMATE_SLOPE * predicted));
        if (accepted) {
            return acceptTrial(value, trialGradient);
        }
        backtracks++;
        if (backtracks >= MAX_BACKTRACKS) {
            if (historyCount > 0 && !restartedThisIteration) {
                clearHistory();
                restartedThisIteration = true;
                computeDirection();
                return startLineSearch();
            }
            return stop(StopReason.LINE_SEARCH_FAILED);
        }
        stepSize = backtrackedStepSize(value);
        return requestTrial();
    }

    /** Minimizes the quadratic through F(x), the slope, and F(trial), within safeguards. */
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
        if (Double.isNaN(minimizer)) {
            // The slope overflowed (a huge gradient): no usable model of F along the step.
            return upper;
        }
        return Math.min(upper, Math.max(lower, minimizer));
    }

    private OptimizerStep acceptTrial(double value, double[] trialGradient) {
        storeCurvaturePair(trialGradient);
        double decrease = objective - value;
        double[] previousPoint = point;
        point = trial;
        trial = previousPoint;
        System.arraycopy(trialGradient, 0, gradient, 0, dim);
        objective = value;
        iterations++;
        computePseudoGradient();
        if (gradientConverged()) {
            return stop(StopReason.GRADIENT_TOLERANCE);
        }
        smallDecreases =
                decrease <= tol * Math.max(1, Math.abs(objective)) ? smallDecreases + 1 : 0;
        if (smallDecreases >= SMALL_DECREASES_TO_STOP) {
            return stop(StopReason.OBJECTIVE_TOLERANCE);
        }
        if (iterations >= maxIter) {
            return stop(StopReason.MAX_ITERATIONS);
        }
        return beginIteration();
    }

    /** Stores s = trial − point and y = ∇f(trial) − ∇f(point) if the pair has curvature. */
    private void storeCurvaturePair(double[] trialGradient) {
        int slot = (newestPair + 1) % historySize;
        if (sHistory[slot] == null) {
            sHistory[slot] = new double[dim];
            yHistory[slot] = new double[dim];
        }
        double[] s = sHistory[slot];
        double[] y = yHistory[slot];
        double sy = 0;
        double ss = 0;
        double yy = 0;
        for (int i = 0; i < dim; i++) {
            s[i] = trial[i] - point[i];
            y[i] = trialGradient[i] - gradient[i];
            sy += s[i] * y[i];
            ss += s[i] * s[i];
            yy += y[i] * y[i];
        }
        // Norms computed scaled where the squares overflow (gradients ≳ 1e154).
        double lengths =
                Double.isFinite(ss) && Double.isFinite(yy)
                        ? Math.sqrt(ss) * Math.sqrt(yy)
                        : norm(s) * norm(y);
        if (sy > MIN_CURVATURE_COSINE * lengths) {
            rho[slot] = 1 / sy;
            newestPair = slot;
            historyCount = Math.min(historyCount + 1, historySize);
        }
    }

    private void clearHistory() {
        historyCount = 0;
        newestPair = -1;
    }

    /**
     * Sets {@link #direction} to −H·pg (two-loop recursion) restricted to the orthant that pg
     * points into, falling back to steepest descent when that is not a descent direction.
     */
    private void computeDirection() {
        if (historyCount > 0) {
            applyInverseHessian();
            if (l1Weights != null) {
                for (int i = 0; i < dim; i++) {
                    if (l1Weights[i] > 0 && direction[i] * pseudoGradient[i] >= 0) {
                        direction[i] = 0;
                    }
                }
            }
            slope = dot(pseudoGradient, direction);
            if (slope < 0) {
                return;
            }
            clearHistory();
        }
        double squaredNorm = 0;
        for (int i = 0; i < dim; i++) {
            direction[i] = -pseudoGradient[i];
            squaredNorm += pseudoGradient[i] * pseudoGradient[i];
        }
        slope = -squaredNorm;
    }

    private void applyInverseHessian() {
        double[] q = direction;
        System.arraycopy(pseudoGradient, 0, q, 0, dim);
        int slot = newestPair;
        for (int k = 0; k < historyCount; k++) {
            double a = rho[slot] * dot(sHistory[slot], q);
            twoLoopCoefficients[slot] = a;
            addScaled(q, -a, yHistory[slot]);
            slot = slot == 0 ? historySize - 1 : slot - 1;
        }
        double[] newestY = yHistory[newestPair];
        double yy = dot(newestY, newestY);
        double yLength = norm(newestY);
        double gamma =
                Double.isFinite(yy)
                        ? 1 / (rho[newestPair] * yy)
                        : 1 / rho[newestPair] / yLength / yLength;
        for (int i = 0; i < dim; i++) {
            q[i] *= gamma;
        }
        slot = (newestPair - historyCount + 1 + historySize) % historySize;
        for (int k = 0; k < historyCount; k++) {
            double b = rho[slot] * dot(yHistory[slot], q);
            addScaled(q, twoLoopCoefficients[slot] - b, sHistory[slot]);
            slot = (slot + 1) % historySize;
        }
        for (int i = 0; i < dim; i++) {
            q[i] = -q[i];
        }
    }

    /** Fills {@link #trial} with point + stepSize·direction, projected onto the orthant. */
    private OptimizerStep requestTrial() {
        for (int i = 0; i < dim; i++) {
            double value = point[i] + stepSize * direction[i];
            if (l1Weights != null && l1Weights[i] > 0) {
                double orthant =
                        point[i] != 0 ? Math.signum(point[i]) : -Math.signum(pseudoGradient[i]);
                if (value * orthant <= 0) {
                    value = 0;
                }
            }
            trial[i] = value;
        }
        phase = Phase.AWAITING_TRIAL;
        return OptimizerStep.evaluate(trial.clone());
    }

    private void computePseudoGradient() {
        for (int i = 0; i < dim; i++) {
            pseudoGradient[i] = pseudoGradientComponent(i, gradient[i], point[i]);
        }
    }

    /**
     * Returns the component of the steepest-descent-defining pseudo-gradient of F: the one-sided
     * derivative of F that points downhill, or 0 where x = 0 is a minimum along that coordinate.
     */
    private double pseudoGradientComponent(int i, double smoothComponent, double x) {
        double weight = l1Weights == null ? 0 : l1Weights[i];
        if (weight == 0) {
            return smoothComponent;
        }
        if (x > 0) {
            return smoothComponent + weight;
        }
        if (x < 0) {
            return smoothComponent - weight;
        }
        if (smoothComponent + weight < 0) {
            return smoothComponent + weight;
        }
        if (smoothComponent - weight > 0) {
            return smoothComponent - weight;
        }
        return 0;
    }

    /** Returns v·(trial − point). */
    private double dotWithStep(double[] v) {
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            sum += v[i] * (trial[i] - point[i]);
        }
        return sum;
    }

    /** Returns pg(trial)·(trial − point), the slope of F at the trial point along the step. */
    private double trialSlope(double[] trialGradient) {
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            double component = pseudoGradientComponent(i, trialGradient[i], trial[i]);
            sum += component * (trial[i] - point[i]);
        }
        return sum;
    }

    private boolean gradientConverged() {
        double largest = 0;
        for (int i = 0; i < dim; i++) {
            largest = Math.max(largest, Math.abs(pseudoGradient[i]));
        }
        return largest <= tol * Math.max(1, Math.abs(objective));
    }

    private double l1Penalty(double[] x) {
        if (l1Weights == null) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            sum += l1Weights[i] * Math.abs(x[i]);
        }
        return sum;
    }

    private OptimizerStep stop(StopReason reason) {
        phase = Phase.DONE;
        return finish(reason);
    }

    private static double[] checkedL1Weights(double[] weights, int dim) {
        if (weights == null) {
            return null;
        }
        if (weights.length != dim) {
            throw new IllegalArgumentException(
                    "l1Weights has length " + weights.length + ", expected " + dim);
        }
        boolean anyPositive = false;
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("L1 weights must be finite and >= 0");
            }
            anyPositive |= weight > 0;
        }
        return anyPositive ? weights.clone() : null;
    }

    private void checkLength(double[] vector, String name) {
        if (vector.length != dim) {
            throw new IllegalArgumentException(
                    name + " has length " + vector.length + ", expected " + dim);
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

    /** Returns the Euclidean norm of {@code v}, without overflow for components up to MAX_VALUE. */
    private static double norm(double[] v) {
        double largest = 0;
        for (double x : v) {
            largest = Math.max(largest, Math.abs(x));
        }
        if (largest == 0 || !Double.isFinite(largest)) {
            return largest;
        }
        double sum = 0;
        for (double x : v) {
            double scaled = x / largest;
            sum += scaled * scaled;
        }
        return largest * Math.sqrt(sum);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void addScaled(double[] target, double scale, double[] v) {
        for (int i = 0; i < target.length; i++) {
            target[i] += scale * v[i];
        }
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = copyOf(rows[i]);
        }
        return copy;
    }
}
