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

import java.util.Arrays;

/**
 * What an evaluation-driven optimizer wants next: either the objective at a new point, or nothing
 * because it has stopped.
 */
public final class OptimizerStep {

    private final double[] point;
    private final StopReason stopReason;

    private OptimizerStep(double[] point, StopReason stopReason) {
        this.point = point;
        this.stopReason = stopReason;
    }

    /** Asks the caller to evaluate the objective at {@code point} (owned by the step). */
    static OptimizerStep evaluate(double[] point) {
        return new OptimizerStep(point, null);
    }

    static OptimizerStep stop(StopReason reason) {
        return new OptimizerStep(null, reason);
    }

    /** Returns whether the optimizer has stopped; then {@link #stopReason()} says why. */
    public boolean isDone() {
        return point == null;
    }

    /** Returns the point to evaluate next; the caller may keep and modify it. */
    public double[] point() {
        if (point == null) {
            throw new IllegalStateException("The optimizer stopped: " + stopReason);
        }
        return point;
    }

    /** Returns why the optimizer stopped, or null while it is still running. */
    public StopReason stopReason() {
        return stopReason;
    }

    @Override
    public String toString() {
        return isDone() ? "Stop(" + stopReason + ")" : "Evaluate" + Arrays.toString(point);
    }
}
