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
import org.apache.flink.ml.param.ParamValidators;
import org.apache.flink.ml.param.WithParams;

/**
 * Interface for how long an online fit's mini-batch waits for a subtask whose partition has gone
 * quiet. A subtask that receives no row for this long closes its partial count (or processing-time)
 * slice and reports itself idle, and a batch that has waited this long since its first slice closes
 * without the subtasks still missing; their next slices join a later batch. Only then do batches
 * depend on timing: as long as every partition keeps delivering, batch b is each subtask's next
 * share of the global batch size.
 */
public interface HasMaxBatchDelayMs<T> extends WithParams<T> {
    Param<Long> MAX_BATCH_DELAY_MS =
            new LongParam(
                    "maxBatchDelayMs",
                    "How long an online mini-batch waits for a quiet subtask before it closes"
                            + " without it.",
                    10_000L,
                    ParamValidators.gt(0));

    default long getMaxBatchDelayMs() {
        return get(MAX_BATCH_DELAY_MS);
    }

    default T setMaxBatchDelayMs(long value) {
        return set(MAX_BATCH_DELAY_MS, value);
    }
}
