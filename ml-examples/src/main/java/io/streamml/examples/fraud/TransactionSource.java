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
package io.streamml.examples.fraud;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;

import java.util.List;

/**
 * Emits transactions {@code 0 … count − 1} from a {@link TransactionGenerator} in order, at most
 * {@code ratePerSecond} a second (0: as fast as possible). The next id is checkpointed, so a
 * restarted job continues where its last checkpoint left off. Run it with parallelism 1: the online
 * model learns in arrival order.
 */
public class TransactionSource extends RichSourceFunction<Transaction>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    private final TransactionGenerator generator;
    private final long count;
    private final double ratePerSecond;

    private volatile boolean running = true;
    private long nextId;
    private transient ListState<Long> nextIdState;

    public TransactionSource(TransactionGenerator generator, long count, double ratePerSecond) {
        this.generator = generator;
        this.count = count;
        this.ratePerSecond = ratePerSecond;
    }

    @Override
    public void run(SourceContext<Transaction> ctx) throws Exception {
        long started = System.nanoTime();
        long startId = nextId;
        while (running && nextId < count) {
            if (ratePerSecond > 0) {
                long due = started + (long) ((nextId - startId) * 1e9 / ratePerSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            Transaction transaction = generator.transaction(nextId);
            synchronized (ctx.getCheckpointLock()) {
                ctx.collect(transaction);
                nextId++;
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        nextIdState.update(List.of(nextId));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        nextIdState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("nextId", Types.LONG));
        for (Long id : nextIdState.get()) {
            nextId = id;
        }
    }
}
