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

import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.apache.flink.types.Row;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A sink for model data rows that notes, in this JVM, when each {@code modelVersion} arrived
 * (System.nanoTime(), the clock {@link PacedRowSource} uses too).
 */
public final class VersionArrivals implements SinkFunction<Row> {
    private static final long serialVersionUID = 1L;

    private static final ConcurrentMap<Long, Long> ARRIVED = new ConcurrentHashMap<>();

    /** Forgets an earlier job's versions. */
    public static void reset() {
        ARRIVED.clear();
    }

    /** Version → arrival time, in version order. */
    public static TreeMap<Long, Long> arrivals() {
        return new TreeMap<>(ARRIVED);
    }

    @Override
    public void invoke(Row row, Context context) {
        ARRIVED.putIfAbsent((Long) row.getField("modelVersion"), System.nanoTime());
    }

    /**
     * Rows per second in the steady state: versions after the first, times the batch size, over the
     * time between the first and the last arrival; NaN with fewer than two versions.
     */
    public static double steadyRowsPerSecond(Map<Long, Long> arrivals, int batchSize) {
        if (arrivals.size() < 2) {
            return Double.NaN;
        }
        TreeMap<Long, Long> sorted = new TreeMap<>(arrivals);
        long versions = sorted.lastKey() - sorted.firstKey();
        double seconds = (sorted.lastEntry().getValue() - sorted.firstEntry().getValue()) / 1e9;
        return versions * batchSize / seconds;
    }
}
