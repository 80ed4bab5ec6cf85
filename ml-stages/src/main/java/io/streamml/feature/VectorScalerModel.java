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
package io.streamml.feature;

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.model.ModelDataFiles;
import io.streamml.common.model.ModelDataSchema;
import io.streamml.common.model.ModelScoring;
import io.streamml.common.model.RowScorer;
import io.streamml.common.model.StageMetadata;
import io.streamml.common.model.VersionedModelData;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.ml.api.Model;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.util.Preconditions;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the scaler models share: params, model data (one version, or a stream of versions of which
 * each row gets the newest; rows that arrive before the first version wait), the transform of the
 * input column into the output column, and save/load. A scaler adds its scorer.
 *
 * @param <T> the concrete model
 * @param <M> its model data
 */
public abstract class VectorScalerModel<
                T extends VectorScalerModel<T, M>, M extends VersionedModelData>
        implements Model<T>, VectorScalerModelParams<T> {
    private final Map<Param<?>, Object> paramMap = new HashMap<>();
    private Table modelDataTable;

    protected VectorScalerModel() {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
    }

    /** The stage name used in errors and operator names. */
    protected abstract String stage();

    protected abstract ModelDataSchema<M> schema();

    /** The type of the output column. */
    protected abstract TypeInformation<?> outputType();

    /**
     * The scorer of the input column at {@code inputIndex}; called once per transform, on the
     * client, so it can check this stage's params first.
     */
    protected abstract RowScorer<M> scorer(
            InvalidRowPolicy invalidRows, String inputCol, int inputIndex);

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T setModelData(Table... inputs) {
        Preconditions.checkArgument(inputs.length == 1, "%s takes one model data table", stage());
        modelDataTable = inputs[0];
        return (T) this;
    }

    @Override
    public Table[] getModelData() {
        return new Table[] {modelDataTable};
    }

    @Override
    public Table[] transform(Table... inputs) {
        String stage = stage();
        Preconditions.checkArgument(inputs.length == 1, "%s takes one input table", stage);
        Preconditions.checkState(modelDataTable != null, "%s has no model data", stage);
        InvalidRowPolicy invalidRows = new InvalidRowPolicy(stage, getHandleInvalid());
        String inputCol = getInputCol();
        Table output =
                new ModelScoring<>(
                                stage,
                                schema().modelType(),
                                new String[] {getOutputCol()},
                                new TypeInformation<?>[] {outputType()})
                        .withModelVersionCol(getModelVersionCol())
                        .withMaxAllowedModelDelayMs(getMaxAllowedModelDelayMs())
                        .transform(
                                inputs[0],
                                schema().fromTable(modelDataTable),
                                inputType ->
                                        scorer(
                                                invalidRows,
                                                inputCol,
                                                ModelScoring.vectorColumnIndex(
                                                        stage, inputType, inputCol)));
        return new Table[] {output};
    }

    @Override
    public void save(String path) throws IOException {
        StageMetadata.save(this, path);
        ModelDataFiles.save(schema().fromTable(modelDataTable), path, schema());
    }

    /** Loads the params saved at {@code path} and the newest saved model version. */
    protected static <T extends VectorScalerModel<T, M>, M extends VersionedModelData> T load(
            StreamExecutionEnvironment env,
            String path,
            Class<T> stageClass,
            ModelDataSchema<M> schema)
            throws IOException {
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        T model = StageMetadata.load(path, stageClass);
        return model.setModelData(
                schema.toTable(tEnv, ModelDataFiles.loadNewest(env, path, schema)));
    }
}
