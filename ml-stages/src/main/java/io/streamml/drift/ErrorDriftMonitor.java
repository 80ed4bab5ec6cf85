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
 * Watches a model's per-row squared error {@code (prediction − label)²}, fed a mini-batch at a time
 * (the rows' count, mean and spread), for a change for the worse. For probabilities this is the
 * Brier score, which stays in [0, 1] as ADWIN's bound assumes; log-loss does not, and on imbalanced
 * data (fraud) its rare large values alone make ADWIN cut. Changes that lower the error — the model
 * learning — are not alarms.
 *
 * <p>Batches are what let the training runtime scale out: each worker summarizes its own rows'
 * errors and only the summaries reach the task that decides. A batch's summary does not depend on
 * how its rows were split among the workers, so neither do the alarms.
 */
public final class ErrorDriftMonitor implements Serializable {
    private static final long serialVersionUID = 1L;

    private final DriftDetector detector;

    public ErrorDriftMonitor(DriftDetector detector) {
        this.detector = detector;
    }

    /** Feeds one mini-batch's squared errors; true if the error rose at it. */
    public boolean update(ScalarMoments batchSquaredErrors) {
        return detector.update(batchSquaredErrors) && detector.lastChangeIncreased();
    }

    public DriftDetector detector() {
        return detector;
    }
}
