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
package io.streamml.feature.standardscaler;

import io.streamml.feature.VectorScalerModelParams;

import org.apache.flink.ml.param.BooleanParam;
import org.apache.flink.ml.param.Param;

/** Params of {@link StandardScalerModel}. */
public interface StandardScalerModelParams<T> extends VectorScalerModelParams<T> {
    Param<Boolean> WITH_MEAN =
            new BooleanParam(
                    "withMean", "Whether to center the data with the mean before scaling.", false);

    Param<Boolean> WITH_STD =
            new BooleanParam(
                    "withStd", "Whether to scale the data to unit standard deviation.", true);

    default boolean getWithMean() {
        return get(WITH_MEAN);
    }

    default T setWithMean(boolean value) {
        return set(WITH_MEAN, value);
    }

    default boolean getWithStd() {
        return get(WITH_STD);
    }

    default T setWithStd(boolean value) {
        return set(WITH_STD, value);
    }
}
