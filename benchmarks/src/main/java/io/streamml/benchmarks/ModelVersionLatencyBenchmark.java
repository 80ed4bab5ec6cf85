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
import io.streamml.benchmarks.flink.PacedRowSource;
import io.streamml.benchmarks.flink.SyntheticRowTable;
import io.streamml.benchmarks.flink.VersionArrivals;
import io.streamml.classification.logisticregression.LogisticRegression;

import org.apache.flink.table.api.Table;

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
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Model-version latency of online LogisticRegression at a fixed input rate: from the moment the
 * last row of a mini-batch leaves the source to the moment the version trained on it reaches the
 * sink (the MiniCluster runs in this JVM, so one clock serves both ends). The rate is half the
 * maximum, measured in the trial's setup by the same job with an unpaced source. The score is the
 * paced job's wall time; the figures are the aux counters p50/p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ModelVersionLatencyBenchmark {
    public static final int GLOBAL_BATCH_SIZE = 1000;

    /** First versions left out: the source starts before the job is fully up and runs ahead. */
    private static final int START_UP_VERSIONS = 20;

    /** Rows × features; rows / {@value #GLOBAL_BATCH_SIZE} model versions per job. */
    @Param({"200000x100"})
    public String size;

    private SyntheticRows rows;
    private double maxRowsPerSecond;

    @Setup(Level.Trial)
    public void measureMaximumRate(FlinkCluster cluster) throws Exception {
        rows = SyntheticRows.of(size);
        cluster.newEnvironments();
        long start = System.nanoTime();
        runTraining(cluster, 0);
        double wholeJob = rows.numRows / ((System.nanoTime() - start) / 1e9);
        double steady =
                VersionArrivals.steadyRowsPerSecond(VersionArrivals.arrivals(), GLOBAL_BATCH_SIZE);
        maxRowsPerSecond = Double.isNaN(steady) ? wholeJob : steady;
    }

    @Benchmark
    public void versionLatency(FlinkCluster cluster, Latency latency) throws Exception {
        double rate = maxRowsPerSecond / 2;
        runTraining(cluster, rate);
        latency.record(VersionArrivals.arrivals(), rate, maxRowsPerSecond);
    }

    private void runTraining(FlinkCluster cluster, double rowsPerSecond) throws Exception {
        PacedRowSource.reset();
        VersionArrivals.reset();
        Table input =
                cluster.tEnv.fromDataStream(
                        cluster.env
                                .addSource(
                                        new PacedRowSource(
                                                rows.numRows,
                                                rows.dim,
                                                rowsPerSecond,
                                                GLOBAL_BATCH_SIZE),
                                        SyntheticRowTable.ROW_TYPE)
                                .setParallelism(1));
        Table versions =
                new LogisticRegression()
                        .setGlobalBatchSize(GLOBAL_BATCH_SIZE)
                        .fit(input)
                        .getModelData()[0];
        cluster.tEnv.toDataStream(versions).addSink(new VersionArrivals());
        cluster.execute("online LogisticRegression, paced");
    }

    /** Latency percentiles of the steady-state versions, and the rates they were measured at. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Latency {
        public double p50Ms;
        public double p99Ms;
        public double inputRowsPerSecond;
        public double maxRowsPerSecond;

        void record(TreeMap<Long, Long> arrivals, double rate, double max) {
            int skip = Math.min(START_UP_VERSIONS, arrivals.size() / 2);
            double[] millis =
                    arrivals.entrySet().stream()
                            .skip(skip)
                            .filter(e -> PacedRowSource.batchSentNanos(e.getKey() - 1) != null)
                            .mapToDouble(e -> latencyMs(e))
                            .sorted()
                            .toArray();
            p50Ms = percentile(millis, 0.50);
            p99Ms = percentile(millis, 0.99);
            inputRowsPerSecond = rate;
            maxRowsPerSecond = max;
        }

        /** Version v is trained on mini-batch v − 1 (versions start at 1). */
        private static double latencyMs(Map.Entry<Long, Long> arrival) {
            return (arrival.getValue() - PacedRowSource.batchSentNanos(arrival.getKey() - 1)) / 1e6;
        }

        /** Nearest-rank percentile of sorted values; NaN for none. */
        static double percentile(double[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }
}
