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
import io.streamml.classification.logisticregression.LogisticRegression;

import org.apache.flink.table.api.Table;

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
 * Online LogisticRegression training on the rows {@link PassThroughBenchmark} passes through, in
 * the same run: the bounded Table is replayed as a stream (trainingMode "online") so the job ends,
 * and the model versions go into the same discarding sink. The score is the job's wall time; the
 * report turns it into rows per second and the ratio to the pass-through's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class OnlineTrainingBenchmark {
    public static final int GLOBAL_BATCH_SIZE = 1000;

    /** Rows × features. */
    @Param({"1000000x10", "1000000x100"})
    public String size;

    private SyntheticRows rows;

    @Setup(Level.Trial)
    public void generateRows() {
        rows = SyntheticRows.of(size);
    }

    @Benchmark
    public void onlineLogisticRegression(FlinkCluster cluster) throws Exception {
        Table versions =
                new LogisticRegression()
                        .setTrainingMode("online")
                        .setGlobalBatchSize(GLOBAL_BATCH_SIZE)
                        .fit(cluster.table(rows))
                        .getModelData()[0];
        cluster.tEnv.toDataStream(versions).addSink(new CountingSink<>());
        cluster.execute("online LogisticRegression");
    }
}
