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
 * An online detector of a change in the distribution of a stream of values, typically the losses of
 * a model being evaluated prequentially.
 *
 * <p>Implementations are {@link Serializable} so that they can live in Flink operator state.
 */
public interface DriftDetector extends Serializable {

    /**
     * Feeds the next value of the stream.
     *
     * @return whether a drift is detected at this value; the detector then adapts by itself (see
     *     the implementation) and keeps monitoring
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    boolean update(double value);

    /**
     * Feeds a mini-batch of values summarized by their count, mean and spread (the rows of a batch
     * are summed where they are, in parallel, and never meet in one task). By default the detector
     * sees {@code batch.count()} values equal to the batch mean, which is exact for statistics of
     * the mean alone; detectors that use the spread override this.
     *
     * @return whether a drift is detected within the batch
     * @throws IllegalArgumentException if the mean is NaN or infinite
     */
    default boolean update(ScalarMoments batch) {
        boolean drift = false;
        for (long i = 0; i < batch.count(); i++) {
            drift |= update(batch.mean());
        }
        return drift;
    }

    /**
     * Whether the change detected last raised the mean; {@code true} for detectors that only look
     * for increases.
     */
    default boolean lastChangeIncreased() {
        return true;
    }

    /** The detector's current test statistic or estimate; each implementation says which. */
    double statistic();

    /** Number of values fed to {@link #update(double)} since the detector was created. */
    long valuesSeen();

    /** Number of times {@link #update(double)} returned {@code true}. */
    long driftsDetected();

    /** Creates a fresh detector, so a stage can pick its detector once and an operator hold it. */
    @FunctionalInterface
    interface Factory extends Serializable {
        DriftDetector create();
    }
}
