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
 * An optimizer that updates the parameters of a linear model once per mini-batch. Implementations
 * hold their per-coordinate accumulators, which are part of the model's training state.
 */
public interface OnlineOptimizer extends Serializable {

    /**
     * Updates {@code parameters} in place from the sums of one mini-batch, which were computed at
     * these same parameters.
     */
    void update(double[] parameters, GradientSums batch);

    /** Returns an independent deep copy, accumulators included. */
    OnlineOptimizer copy();
}
