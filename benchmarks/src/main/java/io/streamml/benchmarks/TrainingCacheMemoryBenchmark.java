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
package io.streamml.benchmarks;

import io.streamml.benchmarks.data.SyntheticRows;
import io.streamml.linear.training.TrainingCache;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;

/**
 * Memory per cached training row: fills the {@link TrainingCache} a bounded fit's workers keep
 * (timed: the score is the time to cache all rows) and measures the heap it holds after a full GC,
 * per row, next to the arrays' own count. The report sets both against 8·(d + 2) bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class TrainingCacheMemoryBenchmark {
    /** Rows × features. */
    @Param({"1000000x20", "1000000x100"})
    public String size;

    private SyntheticRows rows;

    @Setup(Level.Trial)
    public void generateRows() {
        rows = SyntheticRows.of(size);
    }

    @Benchmark
    public void cacheRows(CacheBytes bytes) {
        TrainingCache cache = new TrainingCache();
        double[] features = new double[rows.dim];
        for (int row = 0; row < rows.numRows; row++) {
            for (int j = 0; j < rows.dim; j++) {
                features[j] = rows.feature(row, j);
            }
            cache.addDense(features, rows.label(row), 1.0);
        }
        cache.trim();
        bytes.cache = cache;
    }

    /**
     * Bytes per cached row: measured on the heap (used heap after a full GC with the cache held,
     * minus before), and counted from the cache's arrays.
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class CacheBytes {
        public double heapBytesPerRow;
        public double arrayBytesPerRow;

        private long heapBefore;
        private TrainingCache cache;

        @Setup(Level.Iteration)
        public void measureBefore() {
            cache = null;
            heapBefore = usedHeapAfterGc();
        }

        @TearDown(Level.Iteration)
        public void measureAfter() {
            int numRows = cache.numRows();
            heapBytesPerRow = (usedHeapAfterGc() - heapBefore) / (double) numRows;
            arrayBytesPerRow = cache.sizeInBytes() / (double) numRows;
            cache = null;
        }

        private static long usedHeapAfterGc() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            // Two full collections: the first may leave objects that only a second one frees.
            for (int i = 0; i < 2; i++) {
                System.gc();
            }
            return memory.getHeapMemoryUsage().getUsed();
        }
    }
}
