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
package io.streamml.builder;

import org.apache.flink.ml.api.AlgoOperator;
import org.apache.flink.ml.api.Estimator;
import org.apache.flink.ml.api.Stage;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.util.Preconditions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flink ML's {@code Pipeline} with the same semantics and file layout, for two things Flink ML
 * 2.0.0's cannot do: save and load on any Flink file system (its pipelines write through {@code
 * java.io.File} and join paths with {@code java.nio}, which breaks {@code hdfs://} and {@code
 * s3://} URIs), and load untrusted files safely (its loader initializes whatever class a stage's
 * metadata names and calls its static {@code load}; this one first checks, without initializing it,
 * that the class is a {@link Stage}). Use it, and {@link PipelineModel}, in place of Flink ML's.
 *
 * <p>{@link #fit} goes through the stages in order up to the last Estimator: an Estimator is fitted
 * on the current tables, and every stage before the last Estimator transforms them for the next.
 * The returned {@link PipelineModel} has the same stages with each Estimator replaced by its Model.
 */
public final class Pipeline implements Estimator<Pipeline, PipelineModel> {
    private static final long serialVersionUID = 1L;

    private final List<Stage<?>> stages;
    private final Map<Param<?>, Object> paramMap = new HashMap<>();

    public Pipeline(List<Stage<?>> stages) {
        for (Stage<?> stage : Preconditions.checkNotNull(stages)) {
            Preconditions.checkArgument(
                    stage instanceof AlgoOperator || stage instanceof Estimator,
                    "A Pipeline holds Estimators and AlgoOperators; %s is neither.",
                    stage.getClass().getName());
        }
        this.stages = new ArrayList<>(stages);
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
    }

    @Override
    public PipelineModel fit(Table... inputs) {
        int lastEstimator = -1;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) instanceof Estimator) {
                lastEstimator = i;
            }
        }
        List<Stage<?>> modelStages = new ArrayList<>(stages.size());
        Table[] tables = inputs;
        for (int i = 0; i < stages.size(); i++) {
            Stage<?> stage = stages.get(i);
            AlgoOperator<?> modelStage =
                    stage instanceof AlgoOperator
                            ? (AlgoOperator<?>) stage
                            : ((Estimator<?, ?>) stage).fit(tables);
            modelStages.add(modelStage);
            if (i < lastEstimator) {
                tables = modelStage.transform(tables);
            }
        }
        return new PipelineModel(modelStages);
    }

    /** The stages in order. */
    public List<Stage<?>> getStages() {
        return Collections.unmodifiableList(stages);
    }

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }

    @Override
    public void save(String path) throws IOException {
        PipelineFiles.save(this, stages, path);
    }

    public static Pipeline load(StreamExecutionEnvironment env, String path) throws IOException {
        return new Pipeline(
                PipelineFiles.load(
                        env,
                        path,
                        Pipeline.class.getName(),
                        org.apache.flink.ml.builder.Pipeline.class.getName()));
    }
}
