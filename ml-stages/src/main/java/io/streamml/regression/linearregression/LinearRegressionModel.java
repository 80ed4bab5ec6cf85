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
package io.streamml.regression.linearregression;

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.model.ModelScoring;
import io.streamml.linear.LinearModel;
import io.streamml.linear.LinearScorer;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.util.Preconditions;

import java.io.IOException;

/** Predicts x·β + b with a linear regression model. */
public class LinearRegressionModel extends LinearModel<LinearRegressionModel>
        implements LinearRegressionModelParams<LinearRegressionModel> {
    static final String STAGE = "LinearRegressionModel";

    @Override
    protected String stage() {
        return STAGE;
    }

    @Override
    public Table[] transform(Table... inputs) {
        Preconditions.checkArgument(inputs.length == 1, "%s takes one input table", STAGE);
        InvalidRowPolicy invalidRows = new InvalidRowPolicy(STAGE, getHandleInvalid());
        String featuresCol = getFeaturesCol();
        return new Table[] {
            score(
                    inputs[0],
                    new String[] {getPredictionCol()},
                    new TypeInformation<?>[] {Types.DOUBLE},
                    getModelVersionCol(),
                    getMaxAllowedModelDelayMs(),
                    inputType ->
                            LinearScorer.regression(
                                    invalidRows,
                                    featuresCol,
                                    ModelScoring.vectorColumnIndex(STAGE, inputType, featuresCol)))
        };
    }

    public static LinearRegressionModel load(StreamExecutionEnvironment env, String path)
            throws IOException {
        return loadModel(env, path, LinearRegressionModel.class);
    }
}
