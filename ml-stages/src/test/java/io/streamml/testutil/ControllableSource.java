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
package io.streamml.testutil;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.source.RichParallelSourceFunction;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.types.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An unbounded source whose rows the test releases on demand, optionally with event timestamps and
 * watermarks. It runs at the job's parallelism with deterministic partitions: the rows of each
 * release are dealt round-robin from subtask 0 (row i of a release goes to subtask i mod p), and
 * every subtask emits every watermark. So a release of a whole global batch gives each subtask
 * exactly its share. What was released stays in a JVM-wide log, and each subtask checkpoints its
 * offset in that log, so after a failure it replays exactly what the restored job has not seen.
 */
public final class ControllableSource {
    private static final Map<String, List<Object>> LOGS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final List<Object> log = new ArrayList<>();

    public ControllableSource() {
        LOGS.put(id, log);
    }

    /** Releases rows without timestamps. */
    public void release(Row... rows) {
        synchronized (log) {
            for (int i = 0; i < rows.length; i++) {
                log.add(new Dealt(rows[i], null, i));
            }
        }
    }

    /** Releases rows with event time {@code timestamp}. */
    public void releaseAt(long timestamp, Row... rows) {
        synchronized (log) {
            for (int i = 0; i < rows.length; i++) {
                log.add(new Dealt(rows[i], timestamp, i));
            }
        }
    }

    /** Releases rows, row i with event time {@code timestamps[i]}, dealt as one release. */
    public void releaseAt(long[] timestamps, Row... rows) {
        synchronized (log) {
            for (int i = 0; i < rows.length; i++) {
                log.add(new Dealt(rows[i], timestamps[i], i));
            }
        }
    }

    /** Releases a watermark, to every subtask. */
    public void watermark(long timestamp) {
        synchronized (log) {
            log.add(new Watermark(timestamp));
        }
    }

    /** The stream of released rows, at the environment's parallelism; it never finishes. */
    public DataStream<Row> stream(StreamExecutionEnvironment env, RowTypeInfo type) {
        return env.addSource(new Function(id), "controllableSource", type);
    }

    /** A released row, its event time (or null) and its position in its release. */
    private static final class Dealt {
        final Row row;
        final Long timestamp;
        final int position;

        Dealt(Row row, Long timestamp, int position) {
            this.row = row;
            this.timestamp = timestamp;
            this.position = position;
        }
    }

    private static final class Function extends RichParallelSourceFunction<Row>
            implements CheckpointedFunction {
        private static final long serialVersionUID = 1L;

        private final String id;
        private volatile boolean running = true;
        private int offset;
        private transient ListState<Long> offsetState;

        Function(String id) {
            this.id = id;
        }

        @Override
        public void run(SourceContext<Row> ctx) throws Exception {
            List<Object> log = LOGS.get(id);
            int subtask = getRuntimeContext().getIndexOfThisSubtask();
            int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
            while (running) {
                Object next = null;
                synchronized (log) {
                    if (offset < log.size()) {
                        next = log.get(offset);
                    }
                }
                if (next == null) {
                    Thread.sleep(1);
                    continue;
                }
                synchronized (ctx.getCheckpointLock()) {
                    if (next instanceof Watermark) {
                        ctx.emitWatermark((Watermark) next);
                    } else {
                        Dealt dealt = (Dealt) next;
                        if (dealt.position % parallelism == subtask) {
                            if (dealt.timestamp != null) {
                                ctx.collectWithTimestamp(Row.copy(dealt.row), dealt.timestamp);
                            } else {
                                ctx.collect(Row.copy(dealt.row));
                            }
                        }
                    }
                    offset++;
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            // Union state of (subtask, offset) pairs, so each subtask finds its own on restore.
            offsetState.clear();
            offsetState.add(((long) getRuntimeContext().getIndexOfThisSubtask() << 32) | offset);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            offsetState =
                    context.getOperatorStateStore()
                            .getUnionListState(new ListStateDescriptor<>("offset", Types.LONG));
            int subtask = getRuntimeContext().getIndexOfThisSubtask();
            for (Long restored : offsetState.get()) {
                if ((int) (restored >>> 32) == subtask) {
                    offset = (int) (long) restored;
                }
            }
        }
    }
}
