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
import io.streamml.benchmarks.flink.ModelVersionSource;
import io.streamml.classification.logisticregression.LogisticRegressionModel;
import io.streamml.linear.LinearModelData;

import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorTypeInfo;
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

import java.util.Collections;
import java.util.concurrent.TimeUnit;

/**
 * LogisticRegressionModel.transform over the rows {@link PassThroughBenchmark} passes through, in
 * the same run: with a bounded model (one version), with a streaming model (a new version every
 * {@value #VERSION_INTERVAL_MS} ms while the rows flow), and flink-ml-lib 2.0.0's model with the
 * same coefficients. Every job drops its output in the same counting sink. The score is the job's
 * wall time; the report turns it into rows per second and ratios to the pass-through's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 3)
public class ModelTransformBenchmark {
    /** About what online training at globalBatchSize 1000 and 100k rows/s emits. */
    public static final long VERSION_INTERVAL_MS = 10;

    /** Rows × features. */
    @Param({"1000000x100"})
    public String size;

    private SyntheticRows rows;

    @Setup(Level.Trial)
    public void generateRows() {
        rows = SyntheticRows.of(size);
    }

    @Benchmark
    public void boundedModel(FlinkCluster cluster) throws Exception {
        DataStream<LinearModelData> model =
                cluster.env.fromElements(
                        LinearModelData.class,
                        new LinearModelData(new DenseVector(rows.truth), 0, 0, Long.MAX_VALUE));
        score(cluster, LinearModelData.SCHEMA.toTable(cluster.tEnv, model));
    }

    @Benchmark
    public void streamingModel(FlinkCluster cluster) throws Exception {
        DataStream<LinearModelData> versions =
                cluster.env
                        .addSource(
                                new ModelVersionSource(
                                        rows.truth, VERSION_INTERVAL_MS, rows.numRows),
                                LinearModelData.SCHEMA.modelType())
                        .setParallelism(1);
        score(cluster, LinearModelData.SCHEMA.toTable(cluster.tEnv, versions));
    }

    @Benchmark
    public void flinkMlBoundedModel(FlinkCluster cluster) throws Exception {
        Table modelData =
                cluster.tEnv.fromDataStream(
                        cluster.env.fromCollection(
                                Collections.singletonList(Row.of(new DenseVector(rows.truth))),
                                new RowTypeInfo(DenseVectorTypeInfo.INSTANCE)));
        Table scored =
                new org.apache.flink.ml.classification.logisticregression.LogisticRegressionModel()
                        .setModelData(modelData)
                        .transform(cluster.table(rows))[0];
        cluster.tEnv.toDataStream(scored).addSink(new CountingSink<>());
        cluster.execute("flink-ml-lib transform");
    }

    private void score(FlinkCluster cluster, Table modelData) throws Exception {
        Table scored =
                new LogisticRegressionModel()
                        .setModelData(modelData)
                        .transform(cluster.table(rows))[0];
        cluster.tEnv.toDataStream(scored).addSink(new CountingSink<>());
        cluster.execute("transform");
    }
}
