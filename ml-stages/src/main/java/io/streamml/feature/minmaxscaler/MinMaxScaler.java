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

import io.streamml.common.model.StageMetadata;
import io.streamml.common.statistics.FeatureStatisticsFit;
import io.streamml.common.statistics.StatisticsSpec;
import io.streamml.common.table.TableEnvironments;
import io.streamml.stats.RunningMinMax;

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
 * Learns per-feature minimum and maximum of a vector column, to rescale features into [min, max].
 *
 * <p>On a bounded Table the fit yields one model version from all rows. On an unbounded Table it
 * yields a version after every window of {@link #getWindows()}, from all rows so far or, with a
 * decay factor below 1, from extremes that relax toward newer windows' extremes so the range
 * follows drifting data.
 */
public class MinMaxScaler
        implements Estimator<MinMaxScaler, MinMaxScalerModel>, MinMaxScalerParams<MinMaxScaler> {
    static final String STAGE = "MinMaxScaler";

    private final Map<Param<?>, Object> paramMap = new HashMap<>();

    public MinMaxScaler() {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
    }

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }

    @Override
    public MinMaxScalerModel fit(Table... inputs) {
        Preconditions.checkArgument(inputs.length == 1, "%s takes one input table", STAGE);
        checkRange(STAGE);
        StatisticsSpec<RunningMinMax, MinMaxScalerModelData> statistics =
                new StatisticsSpec<>(
                        RunningMinMax::new, RunningMinMax.class, MinMaxScalerModelData::of);
        Table modelData =
                MinMaxScalerModelData.SCHEMA.toTable(
                        TableEnvironments.of(inputs[0]),
                        new FeatureStatisticsFit<>(STAGE, MinMaxScalerModelData.SCHEMA)
                                .fit(
                                        inputs[0],
                                        getInputCol(),
                                        getHandleInvalid(),
                                        getWindows(),
                                        getMaxBatchDelayMs(),
                                        getDecayFactor(),
                                        statistics,
                                        statistics));
        MinMaxScalerModel model = new MinMaxScalerModel().setModelData(modelData);
        ReadWriteUtils.updateExistingParams(model, paramMap);
        return model;
    }

    @Override
    public void save(String path) throws IOException {
        StageMetadata.save(this, path);
    }

    public static MinMaxScaler load(StreamExecutionEnvironment env, String path)
            throws IOException {
        return StageMetadata.load(path, MinMaxScaler.class);
    }
}
