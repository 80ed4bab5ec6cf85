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
import io.streamml.benchmarks.flink.CountingSink;

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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The engine's limit, against which fits, online training and transforms are reported: a job with
 * the same source and Table conversion every stage gets, converted back to a stream and dropped in
 * the same sink, at the bounded fits' and the transform's sizes (online training measures its own
 * pass-through in the same trial).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 3)
public class PassThroughBenchmark {
    /** Rows × features. */
    @Param({"100000x20", "1000000x100"})
    public String size;

    private SyntheticRows rows;

    @Setup(Level.Trial)
    public void generateRows() {
        rows = SyntheticRows.of(size);
    }

    @Benchmark
    public void passThrough(FlinkCluster cluster) throws Exception {
        cluster.tEnv.toDataStream(cluster.table(rows)).addSink(new CountingSink<>());
        cluster.execute("pass-through");
    }
}
