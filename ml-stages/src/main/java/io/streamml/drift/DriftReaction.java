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
package io.streamml.drift;

import io.streamml.stats.ScalarMoments;

import java.io.Serializable;

/**
 * What an online fit does about drift: a policy handed to the training runtime, as River's drift
 * wrappers wrap a model. It sees a summary of every mini-batch's test-then-train predictions — made
 * by the model version that then learns from the batch — before the batch's update: the count, mean
 * and spread of their squared errors, summed by the workers in parallel (the rows never meet in one
 * task).
 */
public interface DriftReaction extends Serializable {
    /**
     * Sees one mini-batch's (prediction − label)² per row, summarized; returns whether the
     * optimizer restarts its accumulators (adaptive step sizes tuned to the old concept) before
     * this update.
     */
    boolean restartOptimizer(ScalarMoments batchSquaredErrors);

    /** Creates a fresh policy for each fit; the runtime keeps its state with the model's. */
    @FunctionalInterface
    interface Factory extends Serializable {
        DriftReaction create();
    }
}
