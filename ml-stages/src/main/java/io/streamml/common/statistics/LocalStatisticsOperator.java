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

import io.streamml.stats.FeatureStatistics;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.types.Row;

/**
 * Bounded fit, first step: each subtask folds its rows into statistics and, when its input ends,
 * emits them tagged with its subtask index (so the merge can use a fixed order).
 */
class LocalStatisticsOperator<S extends FeatureStatistics<S>>
        extends AbstractStreamOperator<Tuple2<Integer, StatisticsBySize<S>>>
        implements OneInputStreamOperator<Row, Tuple2<Integer, StatisticsBySize<S>>>,
                BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final VectorRows vectorRows;
    private final StatisticsSupplier<S> supplier;
    private final TypeInformation<StatisticsBySize<S>> statisticsType;

    private transient StatisticsBySize<S> statistics;
    private transient ListState<StatisticsBySize<S>> statisticsState;

    LocalStatisticsOperator(
            VectorRows vectorRows,
            StatisticsSupplier<S> supplier,
            TypeInformation<StatisticsBySize<S>> statisticsType) {
        // Chained to the operator before it, so rows reach it without a network hop.
        setChainingStrategy(ChainingStrategy.ALWAYS);
        this.vectorRows = vectorRows;
        this.supplier = supplier;
        this.statisticsType = statisticsType;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        statisticsState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("statistics", statisticsType));
        statistics = new StatisticsBySize<>();
        for (StatisticsBySize<S> restored : statisticsState.get()) {
            statistics.merge(restored);
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        vectorRows.invalidRows().open(getMetricGroup());
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        statisticsState.clear();
        statisticsState.add(statistics);
    }

    @Override
    public void processElement(StreamRecord<Row> record) {
        Vector vector = vectorRows.read(record.getValue());
        if (vector != null) {
            statistics.add(vector, supplier);
        }
    }

    @Override
    public void endInput() {
        output.collect(
                new StreamRecord<>(
                        Tuple2.of(getRuntimeContext().getIndexOfThisSubtask(), statistics)));
    }
}
