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
package io.streamml.common.minibatch;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.List;

/**
 * The coordinator of a learner whose slice summaries do not depend on the model (the scalers'
 * statistics): one task that sees only the subtasks' slice summaries, never a row. It assembles
 * them into batches and merges each batch's summaries by subtask, emitting (summary, timestamp).
 *
 * @param <A> the summary type
 */
@Internal
public class SummaryMergeOperator<A> extends AbstractStreamOperator<Tuple2<A, Long>>
        implements OneInputStreamOperator<Slice<A>, Tuple2<A, Long>> {
    private static final long serialVersionUID = 1L;

    private final BatchAccumulator<?, A> accumulator;
    private final TypeInformation<A> summaryType;
    private final int numSubtasks;
    private final boolean eventTime;
    private final long maxBatchDelayMs;

    private transient AssemblerState<A> state;
    private transient long timerAt;

    public SummaryMergeOperator(
            BatchAccumulator<?, A> accumulator,
            TypeInformation<A> summaryType,
            int numSubtasks,
            boolean eventTime,
            long maxBatchDelayMs) {
        this.accumulator = accumulator;
        this.summaryType = summaryType;
        this.numSubtasks = numSubtasks;
        this.eventTime = eventTime;
        this.maxBatchDelayMs = maxBatchDelayMs;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        state =
                AssemblerState.restore(
                        context,
                        summaryType,
                        numSubtasks,
                        eventTime,
                        maxBatchDelayMs,
                        getProcessingTimeService().getCurrentProcessingTime());
        timerAt = -1;
    }

    @Override
    public void open() throws Exception {
        super.open();
        emitReadyBatches();
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        state.snapshot();
    }

    @Override
    public void processElement(StreamRecord<Slice<A>> record) {
        state.assembler().add(record.getValue(), now());
        emitReadyBatches();
    }

    private long now() {
        return getProcessingTimeService().getCurrentProcessingTime();
    }

    private void emitReadyBatches() {
        BatchAssembler<A> assembler = state.assembler();
        List<Slice<A>> batch;
        while ((batch = assembler.next(now())) != null) {
            A merged = accumulator.create();
            for (Slice<A> slice : batch) {
                accumulator.merge(merged, slice.content);
            }
            output.collect(new StreamRecord<>(Tuple2.of(merged, BatchAssembler.timestamp(batch))));
        }
        long deadline = assembler.deadline();
        if (deadline >= 0 && deadline != timerAt) {
            timerAt = deadline;
            getProcessingTimeService().registerTimer(deadline, time -> emitReadyBatches());
        }
    }
}
