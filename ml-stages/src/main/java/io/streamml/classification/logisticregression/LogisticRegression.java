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
package io.streamml.classification.logisticregression;

import io.streamml.common.model.StageMetadata;
import io.streamml.linear.LinearFit;
import io.streamml.linear.TestThenTrain;
import io.streamml.linear.loss.LogLoss;

import org.apache.flink.ml.api.Estimator;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.util.Preconditions;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Binary logistic regression. On a bounded Table it minimizes (1/Σw)·Σ wᵢ·logloss(yᵢ, xᵢ·β + b) +
 * reg·((1 − elasticNet)/2·‖β‖² + elasticNet·‖β‖₁) to the optimum with L-BFGS (OWL-QN when
 * elasticNet > 0), or runs Flink ML's mini-batch SGD with {@code optimizer = "sgd"}. The intercept
 * is never penalized. Labels must be 0 or 1; weights finite and ≥ 0.
 */
public class LogisticRegression
        implements Estimator<LogisticRegression, LogisticRegressionModel>,
                LogisticRegressionParams<LogisticRegression>,
                TestThenTrain {
    static final String STAGE = "LogisticRegression";

    private final Map<Param<?>, Object> paramMap = new HashMap<>();
    private Table initialModelData;

    public LogisticRegression() {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
    }

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }

    @Override
    public LogisticRegressionModel fit(Table... inputs) {
        Preconditions.checkArgument(inputs.length == 1, "%s takes one input table", STAGE);
        LinearFit fit = LinearFit.fit(inputs[0], this, STAGE, LogLoss.INSTANCE, initialModelData);
        LogisticRegressionModel model = new LogisticRegressionModel().setModelData(fit.modelData);
        ReadWriteUtils.updateExistingParams(model, paramMap);
        return LinearFit.withSummary(model, fit);
    }

    /**
     * Warm-starts online training from model data (columns {@code coefficient}, {@code intercept},
     * {@code modelVersion}, {@code timestamp}), e.g. a bounded fit's or a loaded model's; versions
     * then continue from its version + 1. Without it, online training starts from zeros.
     */
    public LogisticRegression setInitialModelData(Table initialModelData) {
        this.initialModelData = initialModelData;
        return this;
    }

    @Override
    public Run testThenTrain(Table input) {
        return LinearFit.testThenTrain(input, this, STAGE, LogLoss.INSTANCE, initialModelData);
    }

    @Override
    public boolean predictsProbabilities() {
        return true;
    }

    @Override
    public void save(String path) throws IOException {
        StageMetadata.save(this, path);
    }

    public static LogisticRegression load(StreamExecutionEnvironment env, String path)
            throws IOException {
        return StageMetadata.load(path, LogisticRegression.class);
    }
}
