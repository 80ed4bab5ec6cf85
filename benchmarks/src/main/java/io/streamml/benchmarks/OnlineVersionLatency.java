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

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Model-version latency of online logistic regression: from the moment the last row of a mini-batch
 * leaves the source to the moment the version trained on it reaches the sink, with the source paced
 * at a fixed rate (the job runs in this JVM, so one clock serves both ends). Arguments: rows per
 * second, batches, features, globalBatchSize, parallelism.
 */
public final class OnlineVersionLatency {
    private static final ConcurrentMap<Long, Long> LAST_ROW_SENT = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Long, Long> VERSION_SEEN = new ConcurrentHashMap<>();

    private OnlineVersionLatency() {}

    public static void main(String[] args) throws Exception {
        double rate = args.length > 0 ? Double.parseDouble(args[0]) : 40_000;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int d = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : 2;

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        Table rows =
                tEnv.fromDataStream(
                        env.addSource(
                                        new PacedRows(rate, (long) batches * batch, d, batch),
                                        new RowTypeInfo(
                                                new TypeInformation<?>[] {
                                                    TypeInformation.of(DenseVector.class),
                                                    Types.DOUBLE
                                                },
                                                new String[] {"features", "label"}))
                                .setParallelism(1));
        Table versions =
                new LogisticRegression().setGlobalBatchSize(batch).fit(rows).getModelData()[0];
        tEnv.toDataStream(versions)
                .addSink(
                        new SinkFunction<Row>() {
                            @Override
                            public void invoke(Row row, Context context) {
                                VERSION_SEEN.put(
                                        (Long) row.getField("modelVersion"), System.nanoTime());
                            }
                        });
        env.execute();
        if (Boolean.getBoolean("printLatencies")) {
            VERSION_SEEN.keySet().stream()
                    .sorted()
                    .filter(v -> LAST_ROW_SENT.containsKey(v - 1))
                    .forEach(
                            v ->
                                    System.out.print(
                                            (VERSION_SEEN.get(v) - LAST_ROW_SENT.get(v - 1))
                                                            / 1000000
                                                    + " "));
            System.out.println();
        }

        long[] latencies =
                VERSION_SEEN.entrySet().stream()
                        .filter(e -> LAST_ROW_SENT.containsKey(e.getKey() - 1))
                        .mapToLong(e -> e.getValue() - LAST_ROW_SENT.get(e.getKey() - 1))
                        .sorted()
                        .toArray();
        // The source starts before the whole job runs, so the first batches wait out its start-up
        // backlog (it drains within ~15 batches here); report the steady state after 20.
        long[] steady =
                VERSION_SEEN.keySet().stream()
                        .filter(v -> v > 20 && LAST_ROW_SENT.containsKey(v - 1))
                        .mapToLong(v -> VERSION_SEEN.get(v) - LAST_ROW_SENT.get(v - 1))
                        .sorted()
                        .toArray();
        System.out.printf(
                Locale.ROOT,
                "rate=%.0f rows/s batch=%d features=%d parallelism=%d versions=%d:"
                        + " latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                rate,
                batch,
                d,
                parallelism,
                latencies.length,
                steady[steady.length / 2] / 1e6,
                steady[(int) Math.ceil(steady.length * 0.9) - 1] / 1e6,
                steady[(int) Math.ceil(steady.length * 0.99) - 1] / 1e6,
                steady[steady.length - 1] / 1e6);
    }

    /** Emits seeded rows at a fixed rate and notes when each batch's last row left. */
    private static final class PacedRows implements SourceFunction<Row> {
        private final double rate;
        private final long total;
        private final int d;
        private final int batch;
        private volatile boolean running = true;

        PacedRows(double rate, long total, int d, int batch) {
            this.rate = rate;
            this.total = total;
            this.d = d;
            this.batch = batch;
        }

        @Override
        public void run(SourceContext<Row> ctx) throws Exception {
            double[] truth = LogisticRegressionFitComparison.trueCoefficients(d);
            long start = System.nanoTime();
            for (long i = 0; i < total && running; i++) {
                double[] x = LogisticRegressionFitComparison.features(i, d);
                Row row =
                        Row.of(
                                new DenseVector(x),
                                LogisticRegressionFitComparison.label(i, x, truth));
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(row);
                }
                if ((i + 1) % batch == 0) {
                    // Batch b (0-based) yields version b + 1, looked up as LAST_ROW_SENT[v − 1].
                    LAST_ROW_SENT.put((i + 1) / batch - 1, System.nanoTime());
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
