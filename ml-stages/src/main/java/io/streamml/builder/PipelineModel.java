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
import org.apache.flink.ml.api.Model;
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
 * Flink ML's {@code PipelineModel} (a chain of AlgoOperators, each transforming the previous one's
 * output), saved and loaded on any Flink file system ({@code hdfs://}, {@code s3://} …) and loaded
 * safely: see {@link Pipeline}. Loads what Flink ML's {@code PipelineModel} saved as well.
 */
public final class PipelineModel implements Model<PipelineModel> {
    private static final long serialVersionUID = 1L;

    private final List<Stage<?>> stages;
    private final Map<Param<?>, Object> paramMap = new HashMap<>();

    public PipelineModel(List<Stage<?>> stages) {
        for (Stage<?> stage : Preconditions.checkNotNull(stages)) {
            Preconditions.checkArgument(
                    stage instanceof AlgoOperator,
                    "A PipelineModel holds AlgoOperators only; %s is not one.",
                    stage.getClass().getName());
        }
        this.stages = new ArrayList<>(stages);
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
    }

    @Override
    public Table[] transform(Table... inputs) {
        for (Stage<?> stage : stages) {
            inputs = ((AlgoOperator<?>) stage).transform(inputs);
        }
        return inputs;
    }

    /** The stages in order, for example to read the model data of a fitted online stage. */
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

    public static PipelineModel load(StreamExecutionEnvironment env, String path)
            throws IOException {
        return new PipelineModel(
                PipelineFiles.load(
                        env,
                        path,
                        PipelineModel.class.getName(),
                        org.apache.flink.ml.builder.PipelineModel.class.getName()));
    }
}
