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

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes records through, at the input's parallelism (so it keeps the input's partitions), and
 * fails the job at chosen points: the i-th failure fires once {@code counts[i]} records have passed
 * one subtask since the job (re)started and a checkpoint has completed since (so the restore has
 * real state to bring back). Each failure fires once per JVM, so the restarted job runs on; {@link
 * #totalFailures()} lets a test check that they all fired.
 */
public final class FailureInjector {
    private static final Map<String, AtomicInteger> FAILURES_DONE = new ConcurrentHashMap<>();

    private FailureInjector() {}

    /** {@code input} with a failure after each of {@code counts} records since the last start. */
    public static <T> DataStream<T> failAfter(DataStream<T> input, long... counts) {
        String id = UUID.randomUUID().toString();
        FAILURES_DONE.put(id, new AtomicInteger());
        TypeInformation<T> type = input.getType();
        return input.map(new Injector<T>(id, counts), type).setParallelism(input.getParallelism());
    }

    /** How many failures were injected for streams made by {@link #failAfter} so far. */
    public static int totalFailures() {
        return FAILURES_DONE.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static final class Injector<T> implements MapFunction<T, T>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final long[] counts;
        private long seen;
        private boolean checkpointSinceStart;

        Injector(String id, long[] counts) {
            this.id = id;
            this.counts = counts;
        }

        @Override
        public T map(T value) {
            seen++;
            AtomicInteger done = FAILURES_DONE.get(id);
            int next = done.get();
            if (next < counts.length
                    && seen > counts[next]
                    && checkpointSinceStart
                    && done.compareAndSet(next, next + 1)) {
                throw new RuntimeException("Injected failure #" + (next + 1) + " for testing");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointSinceStart = true;
        }
    }
}
