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
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.feature.standardscaler.StandardScaler;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

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
 * Online training on the pass-through's rows, at parallelism 2 and 1, each against its own
 * pass-through in the same trial: the bounded Table is replayed as a stream (trainingMode "online")
 * so the job ends, and the model versions go into the same discarding sink. Also the pass-through
 * with every row through one task, the shape that capped online training before the rows stayed on
 * their subtasks. The score is the job's wall time; the report turns it into rows per second and
 * ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 3)
public class OnlineTrainingBenchmark {
    /** The scalers' count window in {@link #onlineStandardScaler}. */
    public static final int SCALER_WINDOW = 1000;

    /**
     * Rows × features. At d = 10 five million rows, so that a job runs for seconds: at 1M × 10 a
     * job took about 1 s, of which starting the job was a large and noisy share.
     */
    @Param({"5000000x10", "1000000x100"})
    public String size;

    /** The job's parallelism. */
    @Param({"2", "1"})
    public String parallelism;

    /** The mini-batch sizes: a state of their own, so only the linear model runs at each. */
    @State(Scope.Benchmark)
    public static class Batches {
        @Param({"1000", "10000", "100000"})
        public String globalBatchSize;
    }

    private SyntheticRows rows;

    @Setup(Level.Trial)
    public void generateRows() {
        rows = SyntheticRows.of(size);
    }

    private Table input(FlinkCluster cluster) {
        cluster.env.setParallelism(Integer.parseInt(parallelism));
        return cluster.table(rows);
    }

    /** The same rows from a source that calls itself unbounded: the scalers then train online. */
    private Table unboundedInput(FlinkCluster cluster) {
        cluster.env.setParallelism(Integer.parseInt(parallelism));
        return cluster.unboundedTable(rows);
    }

    @Benchmark
    public void passThrough(FlinkCluster cluster) throws Exception {
        cluster.tEnv.toDataStream(input(cluster)).addSink(new CountingSink<>());
        cluster.execute("pass-through");
    }

    /**
     * The pass-through with one forward hop between tasks of the same parallelism: the hop online
     * linear training cannot avoid, since its workers sit in an iteration as two-input operators,
     * which Flink chains to nothing upstream. Its rows cross as serialized slices.
     */
    @Benchmark
    public void passThroughWithHop(FlinkCluster cluster) throws Exception {
        DataStream<Row> rows = cluster.tEnv.toDataStream(input(cluster));
        rows.map(row -> row, rows.getType())
                .disableChaining()
                .name("after a hop")
                .addSink(new CountingSink<>());
        cluster.execute("pass-through with a hop");
    }

    @Benchmark
    public void singleTaskStage(FlinkCluster cluster) throws Exception {
        DataStream<Row> rows = cluster.tEnv.toDataStream(input(cluster));
        rows.map(row -> row, rows.getType())
                .setParallelism(1)
                .name("single task")
                .addSink(new CountingSink<>());
        cluster.execute("pass-through through one task");
    }

    @Benchmark
    public void onlineLogisticRegression(FlinkCluster cluster, Batches batches) throws Exception {
        Table versions =
                new LogisticRegression()
                        .setTrainingMode("online")
                        .setGlobalBatchSize(Integer.parseInt(batches.globalBatchSize))
                        .fit(input(cluster))
                        .getModelData()[0];
        cluster.tEnv.toDataStream(versions).addSink(new CountingSink<>());
        cluster.execute("online LogisticRegression");
    }

    @Benchmark
    public void onlineStandardScaler(FlinkCluster cluster) throws Exception {
        Table versions =
                new StandardScaler()
                        .setInputCol("features")
                        .setWithMean(true)
                        .setWindows(CountTumblingWindows.of(SCALER_WINDOW))
                        .fit(unboundedInput(cluster))
                        .getModelData()[0];
        cluster.tEnv.toDataStream(versions).addSink(new CountingSink<>());
        cluster.execute("online StandardScaler");
    }
}
