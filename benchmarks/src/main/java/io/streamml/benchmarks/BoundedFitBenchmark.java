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

import io.streamml.benchmarks.data.LinearObjective;
import io.streamml.benchmarks.data.SyntheticRows;
import io.streamml.benchmarks.flink.CollectedRows;
import io.streamml.benchmarks.report.SideFigures;
import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.classification.logisticregression.LogisticRegressionModel;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.regression.linearregression.LinearRegression;
import io.streamml.regression.linearregression.LinearRegressionModel;

import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

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
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Bounded fits, one whole Flink job per invocation at parallelism 2 on the same seeded rows: our
 * LogisticRegression against flink-ml-lib 2.0.0's (its defaults, and more rounds with larger
 * batches), our LinearRegression and StandardScaler; {@link PassThroughBenchmark} is the engine's
 * floor for the same rows. The score is the job's wall time; fits also report the objective of the
 * model they return (mean loss over all rows, one evaluator for every side) and its gap to the
 * optimum, and ours the rounds it ran and its per-round objective curve.
 *
 * <p>Five warm-up jobs, not three: a fit runs much more code than the pass-through (the iteration
 * runtime, caching, the optimizer), and its fourth job in a fresh JVM was still up to 1.5× slower
 * than its steady state. Every side of the comparison warms up alike.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5)
@Measurement(iterations = 3)
public class BoundedFitBenchmark {
    /** The batch size of flink-ml-lib's tuned setting (its default: 32). */
    public static final int PEER_TUNED_BATCH_SIZE = 10_000;

    /** Rows × features. */
    @Param({"100000x20", "1000000x100"})
    public String size;

    /**
     * The rounds of flink-ml-lib's tuned setting (its default: 20). Each of its rounds costs about
     * 0.3 s whatever the data size, so the smoke pass shrinks this.
     */
    @Param({"100"})
    public int peerTunedMaxIter;

    private SyntheticRows rows;

    @Setup(Level.Trial)
    public void generateRows() {
        rows = SyntheticRows.of(size);
    }

    @Benchmark
    public void logisticRegression(
            FlinkCluster cluster, FitObjective fit, TrainingSummaryFigures summary)
            throws Exception {
        LogisticRegressionModel model = new LogisticRegression().fit(cluster.table(rows));
        runOurFit(cluster, model.getModelData()[0], model.getTrainingSummary(), summary);
        fit.fitted(LinearObjective.logistic(rows), collectedModel());
    }

    @Benchmark
    public void flinkMlLogisticRegression(FlinkCluster cluster, FitObjective fit) throws Exception {
        runPeerFit(
                cluster,
                new org.apache.flink.ml.classification.logisticregression.LogisticRegression(),
                fit);
    }

    @Benchmark
    public void flinkMlLogisticRegressionTuned(FlinkCluster cluster, FitObjective fit)
            throws Exception {
        runPeerFit(
                cluster,
                new org.apache.flink.ml.classification.logisticregression.LogisticRegression()
                        .setMaxIter(peerTunedMaxIter)
                        .setGlobalBatchSize(PEER_TUNED_BATCH_SIZE),
                fit);
    }

    @Benchmark
    public void linearRegression(
            FlinkCluster cluster, FitObjective fit, TrainingSummaryFigures summary)
            throws Exception {
        LinearRegressionModel model =
                new LinearRegression().setLabelCol("target").fit(cluster.table(rows));
        runOurFit(cluster, model.getModelData()[0], model.getTrainingSummary(), summary);
        fit.fitted(LinearObjective.leastSquares(rows), collectedModel());
    }

    @Benchmark
    public Row standardScaler(FlinkCluster cluster) throws Exception {
        Table modelData =
                new StandardScaler()
                        .setInputCol("features")
                        .setWithMean(true)
                        .fit(cluster.table(rows))
                        .getModelData()[0];
        cluster.tEnv.toDataStream(modelData).addSink(CollectedRows.into("scaler"));
        cluster.execute("StandardScaler fit");
        return CollectedRows.takeOnly("scaler");
    }

    /** Runs one job that yields both the model (collected as "model") and the summary. */
    private static void runOurFit(
            FlinkCluster cluster, Table modelData, Table summary, TrainingSummaryFigures figures)
            throws Exception {
        cluster.tEnv.toDataStream(modelData).addSink(CollectedRows.into("model"));
        cluster.tEnv.toDataStream(summary).addSink(CollectedRows.into("summary"));
        cluster.execute("our fit");
        figures.summary(CollectedRows.takeOnly("summary"));
    }

    /** Our model collected by {@link #runOurFit}: coefficients, then the intercept. */
    private static double[] collectedModel() {
        Row model = CollectedRows.takeOnly("model");
        double[] coefficients = ((DenseVector) model.getField("coefficient")).values;
        double[] parameters = Arrays.copyOf(coefficients, coefficients.length + 1);
        parameters[coefficients.length] = (Double) model.getField("intercept");
        return parameters;
    }

    private void runPeerFit(
            FlinkCluster cluster,
            org.apache.flink.ml.classification.logisticregression.LogisticRegression peer,
            FitObjective fit)
            throws Exception {
        Table modelData = peer.fit(cluster.table(rows)).getModelData()[0];
        cluster.tEnv.toDataStream(modelData).addSink(CollectedRows.into("model"));
        cluster.execute("flink-ml-lib fit");
        // Its model data is the coefficients alone: it fits no intercept.
        double[] coefficients = ((DenseVector) CollectedRows.takeOnly("model").getField(0)).values;
        fit.fitted(LinearObjective.logistic(rows), Arrays.copyOf(coefficients, rows.dim + 1));
    }

    /**
     * The objective of the model a fit returned and its gap to the optimum, both evaluated after
     * the iteration, outside the timed job.
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class FitObjective {
        /** Mean loss of the fitted model over all rows. */
        public double objective;

        /** {@link #objective} minus the optimum's (L-BFGS in plain Java to 1e-12). */
        public double gapToOptimum;

        private LinearObjective function;
        private double[] parameters;
        private double optimum = Double.NaN;

        /** The fitted model's coefficients, then its intercept, and what it minimizes. */
        void fitted(LinearObjective function, double[] parameters) {
            this.function = function;
            this.parameters = parameters;
        }

        @TearDown(Level.Iteration)
        public void evaluate() {
            objective = function.valueAndGradient(parameters, new double[parameters.length]);
            if (Double.isNaN(optimum)) {
                optimum = function.minimum();
            }
            gapToOptimum = objective - optimum;
        }
    }

    /**
     * Our fit's rounds and training time (from its training summary); the per-round objective and
     * elapsed time go to a side file for the report's time-to-the-peer's-loss.
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class TrainingSummaryFigures {
        public int rounds;

        /** From the workers' first replies to the end of the last round. */
        public double trainingSeconds;

        private double[] losses;
        private long[] elapsedMs;

        void summary(Row summary) {
            rounds = (Integer) summary.getField("rounds");
            losses = (double[]) summary.getField("losses");
            elapsedMs = (long[]) summary.getField("elapsedMs");
            trainingSeconds = elapsedMs.length == 0 ? 0 : elapsedMs[elapsedMs.length - 1] / 1e3;
        }

        @TearDown(Level.Iteration)
        public void writeCurve(BenchmarkParams params) {
            Map<String, Object> curve = new LinkedHashMap<>();
            curve.put("losses", losses);
            curve.put("elapsedMs", elapsedMs);
            SideFigures.write(curveName(params.getBenchmark(), params.getParam("size")), curve);
        }
    }

    /** The side file name of a fit's curve. */
    public static String curveName(String benchmark, String size) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1) + "-" + size;
    }
}
