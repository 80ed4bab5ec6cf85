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

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;

/**
 * Rows a job hands back to the benchmark through a sink, by name. The MiniCluster runs in the
 * benchmark's JVM, so a static map is the cheapest way back, and one job can fill several names (a
 * fit's model and its training summary come from the same run).
 */
public final class CollectedRows {
    private static final ConcurrentMap<String, Queue<Row>> ROWS = new ConcurrentHashMap<>();

    private CollectedRows() {}

    /** A sink adding every row it gets to {@code name}. */
    public static SinkFunction<Row> into(String name) {
        ROWS.put(name, new ConcurrentLinkedQueue<>());
        return new SinkFunction<Row>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void invoke(Row row, Context context) {
                ROWS.get(name).add(row);
            }
        };
    }

    /** The rows collected under {@code name}, removing them. */
    public static List<Row> take(String name) {
        Queue<Row> rows = ROWS.remove(name);
        return rows == null ? new ArrayList<>() : new ArrayList<>(rows);
    }

    /** The single row collected under {@code name}, failing if there is not exactly one. */
    public static Row takeOnly(String name) {
        List<Row> rows = take(name);
        if (rows.size() != 1) {
            throw new IllegalStateException(
                    "expected one row under '" + name + "', got " + rows.size());
        }
        return rows.get(0);
    }
}
