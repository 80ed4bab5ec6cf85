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
import io.streamml.stats.FeatureStatistics;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bounded fit, second step (a single task): merges the subtasks' statistics in subtask order, takes
 * the vector size most rows have as the model's (rejecting the rows of other sizes through the
 * stage's {@link InvalidRowPolicy}, counted here under skip) and emits the one model data record,
 * version 0 with timestamp {@code Long.MAX_VALUE}.
 */
class MergeStatisticsOperator<S extends FeatureStatistics<S>, M> extends AbstractStreamOperator<M>
        implements OneInputStreamOperator<Tuple2<Integer, StatisticsBySize<S>>, M>,
                BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final InvalidRowPolicy invalidRows;
    private final ModelDataFactory<S, M> modelDataFactory;
    private final TypeInformation<Tuple2<Integer, StatisticsBySize<S>>> partialType;

    private transient ListState<Tuple2<Integer, StatisticsBySize<S>>> partials;

    MergeStatisticsOperator(
            String column,
            InvalidRowPolicy invalidRows,
            ModelDataFactory<S, M> modelDataFactory,
            TypeInformation<Tuple2<Integer, StatisticsBySize<S>>> partialType) {
        this.column = column;
        this.invalidRows = invalidRows;
        this.modelDataFactory = modelDataFactory;
        this.partialType = partialType;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        partials =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("partials", partialType));
    }

    @Override
    public void open() throws Exception {
        super.open();
        invalidRows.open(getMetricGroup());
    }

    @Override
    public void processElement(StreamRecord<Tuple2<Integer, StatisticsBySize<S>>> record)
            throws Exception {
        partials.add(record.getValue());
    }

    @Override
    public void endInput() throws Exception {
        List<Tuple2<Integer, StatisticsBySize<S>>> sorted = new ArrayList<>();
        partials.get().forEach(sorted::add);
        sorted.sort(Comparator.comparing(partial -> partial.f0));
        StatisticsBySize<S> total = new StatisticsBySize<>();
        for (Tuple2<Integer, StatisticsBySize<S>> partial : sorted) {
            total.merge(partial.f1);
        }
        int size = total.sizes().mostCommon();
        S statistics = size < 0 ? null : total.of(size);
        if (statistics == null || statistics.totalWeight() == 0) {
            throw new BadDataException(invalidRows.stage() + ": The training set is empty.");
        }
        invalidRows.rejectOtherSizes(
                column,
                total.sizes(),
                size,
                "the size of most rows (" + total.sizes().rowsOf(size) + ")");
        output.collect(new StreamRecord<>(modelDataFactory.create(statistics, 0, Long.MAX_VALUE)));
    }
}
