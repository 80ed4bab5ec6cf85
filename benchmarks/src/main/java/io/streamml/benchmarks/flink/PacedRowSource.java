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
package io.streamml.benchmarks.flink;

import io.streamml.benchmarks.data.SyntheticRows;

import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.types.Row;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Emits {@link SyntheticRows} (as {@link SyntheticRowTable#ROW_TYPE} rows) at a fixed rate, or as
 * fast as it can with rate 0, and notes in this JVM when the last row of each mini-batch of {@code
 * batchSize} rows left, so a sink can time the model version trained on it.
 */
public final class PacedRowSource implements SourceFunction<Row> {
    private static final long serialVersionUID = 1L;

    /** Mini-batch index → System.nanoTime() when its last row was emitted. */
    private static final ConcurrentMap<Long, Long> BATCH_SENT = new ConcurrentHashMap<>();

    private final int numRows;
    private final int dim;
    private final double rowsPerSecond;
    private final int batchSize;
    private volatile boolean running = true;

    public PacedRowSource(int numRows, int dim, double rowsPerSecond, int batchSize) {
        this.numRows = numRows;
        this.dim = dim;
        this.rowsPerSecond = rowsPerSecond;
        this.batchSize = batchSize;
    }

    /** Forgets an earlier job's batches. */
    public static void reset() {
        BATCH_SENT.clear();
    }

    /** When mini-batch {@code batch} (0-based) was sent, or null. */
    public static Long batchSentNanos(long batch) {
        return BATCH_SENT.get(batch);
    }

    @Override
    public void run(SourceContext<Row> ctx) {
        SyntheticRows rows = SyntheticRows.of(numRows, dim);
        long start = System.nanoTime();
        for (int i = 0; i < numRows && running; i++) {
            Row row = Row.of(new DenseVector(rows.features(i)), rows.label(i), rows.target(i));
            if (rowsPerSecond > 0) {
                long wait = start + (long) (i * 1e9 / rowsPerSecond) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            synchronized (ctx.getCheckpointLock()) {
                ctx.collect(row);
            }
            if ((i + 1) % batchSize == 0) {
                BATCH_SENT.put((long) (i + 1) / batchSize - 1, System.nanoTime());
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
