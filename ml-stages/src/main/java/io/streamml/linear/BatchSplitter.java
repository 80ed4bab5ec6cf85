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

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.iteration.operator.OperatorStateUtils;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.types.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers each mini-batch and cuts it into one slice per worker (row i to worker i mod P), always
 * sending every worker its slice, even an empty one, so each batch gets exactly P replies. Output:
 * (worker, batch number, batch timestamp, rows).
 */
class BatchSplitter extends AbstractStreamOperator<Tuple4<Integer, Long, Long, Row[]>>
        implements OneInputStreamOperator<
                Tuple2<List<Row>, Long>, Tuple4<Integer, Long, Long, Row[]>> {
    private static final long serialVersionUID = 1L;

    private final int numWorkers;
    private transient long nextBatch;
    private transient ListState<Long> nextBatchState;

    BatchSplitter(int numWorkers) {
        this.numWorkers = numWorkers;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        nextBatchState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("nextBatch", Types.LONG));
        nextBatch = 0;
        nextBatch =
                OperatorStateUtils.getUniqueElement(nextBatchState, "nextBatch").orElse(nextBatch);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        nextBatchState.clear();
        nextBatchState.add(nextBatch);
    }

    @Override
    public void processElement(StreamRecord<Tuple2<List<Row>, Long>> record) {
        List<Row> rows = record.getValue().f0;
        List<List<Row>> slices = new ArrayList<>();
        for (int w = 0; w < numWorkers; w++) {
            slices.add(new ArrayList<>());
        }
        for (int i = 0; i < rows.size(); i++) {
            slices.get(i % numWorkers).add(rows.get(i));
        }
        long batch = nextBatch++;
        for (int w = 0; w < numWorkers; w++) {
            output.collect(
                    new StreamRecord<>(
                            Tuple4.of(
                                    w,
                                    batch,
                                    record.getValue().f1,
                                    slices.get(w).toArray(new Row[0]))));
        }
    }
}
