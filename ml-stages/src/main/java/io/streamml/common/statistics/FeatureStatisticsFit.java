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

import io.streamml.common.input.BadDataException;
import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.minibatch.Slice;
import io.streamml.common.minibatch.SliceCutter;
import io.streamml.common.minibatch.SummaryMergeOperator;
import io.streamml.common.model.ModelDataSchema;
import io.streamml.common.model.ModelScoring;
import io.streamml.common.table.InputBoundedness;
import io.streamml.common.table.RowTypes;
import io.streamml.common.table.TableRows;
import io.streamml.common.window.Windows;
import io.streamml.stats.FeatureStatistics;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

/**
 * Fits per-feature statistics of a vector column, the machinery both scalers share: on a bounded
 * Table one model version from all rows, on an unbounded Table one version per window.
 *
 * @param <M> the model data type
 */
@Internal
public final class FeatureStatisticsFit<M> {
    private final String stage;
    private final ModelDataSchema<M> schema;
    private final TypeInformation<M> modelType;

    /** Fits model data of {@code schema}, which also decides whether a fitted model is usable. */
    public FeatureStatisticsFit(String stage, ModelDataSchema<M> schema) {
        this.stage = stage;
        this.schema = schema;
        this.modelType = schema.modelType();
    }

    /**
     * Fits on {@code input}'s column {@code inputCol}: bounded input gives one version from {@code
     * bounded} statistics, unbounded input a version per window of {@code windows} from {@code
     * online} statistics, decayed by {@code decayFactor} before each window.
     */
    public <B extends FeatureStatistics<B>, O extends FeatureStatistics<O>> DataStream<M> fit(
            Table input,
            String inputCol,
            String handleInvalid,
            Windows windows,
            long maxBatchDelayMs,
            double decayFactor,
            StatisticsSpec<B, M> bounded,
            StatisticsSpec<O, M> online) {
        RowTypeInfo inputType = RowTypes.of(input.getResolvedSchema());
        VectorRows vectorRows =
                new VectorRows(
                        new InvalidRowPolicy(stage, handleInvalid),
                        inputCol,
                        ModelScoring.vectorColumnIndex(stage, inputType, inputCol));
        DataStream<Row> rows = TableRows.of(input);
        if (InputBoundedness.isBounded(rows)) {
            return fitBounded(rows, vectorRows, inputCol, bounded);
        }
        return fitOnline(rows, vectorRows, inputCol, windows, maxBatchDelayMs, decayFactor, online);
    }

    private <S extends FeatureStatistics<S>> DataStream<M> fitBounded(
            DataStream<Row> rows, VectorRows vectorRows, String column, StatisticsSpec<S, M> spec) {
        TypeInformation<StatisticsBySize<S>> bySizeType = StatisticsBySize.type(spec.type);
        TypeInformation<Tuple2<Integer, StatisticsBySize<S>>> partialType =
                new TupleTypeInfo<>(Types.INT, bySizeType);
        return rows.transform(
                        stage + ".localStatistics",
                        partialType,
                        new LocalStatisticsOperator<>(vectorRows, spec.supplier, bySizeType))
                .transform(
                        stage + ".mergeStatistics",
                        modelType,
                        new MergeStatisticsOperator<>(
                                column,
                                vectorRows.invalidRows(),
                                checked(spec.modelDataFactory, column),
                                partialType))
                .setParallelism(1);
    }

    private <S extends FeatureStatistics<S>> DataStream<M> fitOnline(
            DataStream<Row> rows,
            VectorRows vectorRows,
            String column,
            Windows windows,
            long maxBatchDelayMs,
            double decayFactor,
            StatisticsSpec<S, M> spec) {
        // Each subtask folds its own rows into per-slice statistics; one task sees only those.
        int parallelism = rows.getExecutionEnvironment().getParallelism();
        RowStatistics<S> statistics = new RowStatistics<>(vectorRows, spec.supplier);
        TypeInformation<StatisticsBySize<S>> bySizeType = StatisticsBySize.type(spec.type);
        TypeInformation<Tuple2<StatisticsBySize<S>, Long>> batchType =
                new TupleTypeInfo<>(bySizeType, Types.LONG);
        return rows.transform(
                        stage + ".slices",
                        Slice.type(bySizeType),
                        new SliceCutter<>(windows, statistics, bySizeType, false, maxBatchDelayMs))
                .setParallelism(parallelism)
                .transform(
                        stage + ".batches",
                        batchType,
                        new SummaryMergeOperator<>(
                                statistics,
                                bySizeType,
                                parallelism,
                                windows.isEventTime(),
                                maxBatchDelayMs))
                .setParallelism(1)
                .transform(
                        stage + ".versions",
                        modelType,
                        new VersionsOperator<>(
                                column,
                                vectorRows.invalidRows(),
                                decayFactor,
                                spec.supplier,
                                checked(spec.modelDataFactory, column),
                                spec.type))
                .setParallelism(1);
    }

    /**
     * {@code factory}, failing the job (non-recoverably) when the model it makes is not usable:
     * statistics that overflowed double precision, for values around 1e154 and up.
     */
    private <S> ModelDataFactory<S, M> checked(ModelDataFactory<S, M> factory, String column) {
        ModelDataSchema<M> schema = this.schema;
        String stage = this.stage;
        return (statistics, version, timestamp) -> {
            M modelData = factory.create(statistics, version, timestamp);
            String problem = schema.problemOf(modelData);
            if (problem != null) {
                throw new BadDataException(
                        String.format(
                                "%s: the statistics of column '%s' are not usable: %s (values"
                                        + " this large exceed double precision; scale them down"
                                        + " first).",
                                stage, column, problem));
            }
            return modelData;
        };
    }
}
