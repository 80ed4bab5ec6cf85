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
package io.streamml.evaluation.common;

import io.streamml.common.input.BadDataException;
import io.streamml.common.table.InputBoundedness;
import io.streamml.common.table.TableEnvironments;
import io.streamml.common.table.TableRows;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates a bounded Table into one row of metrics: every subtask accumulates its rows, one task
 * merges the partial results in subtask order and emits the row.
 */
@Internal
public final class BoundedEvaluation {
    private BoundedEvaluation() {}

    public static <A> Table evaluate(
            String stage, Table input, MetricsAccumulation<A> metrics, RowTypeInfo resultType) {
        StreamTableEnvironment tEnv = TableEnvironments.of(input);
        DataStream<Row> rows = TableRows.of(input);
        if (!InputBoundedness.isBounded(rows)) {
            throw new IllegalArgumentException(
                    stage + " evaluates bounded Tables; the input Table is unbounded.");
        }
        TypeInformation<Tuple2<Integer, A>> partialType =
                new TupleTypeInfo<>(Types.INT, metrics.accumulatorType());
        DataStream<Row> result =
                rows.transform(stage + ".accumulate", partialType, new Accumulate<>(metrics))
                        .transform(stage + ".merge", resultType, new Merge<>(stage, metrics))
                        .setParallelism(1);
        return tEnv.fromDataStream(result);
    }

    private static final class Accumulate<A> extends AbstractStreamOperator<Tuple2<Integer, A>>
            implements OneInputStreamOperator<Row, Tuple2<Integer, A>>, BoundedOneInput {
        private static final long serialVersionUID = 1L;
        private final MetricsAccumulation<A> metrics;
        private transient A accumulator;
        private transient long rows;
        private transient ListState<A> state;
        private transient ListState<Long> rowsState;

        Accumulate(MetricsAccumulation<A> metrics) {
            // Chained to the operator before it, so rows reach it without a network hop.
            setChainingStrategy(ChainingStrategy.ALWAYS);
            this.metrics = metrics;
        }

        @Override
        public void initializeState(StateInitializationContext context) throws Exception {
            super.initializeState(context);
            state =
                    context.getOperatorStateStore()
                            .getListState(
                                    new ListStateDescriptor<>(
                                            "accumulator", metrics.accumulatorType()));
            rowsState =
                    context.getOperatorStateStore()
                            .getListState(new ListStateDescriptor<>("rows", Types.LONG));
            accumulator = metrics.create();
            for (A restored : state.get()) {
                metrics.merge(accumulator, restored);
            }
            for (Long restored : rowsState.get()) {
                rows += restored;
            }
        }

        @Override
        public void snapshotState(StateSnapshotContext context) throws Exception {
            super.snapshotState(context);
            state.clear();
            state.add(accumulator);
            rowsState.clear();
            rowsState.add(rows);
        }

        @Override
        public void processElement(StreamRecord<Row> record) {
            metrics.add(accumulator, record.getValue());
            rows++;
        }

        /** Only a subtask that saw rows reports, so an empty input reaches the merge as nothing. */
        @Override
        public void endInput() {
            if (rows == 0) {
                return;
            }
            output.collect(
                    new StreamRecord<>(
                            Tuple2.of(getRuntimeContext().getIndexOfThisSubtask(), accumulator)));
        }
    }

    private static final class Merge<A> extends AbstractStreamOperator<Row>
            implements OneInputStreamOperator<Tuple2<Integer, A>, Row>, BoundedOneInput {
        private static final long serialVersionUID = 1L;
        private final String stage;
        private final MetricsAccumulation<A> metrics;
        private transient ListState<Tuple2<Integer, A>> partialsState;

        Merge(String stage, MetricsAccumulation<A> metrics) {
            this.stage = stage;
            this.metrics = metrics;
        }

        @Override
        public void initializeState(StateInitializationContext context) throws Exception {
            super.initializeState(context);
            partialsState =
                    context.getOperatorStateStore()
                            .getListState(
                                    new ListStateDescriptor<>(
                                            "partials",
                                            new TupleTypeInfo<>(
                                                    Types.INT, metrics.accumulatorType())));
        }

        @Override
        public void processElement(StreamRecord<Tuple2<Integer, A>> record) throws Exception {
            partialsState.add(record.getValue());
        }

        @Override
        public void endInput() throws Exception {
            List<Tuple2<Integer, A>> partials = new ArrayList<>();
            partialsState.get().forEach(partials::add);
            if (partials.isEmpty()) {
                throw new BadDataException(stage + ": the input Table is empty.");
            }
            partials.sort(Comparator.comparing(partial -> partial.f0));
            A total = metrics.create();
            for (Tuple2<Integer, A> partial : partials) {
                metrics.merge(total, partial.f1);
            }
            output.collect(new StreamRecord<>(metrics.result(total)));
        }
    }
}
