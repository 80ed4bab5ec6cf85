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
 * What an optimizer needs of one mini-batch (or, bounded, of all rows): the weighted gradient sums
 * at the parameters from before the batch, per coordinate the total weight of the rows that have
 * it, the batch's total weight and its weighted loss. A model family's gradient kernel produces
 * them.
 */
public interface GradientSums {
    /** {@code Σ w·∂loss/∂θ} per parameter (intercept last, when fitted). */
    double[] gradientSum();

    /** Per parameter, the total weight of the rows that have that coordinate. */
    double[] weightSum();

    /** {@code Σ w} over the batch. */
    double totalWeight();

    /** {@code Σ w·loss} over the batch. */
    double lossSum();
}
