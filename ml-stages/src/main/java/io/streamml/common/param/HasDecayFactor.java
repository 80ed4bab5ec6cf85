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

/**
 * Interface for the decay factor of online statistics: the weight that data seen before a window
 * keeps when the window's data is added. 1 keeps everything (cumulative statistics); smaller values
 * let the model follow drifting data.
 */
public interface HasDecayFactor<T> extends WithParams<T> {
    Param<Double> DECAY_FACTOR =
            new DoubleParam(
                    "decayFactor",
                    "Weight of the data seen before each window, in (0, 1]; 1 means cumulative.",
                    1.0,
                    ParamValidators.inRange(0.0, 1.0, false, true));

    default double getDecayFactor() {
        return get(DECAY_FACTOR);
    }

    default T setDecayFactor(double value) {
        return set(DECAY_FACTOR, value);
    }
}
