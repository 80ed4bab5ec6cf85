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
import io.streamml.classification.logisticregression.LogisticRegressionModel;
import io.streamml.linear.loss.LogLoss;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.util.Locale;
import java.util.Random;

/**
 * One run of bounded logistic regression, ours against flink-ml-lib 2.0.0's, on the same seeded
 * rows (generated inside the job from a bounded sequence, so both sides pay the same): wall time
 * and the final mean log-loss of each, plus the generating model's log-loss. Arguments: rows,
 * features, parallelism.
 */
public final class LogisticRegressionFitComparison {
    private LogisticRegressionFitComparison() {}

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        double[] truth = trueCoefficients(d);
        System.out.printf(
                Locale.ROOT,
                "rows=%d features=%d parallelism=%d, generating model log-loss %.5f%n",
                n,
                d,
                parallelism,
                meanLogLoss(n, d, truth, 0));

        long[] oursNanos = new long[1];
        double[] ours = fitOurs(n, d, parallelism, oursNanos);
        double oursSeconds = oursNanos[0] / 1e9;
        double[] oursBeta = java.util.Arrays.copyOf(ours, d);
        System.out.printf(
                Locale.ROOT,
                "ours (lbfgs, defaults): %.1f s, log-loss %.6f%n",
                oursSeconds,
                meanLogLoss(n, d, oursBeta, ours[d]));

        long start = System.nanoTime();
        double[] peer = fitFlinkMl(n, d, parallelism);
        double peerSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "flink-ml-lib 2.0.0 (defaults): %.1f s, log-loss %.6f%n",
                peerSeconds,
                meanLogLoss(n, d, peer, 0));
    }

    static double[] trueCoefficients(int d) {
        Random random = new Random(99);
        double[] beta = new double[d];
        for (int j = 0; j < d; j++) {
            beta[j] = random.nextGaussian() * 2 / Math.sqrt(d) * 2;
        }
        return beta;
    }

    /** Row i, generated from its index alone so any subtask can make it. */
    static double[] features(long i, int d) {
        Random random = new Random(i * 0x9E3779B97F4A7C15L + 17);
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = random.nextGaussian();
        }
        return x;
    }

    static double label(long i, double[] x, double[] truth) {
        double margin = 0;
        for (int j = 0; j < x.length; j++) {
            margin += x[j] * truth[j];
        }
        return new Random(i + 5).nextDouble() < LogLoss.sigmoid(margin) ? 1 : 0;
    }

    static double meanLogLoss(long n, int d, double[] beta, double intercept) {
        double[] truth = trueCoefficients(d);
        double sum = 0;
        for (long i = 0; i < n; i++) {
            double[] x = features(i, d);
            double margin = intercept;
            for (int j = 0; j < d; j++) {
                margin += x[j] * beta[j];
            }
            sum += LogLoss.INSTANCE.loss(label(i, x, truth), margin);
        }
        return sum / n;
    }

    static Table table(StreamExecutionEnvironment env, long n, int d) {
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        double[] truth = trueCoefficients(d);
        return tEnv.fromDataStream(
                env.fromSequence(0, n - 1)
                        .map(
                                i -> {
                                    double[] x = features(i, d);
                                    return Row.of(new DenseVector(x), label(i, x, truth));
                                },
                                new RowTypeInfo(
                                        new TypeInformation<?>[] {
                                            TypeInformation.of(DenseVector.class), Types.DOUBLE
                                        },
                                        new String[] {"features", "label"})));
    }

    /** Fits ours; {@code nanos[0]} gets the wall time of the job that produces the model. */
    static double[] fitOurs(long n, int d, int parallelism, long[] nanos) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        LogisticRegressionModel model = new LogisticRegression().fit(table(env, n, d));
        Table modelData = model.getModelData()[0];
        long start = System.nanoTime();
        Row row = first(StreamTableEnvironment.create(env), modelData, env);
        nanos[0] = System.nanoTime() - start;
        // The summary comes from a second run of the same fit, outside the timed part.
        Row summary = first(null, model.getTrainingSummary(), env);
        System.out.println(
                "ours per round: losses "
                        + java.util.Arrays.toString((double[]) summary.getField("losses"))
                        + "\n  elapsed ms "
                        + java.util.Arrays.toString((long[]) summary.getField("elapsedMs")));
        double[] beta = ((DenseVector) row.getField("coefficient")).values;
        double[] result = java.util.Arrays.copyOf(beta, d + 1);
        result[d] = (Double) row.getField("intercept");
        return result;
    }

    static double[] fitFlinkMl(long n, int d, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        Table modelData =
                new org.apache.flink.ml.classification.logisticregression.LogisticRegression()
                        .fit(table(env, n, d))
                        .getModelData()[0];
        Row row = first(StreamTableEnvironment.create(env), modelData, env);
        return ((DenseVector) row.getField(0)).values;
    }

    private static Row first(
            StreamTableEnvironment unused, Table table, StreamExecutionEnvironment env)
            throws Exception {
        StreamTableEnvironment tEnv =
                (StreamTableEnvironment)
                        ((org.apache.flink.table.api.internal.TableImpl) table)
                                .getTableEnvironment();
        try (CloseableIterator<Row> it = tEnv.toDataStream(table).executeAndCollect()) {
            return it.next();
        }
    }
}
