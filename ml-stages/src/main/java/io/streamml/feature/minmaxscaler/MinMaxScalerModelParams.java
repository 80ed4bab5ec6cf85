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
package io.streamml.feature.minmaxscaler;

import io.streamml.feature.VectorScalerModelParams;

import org.apache.flink.ml.param.DoubleParam;
import org.apache.flink.ml.param.Param;

/**
 * Params of {@link MinMaxScalerModel}. The target range [min, max] needs finite bounds and min <
 * max.
 */
public interface MinMaxScalerModelParams<T> extends VectorScalerModelParams<T> {
    Param<Double> MIN =
            new DoubleParam(
                    "min",
                    "Lower bound of the output feature range.",
                    0.0,
                    MinMaxScalerModelParams::isFinite);

    Param<Double> MAX =
            new DoubleParam(
                    "max",
                    "Upper bound of the output feature range.",
                    1.0,
                    MinMaxScalerModelParams::isFinite);

    default double getMin() {
        return get(MIN);
    }

    default T setMin(double value) {
        return set(MIN, value);
    }

    default double getMax() {
        return get(MAX);
    }

    default T setMax(double value) {
        return set(MAX, value);
    }

    /** A bound of the output range must be a finite number. */
    static boolean isFinite(Double bound) {
        return bound != null && Double.isFinite(bound);
    }

    /** Rejects a target range that is empty, inverted or too wide to compute in doubles. */
    default void checkRange(String stage) {
        if (!(getMin() < getMax()) || !Double.isFinite(getMax() - getMin())) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s: min (%s) must be smaller than max (%s), and max - min finite.",
                            stage, getMin(), getMax()));
        }
    }
}
