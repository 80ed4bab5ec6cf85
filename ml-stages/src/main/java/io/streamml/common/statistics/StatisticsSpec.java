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
package io.streamml.common.statistics;

import io.streamml.common.serialization.SelfSerializingCodec;
import io.streamml.stats.FeatureStatistics;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.io.Serializable;

/**
 * Which statistics a fit accumulates and how they become model data.
 *
 * @param <S> the statistics type
 * @param <M> the model data type
 */
@Internal
public final class StatisticsSpec<S extends FeatureStatistics<S>, M> implements Serializable {
    private static final long serialVersionUID = 1L;

    final StatisticsSupplier<S> supplier;
    final TypeInformation<S> type;
    final ModelDataFactory<S, M> modelDataFactory;

    public StatisticsSpec(
            StatisticsSupplier<S> supplier,
            Class<S> statisticsClass,
            ModelDataFactory<S, M> modelDataFactory) {
        this.supplier = supplier;
        this.type = SelfSerializingCodec.typeOf(statisticsClass);
        this.modelDataFactory = modelDataFactory;
    }
}
