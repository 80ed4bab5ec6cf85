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

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.metrics.StageMetrics;
import io.streamml.stats.FeatureStatistics;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Online fit, last step (a single task): turns each window's statistics into the next model
 * version, from cumulative statistics that are first decayed by the decay factor. The statistics
 * and the version counter live in operator state, so a restore continues the same sequence.
 */
class VersionsOperator<S extends FeatureStatistics<S>, M> extends AbstractStreamOperator<M>
        implements OneInputStreamOperator<Tuple2<StatisticsBySize<S>, Long>, M> {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final InvalidRowPolicy invalidRows;
    private final double decayFactor;
    private final StatisticsSupplier<S> supplier;
    private final ModelDataFactory<S, M> modelDataFactory;
    private final TypeInformation<S> statisticsType;

    private transient S cumulative;
    private transient long nextVersion;
    private transient ListState<S> cumulativeState;
    private transient ListState<Long> nextVersionState;
    private transient Counter versionsEmitted;
    private transient Counter rowsTrained;

    VersionsOperator(
            String column,
            InvalidRowPolicy invalidRows,
            double decayFactor,
            StatisticsSupplier<S> supplier,
            ModelDataFactory<S, M> modelDataFactory,
            TypeInformation<S> statisticsType) {
        this.column = column;
        this.invalidRows = invalidRows;
        this.decayFactor = decayFactor;
        this.supplier = supplier;
        this.modelDataFactory = modelDataFactory;
        this.statisticsType = statisticsType;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        cumulativeState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("cumulative", statisticsType));
        nextVersionState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("nextVersion", Types.LONG));
        cumulative = supplier.get();
        nextVersion = 0;
        cumulativeState.get().forEach(cumulative::merge);
        for (Long version : nextVersionState.get()) {
            nextVersion = version;
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        // Rows of another size than the model's are rejected (counted under skip) here.
        invalidRows.open(getMetricGroup());
        versionsEmitted = getMetricGroup().counter(StageMetrics.MODEL_VERSIONS_EMITTED);
        rowsTrained = getMetricGroup().counter(StageMetrics.ROWS_TRAINED);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        cumulativeState.clear();
        cumulativeState.add(cumulative);
        nextVersionState.clear();
        nextVersionState.add(nextVersion);
    }

    @Override
    public void processElement(StreamRecord<Tuple2<StatisticsBySize<S>, Long>> record) {
        StatisticsBySize<S> bySize = record.getValue().f0;
        // The first window with rows fixes the size: the one most of its rows have.
        int size = cumulative.dimension();
        if (size < 0) {
            size = bySize.sizes().mostCommon();
        }
        invalidRows.rejectOtherSizes(
                column, bySize.sizes(), size, "the most common size in the first window");
        S window = bySize.of(size);
        if (window == null || window.totalWeight() == 0) {
            return;
        }
        cumulative.decay(decayFactor);
        cumulative.merge(window);
        output.collect(
                new StreamRecord<>(
                        modelDataFactory.create(cumulative, nextVersion++, record.getValue().f1)));
        versionsEmitted.inc();
        // Rows have unit weight in the statistics, and a window is not decayed.
        rowsTrained.inc((long) window.totalWeight());
    }
}
