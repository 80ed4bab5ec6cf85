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
package io.streamml.common.param;

import org.apache.flink.ml.param.LongParam;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.WithParams;

/**
 * Interface for event-time alignment of a model with the rows it scores: a row with event time t
 * waits until a model version with timestamp ≥ t − maxAllowedModelDelayMs has arrived. Null (the
 * default) scores every row with the newest version at hand.
 */
public interface HasMaxAllowedModelDelayMs<T> extends WithParams<T> {
    Param<Long> MAX_ALLOWED_MODEL_DELAY_MS =
            new LongParam(
                    "maxAllowedModelDelayMs",
                    "Largest allowed difference between a row's event time and the timestamp of "
                            + "the model version scoring it; null disables event-time alignment.",
                    null,
                    value -> value == null || value >= 0);

    default Long getMaxAllowedModelDelayMs() {
        return get(MAX_ALLOWED_MODEL_DELAY_MS);
    }

    default T setMaxAllowedModelDelayMs(Long value) {
        return set(MAX_ALLOWED_MODEL_DELAY_MS, value);
    }
}
