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

/** Interface for FTRL-Proximal's per-coordinate learning-rate params alpha and beta. */
public interface HasFtrlParams<T> extends WithParams<T> {
    Param<Double> ALPHA =
            new DoubleParam(
                    "alpha",
                    "FTRL: a coordinate's learning rate is alpha / (beta + √n), n its"
                            + " summed squared gradients.",
                    0.1,
                    ParamValidators.gt(0.0));

    Param<Double> BETA =
            new DoubleParam(
                    "beta",
                    "FTRL: damps the first steps of a coordinate's learning rate"
                            + " alpha / (beta + √n).",
                    0.1,
                    ParamValidators.gtEq(0.0));

    default double getAlpha() {
        return get(ALPHA);
    }

    default T setAlpha(double value) {
        return set(ALPHA, value);
    }

    default double getBeta() {
        return get(BETA);
    }

    default T setBeta(double value) {
        return set(BETA, value);
    }
}
