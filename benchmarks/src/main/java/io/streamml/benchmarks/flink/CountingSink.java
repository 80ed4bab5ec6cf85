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

import java.util.concurrent.atomic.AtomicLong;

/**
 * A discarding sink that counts what it drops, in this JVM, so a source of model versions can tell
 * when every row has been scored and end the job. Every side of a transform comparison writes into
 * it, so all pay the same for the count.
 */
public final class CountingSink<T> implements SinkFunction<T> {
    private static final long serialVersionUID = 1L;

    private static final AtomicLong COUNT = new AtomicLong();

    /** Starts a new job's count. */
    public static void reset() {
        COUNT.set(0);
    }

    /** Records counted since the last {@link #reset()}. */
    public static long count() {
        return COUNT.get();
    }

    @Override
    public void invoke(T value, Context context) {
        COUNT.incrementAndGet();
    }
}
