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

import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.ParamValidators;
import org.apache.flink.ml.param.StringParam;
import org.apache.flink.ml.param.WithParams;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Interface for how an Estimator trains: "auto" (bounded input trains to the optimum, unbounded
 * input online), "online" (also replays a bounded Table as a stream) or "batch" (rejects unbounded
 * input).
 */
public interface HasTrainingMode<T> extends WithParams<T> {
    String AUTO_MODE = "auto";
    String ONLINE_MODE = "online";
    String BATCH_MODE = "batch";

    /** Every value of {@link #TRAINING_MODE}. */
    List<String> TRAINING_MODES =
            Collections.unmodifiableList(Arrays.asList(AUTO_MODE, ONLINE_MODE, BATCH_MODE));

    Param<String> TRAINING_MODE =
            new StringParam(
                    "trainingMode",
                    "auto: bounded input trains to the optimum, unbounded input online;"
                            + " online: a bounded Table too, replayed as a stream; batch: bounded"
                            + " input only.",
                    AUTO_MODE,
                    ParamValidators.inArray(TRAINING_MODES.toArray(new String[0])));

    default String getTrainingMode() {
        return get(TRAINING_MODE);
    }

    default T setTrainingMode(String value) {
        return set(TRAINING_MODE, value);
    }
}
