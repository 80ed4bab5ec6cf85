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

/**
 * Restarts the optimizer when the squared error of the predictions rises, as a drift detector over
 * the per-row errors, fed a mini-batch at a time, sees it ({@link ErrorDriftMonitor}); a fall in
 * error is no reason to forget.
 */
public final class RestartOnErrorRise implements DriftReaction {
    private static final long serialVersionUID = 1L;

    private final ErrorDriftMonitor monitor;

    public RestartOnErrorRise(DriftDetector detector) {
        this.monitor = new ErrorDriftMonitor(detector);
    }

    @Override
    public boolean restartOptimizer(ScalarMoments batchSquaredErrors) {
        return monitor.update(batchSquaredErrors);
    }
}
