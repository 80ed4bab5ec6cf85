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
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.types.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An unbounded source whose rows the test releases on demand, optionally with event timestamps and
 * watermarks. What was released stays in a JVM-wide log, and the source checkpoints its offset in
 * that log, so after a failure it replays exactly what the restored job has not seen.
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
            for (Row row : rows) {
                log.add(row);
            }
        }
    }

    /** Releases rows with event time {@code timestamp}. */
    public void releaseAt(long timestamp, Row... rows) {
        synchronized (log) {
            for (Row row : rows) {
                log.add(new TimestampedRow(row, timestamp));
            }
        }
    }

    /** Releases a watermark. */
    public void watermark(long timestamp) {
        synchronized (log) {
            log.add(new Watermark(timestamp));
        }
    }

    /** The stream of released rows; the source runs with parallelism 1 and never finishes. */
    public DataStream<Row> stream(StreamExecutionEnvironment env, RowTypeInfo type) {
        return env.addSource(new Function(id), "controllableSource", type).setParallelism(1);
    }

    private static final class TimestampedRow {
        final Row row;
        final long timestamp;

        TimestampedRow(Row row, long timestamp) {
            this.row = row;
            this.timestamp = timestamp;
        }
    }

    private static final class Function implements SourceFunction<Row>, CheckpointedFunction {
        private static final long serialVersionUID = 1L;

        private final String id;
        private volatile boolean running = true;
        private int offset;
        private transient ListState<Integer> offsetState;

        Function(String id) {
            this.id = id;
        }

        @Override
        public void run(SourceContext<Row> ctx) throws Exception {
            List<Object> log = LOGS.get(id);
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
                    } else if (next instanceof TimestampedRow) {
                        TimestampedRow row = (TimestampedRow) next;
                        ctx.collectWithTimestamp(Row.copy(row.row), row.timestamp);
                    } else {
                        ctx.collect(Row.copy((Row) next));
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
            offsetState.clear();
            offsetState.add(offset);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            offsetState =
                    context.getOperatorStateStore()
                            .getListState(new ListStateDescriptor<>("offset", Types.INT));
            for (Integer restored : offsetState.get()) {
                offset = restored;
            }
        }
    }
}
