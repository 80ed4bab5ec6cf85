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

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.model.ModelScoring;
import io.streamml.linear.LinearModel;
import io.streamml.linear.LinearScorer;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.util.Preconditions;

import java.io.IOException;

/**
 * Predicts binary labels with a logistic regression model: {@code prediction} is 1.0 when p = σ(x·β
 * + b) ≥ threshold, {@code rawPrediction} is [1 − p, p].
 */
public class LogisticRegressionModel extends LinearModel<LogisticRegressionModel>
        implements LogisticRegressionModelParams<LogisticRegressionModel> {
    static final String STAGE = "LogisticRegressionModel";

    @Override
    protected String stage() {
        return STAGE;
    }

    @Override
    public Table[] transform(Table... inputs) {
        Preconditions.checkArgument(inputs.length == 1, "%s takes one input table", STAGE);
        InvalidRowPolicy invalidRows = new InvalidRowPolicy(STAGE, getHandleInvalid());
        String featuresCol = getFeaturesCol();
        double threshold = getThreshold();
        return new Table[] {
            score(
                    inputs[0],
                    new String[] {getPredictionCol(), getRawPredictionCol()},
                    new TypeInformation<?>[] {Types.DOUBLE, DenseVectorTypeInfo.INSTANCE},
                    getModelVersionCol(),
                    getMaxAllowedModelDelayMs(),
                    inputType ->
                            LinearScorer.logistic(
                                    invalidRows,
                                    featuresCol,
                                    ModelScoring.vectorColumnIndex(STAGE, inputType, featuresCol),
                                    threshold))
        };
    }

    public static LogisticRegressionModel load(StreamExecutionEnvironment env, String path)
            throws IOException {
        return loadModel(env, path, LogisticRegressionModel.class);
    }
}
