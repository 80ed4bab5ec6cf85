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
 * What the evaluation-driven minimizers ({@link Lbfgs}, and the tests' Newton) share: the best
 * point seen, the iteration and evaluation counts, and why they stopped. Each round the caller
 * evaluates the point a minimizer asked for and hands the result back; the minimizer's state is
 * serializable so it can live in Flink state.
 */
public abstract class IterativeMinimizer implements Serializable {
    private static final long serialVersionUID = 1L;

    protected final int dim;
    protected double[] bestPoint;
    protected double bestObjective = Double.POSITIVE_INFINITY;
    protected int iterations;
    protected int evaluations;
    private StopReason stopReason;

    IterativeMinimizer(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        this.dim = dim;
    }

    /** A deep copy of the shared state, for the subclasses' copy constructors. */
    IterativeMinimizer(IterativeMinimizer other) {
        this.dim = other.dim;
        this.bestPoint = copyOf(other.bestPoint);
        this.bestObjective = other.bestObjective;
        this.iterations = other.iterations;
        this.evaluations = other.evaluations;
        this.stopReason = other.stopReason;
    }

    /** Records why the minimizer stopped and returns the matching step. */
    protected OptimizerStep finish(StopReason reason) {
        stopReason = reason;
        return OptimizerStep.stop(reason);
    }

    /** Returns whether the optimizer has stopped. */
    public boolean isDone() {
        return stopReason != null;
    }

    /** Returns whether the optimizer stopped because a convergence test was met. */
    public boolean isConverged() {
        return stopReason != null && stopReason.isConverged();
    }

    /** Returns why the optimizer stopped, or null while it is running. */
    public StopReason stopReason() {
        return stopReason;
    }

    /** Returns a copy of the evaluated point with the lowest objective, or null before any. */
    public double[] bestPoint() {
        return copyOf(bestPoint);
    }

    /** Returns the full objective (for {@link Lbfgs}: smooth plus L1) at {@link #bestPoint()}. */
    public double bestObjective() {
        return bestObjective;
    }

    /** Returns the number of iterations, that is accepted steps, taken so far. */
    public int iterations() {
        return iterations;
    }

    /** Returns the number of evaluations handed back so far. */
    public int evaluations() {
        return evaluations;
    }

    /** Returns the number of parameters. */
    public int dim() {
        return dim;
    }

    protected static double[] copyOf(double[] v) {
        return v == null ? null : v.clone();
    }
}
