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
package io.streamml.evaluation.regression;

import org.apache.flink.ml.common.param.HasLabelCol;
import org.apache.flink.ml.common.param.HasPredictionCol;
import org.apache.flink.ml.common.param.HasWeightCol;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.StringArrayParam;

import java.util.Arrays;
import java.util.List;

/** Params of {@link RegressionEvaluator}. */
public interface RegressionEvaluatorParams<T>
        extends HasLabelCol<T>, HasPredictionCol<T>, HasWeightCol<T> {
    String RMSE = "rmse";
    String MSE = "mse";
    String MAE = "mae";
    String R2 = "r2";
    String EXPLAINED_VARIANCE = "explainedVariance";

    /** Every metric this evaluator computes. */
    List<String> ALL_METRICS = Arrays.asList(RMSE, MSE, MAE, R2, EXPLAINED_VARIANCE);

    Param<String[]> METRICS_NAMES =
            new StringArrayParam(
                    "metricsNames",
                    "Metrics to compute: " + ALL_METRICS + ".",
                    new String[] {RMSE, MAE, R2, EXPLAINED_VARIANCE},
                    value ->
                            value != null
                                    && value.length > 0
                                    && ALL_METRICS.containsAll(Arrays.asList(value)));

    default String[] getMetricsNames() {
        return get(METRICS_NAMES);
    }

    default T setMetricsNames(String... value) {
        return set(METRICS_NAMES, value);
    }
}
