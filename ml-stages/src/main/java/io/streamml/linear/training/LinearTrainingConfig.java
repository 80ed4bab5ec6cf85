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
package io.streamml.linear.training;

import io.streamml.common.input.BadDataException;
import io.streamml.drift.DriftReaction;
import io.streamml.linear.loss.Loss;
import io.streamml.optim.BoundedRounds;
import io.streamml.optim.OnlineOptimizerFactory;

import java.io.Serializable;

/** What the linear trainers need from a stage's params, resolved once at plan time. */
public final class LinearTrainingConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    public final String stage;
    public final String featuresCol;
    public final Loss loss;
    public final boolean fitIntercept;

    /** Bounded SGD: the rows of a round over all subtasks. */
    public final int globalBatchSize;

    /** Bounded: the optimizer, chosen from the params once; null for online fits. */
    public final BoundedRounds.Factory boundedRounds;

    /** Online: whether an initial model is given (else training starts from zeros). */
    public final boolean hasInitialModel;

    /** Online: also emit each batch's test-then-train predictions. */
    public final boolean testThenTrain;

    /** Online: the reaction to drift in the test-then-train error, or null for none. */
    public final DriftReaction.Factory driftReactions;

    /** Online: how long a mini-batch waits for a quiet subtask. */
    public final long maxBatchDelayMs;

    /** Online: the optimizer, chosen from the params once; null for bounded fits. */
    public final OnlineOptimizerFactory onlineOptimizers;

    public LinearTrainingConfig(
            String stage,
            String featuresCol,
            Loss loss,
            boolean fitIntercept,
            int globalBatchSize,
            BoundedRounds.Factory boundedRounds,
            boolean hasInitialModel,
            boolean testThenTrain,
            DriftReaction.Factory driftReactions,
            long maxBatchDelayMs,
            OnlineOptimizerFactory onlineOptimizers) {
        this.stage = stage;
        this.featuresCol = featuresCol;
        this.loss = loss;
        this.fitIntercept = fitIntercept;
        this.globalBatchSize = globalBatchSize;
        this.boundedRounds = boundedRounds;
        this.hasInitialModel = hasInitialModel;
        this.testThenTrain = testThenTrain;
        this.driftReactions = driftReactions;
        this.maxBatchDelayMs = maxBatchDelayMs;
        this.onlineOptimizers = onlineOptimizers;
    }

    /**
     * Fails the job (non-recoverably: the same data would overflow again) when {@code values},
     * described by {@code what}, are not all finite, naming the stage and column.
     */
    public void checkFinite(String what, double... values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new BadDataException(
                        String.format(
                                "%s: %s is not finite: values in column '%s' or the label are too"
                                        + " large for double precision (for example |x| above"
                                        + " about 1e154, whose square overflows); scale them"
                                        + " first, e.g. with StandardScaler.",
                                stage, what, featuresCol));
            }
        }
    }

    /** Whether workers score each row before learning from it. */
    public boolean scoresBeforeLearning() {
        return testThenTrain || driftReactions != null;
    }

    /** This configuration, also emitting test-then-train predictions. */
    public LinearTrainingConfig withTestThenTrain() {
        return copy(true, onlineOptimizers);
    }

    /** This configuration, training online with {@code optimizers}. */
    public LinearTrainingConfig withOnlineOptimizers(OnlineOptimizerFactory optimizers) {
        return copy(testThenTrain, optimizers);
    }

    private LinearTrainingConfig copy(boolean testThenTrain, OnlineOptimizerFactory optimizers) {
        return new LinearTrainingConfig(
                stage,
                featuresCol,
                loss,
                fitIntercept,
                globalBatchSize,
                boundedRounds,
                hasInitialModel,
                testThenTrain,
                driftReactions,
                maxBatchDelayMs,
                optimizers);
    }
}
