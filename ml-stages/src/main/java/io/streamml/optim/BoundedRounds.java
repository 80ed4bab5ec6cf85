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
 * The optimizer of a bounded fit, as the bounded training coordinator drives it round by round:
 * chosen once from the params ({@link LbfgsRounds} or {@link SgdRounds}), so no operator compares
 * optimizer names. Each round the workers add up the loss and gradient sums over their rows at
 * {@link #point()}; {@link #next} takes the merged sums and moves on or stops.
 */
public interface BoundedRounds extends Serializable {
    /** Starts at {@code start} (zeros, with the intercept at the link of the mean label). */
    void start(double[] start);

    /** The point the workers evaluate this round. */
    double[] point();

    /**
     * Takes round {@code round}'s merged sums at {@link #point()}: returns false once training
     * stops, true when {@link #point()} is the next round's.
     */
    boolean next(int round, GradientSums sums);

    /** What each round reported: the objective at its point (SGD: the mean batch loss). */
    double lastObjective();

    /** After the last round: the parameters of the model. */
    double[] result();

    boolean converged();

    String stopReason();

    /**
     * Whether the optimizer stopped without finding any step that lowers the objective from the
     * start, so {@link #result()} is the start point rather than a model learned from the data.
     */
    default boolean stuckAtStart() {
        return false;
    }

    /** The optimizer as the params chose it, before the number of features is known. */
    interface Factory extends Serializable {
        /** Creates the rounds for a fit with {@code numFeatures} features. */
        BoundedRounds create(int numFeatures);

        /** Whether each round covers only each worker's next mini-batch, not all its rows. */
        boolean usesMiniBatches();
    }
}
