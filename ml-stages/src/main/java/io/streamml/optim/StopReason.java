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

/** Why an evaluation-driven optimizer ({@link Lbfgs}, and the tests' Newton) stopped. */
public enum StopReason {
    /** The (pseudo-)gradient became small enough: the point is optimal to the tolerance. */
    GRADIENT_TOLERANCE(true),
    /** The objective stopped decreasing by more than the tolerance. */
    OBJECTIVE_TOLERANCE(true),
    /** The iteration budget ran out before a tolerance was met. */
    MAX_ITERATIONS(false),
    /**
     * No step along the search direction decreased the objective, even after a restart from
     * steepest descent; usually the objective is already optimal to rounding noise, or the gradient
     * does not match the objective.
     */
    LINE_SEARCH_FAILED(false);

    private final boolean converged;

    StopReason(boolean converged) {
        this.converged = converged;
    }

    /** Returns whether this reason means a convergence test was met. */
    public boolean isConverged() {
        return converged;
    }
}
