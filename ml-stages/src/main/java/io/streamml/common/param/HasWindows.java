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

import io.streamml.common.window.ProcessingTimeTumblingWindows;
import io.streamml.common.window.Windows;

import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.ParamValidators;
import org.apache.flink.ml.param.WithParams;
import org.apache.flink.streaming.api.windowing.time.Time;

/**
 * Interface for the windows that cut an unbounded input into the batches after which an online fit
 * emits a model version. The default, processing-time tumbling windows of one second, emits on any
 * unbounded input that keeps flowing.
 */
public interface HasWindows<T> extends WithParams<T> {
    Param<Windows> WINDOWS =
            new WindowsParam(
                    "windows",
                    "Windows after each of which an online fit emits a model version.",
                    ProcessingTimeTumblingWindows.of(Time.seconds(1)),
                    ParamValidators.notNull());

    default Windows getWindows() {
        return get(WINDOWS);
    }

    default T setWindows(Windows value) {
        return set(WINDOWS, value);
    }
}
