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

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.model.ModelDataFiles;
import io.streamml.common.model.ModelScoring;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.ml.api.Model;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorTypeInfo;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.util.Preconditions;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Rescales the input column into [min, max] with the extremes of a {@link MinMaxScaler} fit. With a
 * stream of model versions each row is scaled by the newest version; rows that arrive before the
 * first version wait.
 */
public class MinMaxScalerModel
        implements Model<MinMaxScalerModel>, MinMaxScalerModelParams<MinMaxScalerModel> {
    static final String STAGE = "MinMaxScalerModel";

    private final Map<Param<?>, Object> paramMap = new HashMap<>();
    private Table modelDataTable;

    public MinMaxScalerModel() {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
    }

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }

    @Override
    public MinMaxScalerModel setModelData(Table... inputs) {
        Preconditions.checkArgument(inputs.length == 1, "%s takes one model data table", STAGE);
        modelDataTable = inputs[0];
        return this;
    }

    @Override
    public Table[] getModelData() {
        return new Table[] {modelDataTable};
    }

    @Override
    public Table[] transform(Table... inputs) {
        Preconditions.checkArgument(inputs.length == 1, "%s takes one input table", STAGE);
        Preconditions.checkState(modelDataTable != null, "%s has no model data", STAGE);
        InvalidRowPolicy invalidRows = new InvalidRowPolicy(STAGE, getHandleInvalid());
        String inputCol = getInputCol();
        checkRange(STAGE);
        double min = getMin();
        double max = getMax();
        Table output =
                new ModelScoring<>(
                                STAGE,
                                MinMaxScalerModelData.SCHEMA.modelType(),
                                new String[] {getOutputCol()},
                                new TypeInformation<?>[] {DenseVectorTypeInfo.INSTANCE})
                        .withModelVersionCol(getModelVersionCol())
                        .withMaxAllowedModelDelayMs(getMaxAllowedModelDelayMs())
                        .transform(
                                inputs[0],
                                MinMaxScalerModelData.SCHEMA.fromTable(modelDataTable),
                                inputType ->
                                        new MinMaxScalerScorer(
                                                invalidRows,
                                                inputCol,
                                                ModelScoring.columnIndex(
                                                        STAGE, inputType, inputCol),
                                                min,
                                                max));
        return new Table[] {output};
    }

    @Override
    public void save(String path) throws IOException {
        ReadWriteUtils.saveMetadata(this, path);
        ModelDataFiles.save(
                MinMaxScalerModelData.SCHEMA.fromTable(modelDataTable),
                path,
                MinMaxScalerModelData.SCHEMA);
    }

    /** Loads a model saved by {@link #save}, with the newest saved model version. */
    public static MinMaxScalerModel load(StreamExecutionEnvironment env, String path)
            throws IOException {
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        MinMaxScalerModel model = ReadWriteUtils.loadStageParam(path);
        return model.setModelData(
                MinMaxScalerModelData.SCHEMA.toTable(
                        tEnv, ModelDataFiles.loadNewest(env, path, MinMaxScalerModelData.SCHEMA)));
    }
}
