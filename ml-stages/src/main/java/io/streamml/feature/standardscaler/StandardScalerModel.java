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

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.model.ModelDataSchema;
import io.streamml.common.model.RowScorer;
import io.streamml.common.serialization.VectorCodec;
import io.streamml.feature.VectorScalerModel;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;

/**
 * Standardizes the input column with the mean and standard deviation of a {@link StandardScaler}
 * fit. With a stream of model versions each row is scaled by the newest version; rows that arrive
 * before the first version wait.
 */
public class StandardScalerModel
        extends VectorScalerModel<StandardScalerModel, StandardScalerModelData>
        implements StandardScalerModelParams<StandardScalerModel> {
    static final String STAGE = "StandardScalerModel";

    @Override
    protected String stage() {
        return STAGE;
    }

    @Override
    protected ModelDataSchema<StandardScalerModelData> schema() {
        return StandardScalerModelData.SCHEMA;
    }

    @Override
    protected TypeInformation<?> outputType() {
        return VectorCodec.TYPE;
    }

    @Override
    protected RowScorer<StandardScalerModelData> scorer(
            InvalidRowPolicy invalidRows, String inputCol, int inputIndex) {
        return new StandardScalerScorer(
                invalidRows, inputCol, inputIndex, getWithMean(), getWithStd());
    }

    /** Loads a model saved by {@link #save}, with the newest saved model version. */
    public static StandardScalerModel load(StreamExecutionEnvironment env, String path)
            throws IOException {
        return load(env, path, StandardScalerModel.class, StandardScalerModelData.SCHEMA);
    }
}
