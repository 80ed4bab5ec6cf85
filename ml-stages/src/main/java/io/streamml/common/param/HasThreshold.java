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

import org.apache.flink.ml.param.DoubleParam;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.ParamValidators;
import org.apache.flink.ml.param.WithParams;

/** Interface for the shared threshold param. */
public interface HasThreshold<T> extends WithParams<T> {
    Param<Double> THRESHOLD =
            new DoubleParam(
                    "threshold",
                    "Probability at or above which the prediction is 1.",
                    0.5,
                    ParamValidators.inRange(0.0, 1.0));

    default double getThreshold() {
        return get(THRESHOLD);
    }

    default T setThreshold(double value) {
        return set(THRESHOLD, value);
    }
}
