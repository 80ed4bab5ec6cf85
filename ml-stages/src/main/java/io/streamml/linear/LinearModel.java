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
package io.streamml.linear;

import io.streamml.common.model.ModelDataFiles;
import io.streamml.common.model.ModelScoring;
import io.streamml.common.model.NewestVersion;
import io.streamml.common.model.RowScorer;
import io.streamml.common.model.StageMetadata;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
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
import java.util.function.Function;

/**
 * What the logistic and linear regression models share: params, model data ({@link
 * LinearModelData}: one version, or a stream of versions of which each row gets the newest), the
 * training summary of a bounded fit, and save/load.
 *
 * @param <T> the concrete model
 */
public abstract class LinearModel<T extends LinearModel<T>> implements Model<T> {
    private final Map<Param<?>, Object> paramMap = new HashMap<>();
    private Table modelDataTable;
    private Table trainingSummary;

    protected LinearModel() {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
    }

    /** The stage name used in errors and operator names. */
    protected abstract String stage();

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

    /**
     * Runs the job that produces the model data to its end and keeps only its newest version, e.g.
     * after an online fit on a bounded Table, so that a transform scores every row with the final
     * model. The model data must be bounded.
     *
     * @throws IllegalStateException when the model data is unbounded or holds no version
     */
    @SuppressWarnings("unchecked")
    public T keepNewestVersion() throws Exception {
        Preconditions.checkState(modelDataTable != null, "%s has no model data", stage());
        modelDataTable = NewestVersion.of(modelDataTable, LinearModelData.SCHEMA, stage());
        return (T) this;
    }

    /**
     * The training summary of the bounded fit that made this model — columns {@code rounds}, {@code
     * losses} (objective per round), {@code converged}, {@code stopReason} — or null for a model
     * made from model data or loaded.
     */
    public Table getTrainingSummary() {
        return trainingSummary;
    }

    @SuppressWarnings("unchecked")
    T setTrainingSummary(Table summary) {
        this.trainingSummary = summary;
        return (T) this;
    }

    /** Scores {@code input} with the model data, appending the scorer's columns. */
    protected Table score(
            Table input,
            String[] outputNames,
            TypeInformation<?>[] outputTypes,
            String modelVersionCol,
            Long maxAllowedModelDelayMs,
            Function<RowTypeInfo, RowScorer<LinearModelData>> scorerFactory) {
        Preconditions.checkState(modelDataTable != null, "%s has no model data", stage());
        return new ModelScoring<>(
                        stage(), LinearModelData.SCHEMA.modelType(), outputNames, outputTypes)
                .withModelVersionCol(modelVersionCol)
                .withMaxAllowedModelDelayMs(maxAllowedModelDelayMs)
                .transform(input, LinearModelData.SCHEMA.fromTable(modelDataTable), scorerFactory);
    }

    @Override
    public void save(String path) throws IOException {
        StageMetadata.save(this, path);
        ModelDataFiles.save(
                LinearModelData.SCHEMA.fromTable(modelDataTable), path, LinearModelData.SCHEMA);
    }

    /** Loads a model saved by {@link #save}, holding the newest saved model version. */
    protected static <T extends LinearModel<T>> T loadModel(
            StreamExecutionEnvironment env, String path, Class<T> stageClass) throws IOException {
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        T model = StageMetadata.load(path, stageClass);
        return model.setModelData(
                LinearModelData.SCHEMA.toTable(
                        tEnv, ModelDataFiles.loadNewest(env, path, LinearModelData.SCHEMA)));
    }
}
