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
import io.streamml.linear.loss.LogLoss;
import io.streamml.linear.training.MiniBatchGradient;
import io.streamml.linear.training.TrainingCache;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.util.concurrent.TimeUnit;

/**
 * {@link GradientLoopBenchmark}'s kernel on {@value FlinkCluster#PARALLELISM} threads at once, each
 * over its own share of the rows, as a bounded fit's subtasks run it: the threads share the
 * machine's memory bandwidth and caches as the subtasks do, so this is the hardware's limit per
 * subtask at the fit's parallelism. The score is the time of one pass over a thread's share.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(FlinkCluster.PARALLELISM)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConcurrentGradientLoopBenchmark {
    /** Rows × features: the bounded fit's sizes. */
    @Param({"100000x20", "1000000x100"})
    public String size;

    /** One thread's share of the rows, cached as a fit's worker caches them. */
    @State(Scope.Thread)
    public static class Share {
        TrainingCache cache;
        double[] point;

        @Setup(Level.Trial)
        public void cacheShare(ConcurrentGradientLoopBenchmark benchmark, ThreadParams thread) {
            SyntheticRows rows = SyntheticRows.of(benchmark.size);
            int threads = thread.getThreadCount();
            int first = (int) ((long) rows.numRows * thread.getThreadIndex() / threads);
            int end = (int) ((long) rows.numRows * (thread.getThreadIndex() + 1) / threads);
            cache = new TrainingCache(rows.dim, end - first);
            for (int row = first; row < end; row++) {
                cache.addDense(rows.features(row), rows.label(row), 1);
            }
            point = GradientLoopBenchmark.halfWayPoint(rows);
        }
    }

    @Benchmark
    public MiniBatchGradient gradientPass(Share share) {
        MiniBatchGradient sums = new MiniBatchGradient(LogLoss.INSTANCE, share.cache.dim(), true);
        share.cache.addTo(sums, share.point, null, LogLoss.INSTANCE);
        return sums;
    }
}
