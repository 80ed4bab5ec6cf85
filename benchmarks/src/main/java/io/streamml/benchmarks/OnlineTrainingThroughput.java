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

import io.streamml.classification.logisticregression.LogisticRegression;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.DiscardingSink;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.util.Locale;

/**
 * Online logistic regression throughput against a pass-through job over the same source and Table
 * conversion with a discarding sink, in the same run: the ratio is the figure. The rows are a
 * bounded Table replayed as a stream (trainingMode "online"), so both jobs end. Arguments: rows,
 * features, globalBatchSize, parallelism.
 */
public final class OnlineTrainingThroughput {
    private OnlineTrainingThroughput() {}

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 2;

        double passThrough = rowsPerSecond(n, d, parallelism, null);
        double online = rowsPerSecond(n, d, parallelism, batch);
        System.out.printf(
                Locale.ROOT,
                "rows=%d features=%d batch=%d parallelism=%d: pass-through %.0f rows/s, online"
                        + " training %.0f rows/s, ratio %.2f%n",
                n,
                d,
                batch,
                parallelism,
                passThrough,
                online,
                online / passThrough);
    }

    /** Rows per second of one job: training when {@code batch} is set, else pass-through. */
    private static double rowsPerSecond(long n, int d, int parallelism, Integer batch)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        Table rows = LogisticRegressionFitComparison.table(env, n, d);
        Table out =
                batch == null
                        ? rows
                        : new LogisticRegression()
                                .setTrainingMode("online")
                                .setGlobalBatchSize(batch)
                                .fit(rows)
                                .getModelData()[0];
        tEnv.toDataStream(out).addSink(new DiscardingSink<>());
        long start = System.nanoTime();
        env.execute();
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
