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
package io.streamml.regression.linearregression;

import io.streamml.common.window.EventTimeTumblingWindows;
import io.streamml.linear.LinearModelData;
import io.streamml.linear.loss.SquaredLoss;
import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.FailureInjector;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.ReferenceSolvers;
import io.streamml.testutil.RegularizedObjective;
import io.streamml.testutil.SyntheticData;
import io.streamml.testutil.TestJob;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.streamml.testutil.Causes.assertCauseContains;
import static io.streamml.testutil.LinearTestData.COLUMNS;
import static io.streamml.testutil.LinearTestData.modelData;
import static io.streamml.testutil.LinearTestData.rows;
import static io.streamml.testutil.LinearTestData.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests online training of {@link LinearRegression} (and the shared online trainer). */
class OnlineLinearRegressionTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final SyntheticData DATA =
            SyntheticData.linear(11, 200, new double[] {1.5, -0.5}, 0.8, 0.2, false);

    private static LinearModelData fromRow(Row row) {
        return new LinearModelData(
                (DenseVector) row.getField("coefficient"),
                (Double) row.getField("intercept"),
                (Long) row.getField("modelVersion"),
                (Long) row.getField("timestamp"));
    }

    /**
     * Online SGD versions over DATA in batches of {@code batch} at {@code parallelism}, optionally
     * with failures after the given numbers of rows on one subtask.
     */
    private static List<LinearModelData> sgdVersions(int parallelism, int batch, long... failures)
            throws Exception {
        return sgdVersions(DATA, parallelism, batch, failures);
    }

    /** Online SGD versions (learning rate 0.2) over {@code data}, one release per batch. */
    private static List<LinearModelData> sgdVersions(
            SyntheticData data, int parallelism, int batch, long... failures) throws Exception {
        return sgdVersions(TestJob.withParallelism(parallelism), data, batch, failures);
    }

    private static List<LinearModelData> sgdVersions(
            TestJob job, SyntheticData data, int batch, long... failures) throws Exception {
        ControllableSource source = new ControllableSource();
        Table train = job.unboundedTable(source, COLUMNS, types(DenseVector.class), false);
        if (failures.length > 0) {
            train =
                    job.tEnv.fromDataStream(
                            FailureInjector.failAfter(job.tEnv.toDataStream(train), failures));
        }
        Table versions =
                new LinearRegression()
                        .setOptimizer("sgd")
                        .setLearningRate(0.2)
                        .setGlobalBatchSize(batch)
                        .fit(train)
                        .getModelData()[0];
        List<Row> rows = rows(data, false);
        List<LinearModelData> result = new ArrayList<>();
        try (CloseableIterator<Row> it = job.start(versions)) {
            for (int b = 0; b < rows.size() / batch; b++) {
                source.release(rows.subList(b * batch, (b + 1) * batch).toArray(new Row[0]));
                result.add(fromRow(TestJob.take(it, 1).get(0)));
            }
        }
        return result;
    }

    /**
     * Checks {@code versions} against the same updates written out here, from zeros: β −= 0.2 · Σ(ŷ
     * − y)x / n per batch of {@code batch} consecutive rows of {@code data}.
     */
    private static void assertSequentialSgd(
            SyntheticData data, int batch, List<LinearModelData> versions, double tolerance) {
        double[] beta = new double[3];
        for (int b = 0; b < versions.size(); b++) {
            double[] gradient = new double[3];
            for (int r = b * batch; r < (b + 1) * batch; r++) {
                double[] x = data.features[r];
                double error = beta[0] * x[0] + beta[1] * x[1] + beta[2] - data.labels[r];
                gradient[0] += error * x[0];
                gradient[1] += error * x[1];
                gradient[2] += error;
            }
            for (int j = 0; j < 3; j++) {
                beta[j] -= 0.2 * gradient[j] / batch;
            }
            LinearModelData version = versions.get(b);
            assertEquals(b + 1, version.modelVersion);
            assertEquals(Long.MAX_VALUE, version.timestamp);
            assertArrayEquals(
                    new double[] {beta[0], beta[1]}, version.coefficient.values, tolerance);
            assertEquals(beta[2], version.intercept, tolerance);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void testSgdMatchesSequentialUpdates(int parallelism) throws Exception {
        List<LinearModelData> versions = sgdVersions(parallelism, 20);
        assertEquals(DATA.features.length / 20, versions.size());
        assertSequentialSgd(DATA, 20, versions, 1e-12);
    }

    /** Object reuse (a common Flink tuning) changes nothing: no operator keeps an input record. */
    @Test
    void testObjectReuseGivesTheSameVersions() throws Exception {
        List<LinearModelData> versions =
                sgdVersions(TestJob.withParallelism(4).withObjectReuse(), DATA, 20, 30, 110);
        assertEquals(DATA.features.length / 20, versions.size());
        assertSequentialSgd(DATA, 20, versions, 1e-12);
    }

    @Test
    void testLargeBatchesTravelInPiecesAndMatchSequentialUpdates() throws Exception {
        // 20,000 rows per batch at parallelism 2: each subtask's share of 10,000 rows (2 features,
        // 36 bytes a row) reaches its worker as a piece of 7,282 rows (256 KiB) sent ahead of the
        // closing rest.
        SyntheticData data =
                SyntheticData.linear(5, 40_000, new double[] {0.5, -1}, 0.3, 0.1, false);
        List<LinearModelData> versions = sgdVersions(data, 2, 20_000);
        assertEquals(2, versions.size());
        assertSequentialSgd(data, 20_000, versions, 1e-9);
    }

    @Test
    void testEventTimeWindowsTimestampsAndLateRows() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        ControllableSource source = new ControllableSource();
        Table train = job.unboundedTable(source, COLUMNS, types(DenseVector.class), true);
        Table versions =
                new LinearRegression()
                        .setOptimizer("sgd")
                        .setLearningRate(0.1)
                        .setWindows(EventTimeTumblingWindows.of(Time.milliseconds(100)))
                        .fit(train)
                        .getModelData()[0];
        double[][] x = {{1, 0}, {0, 1}, {1, 1}, {2, 0}};
        double[] y = {2, 1, 3, 1};
        try (CloseableIterator<Row> it = job.start(versions)) {
            source.releaseAt(10, Row.of(0, Vectors.dense(x[0]), y[0], 1.0));
            source.releaseAt(20, Row.of(1, Vectors.dense(x[1]), y[1], 1.0));
            source.watermark(99);
            LinearModelData first = fromRow(TestJob.take(it, 1).get(0));
            assertEquals(1, first.modelVersion);
            assertEquals(100, first.timestamp);
            // Row 2 belongs to the closed window [0, 100): late, so it joins [100, 200)'s batch.
            source.releaseAt(30, Row.of(2, Vectors.dense(x[2]), y[2], 1.0));
            source.releaseAt(150, Row.of(3, Vectors.dense(x[3]), y[3], 1.0));
            source.watermark(199);
            LinearModelData second = fromRow(TestJob.take(it, 1).get(0));
            assertEquals(2, second.modelVersion);
            assertEquals(200, second.timestamp);

            // Oracle: SGD on the mean squared-error gradient of each batch, from zeros.
            double[] beta = new double[3];
            int[][] batches = {{0, 1}, {2, 3}};
            LinearModelData[] got = {first, second};
            for (int b = 0; b < 2; b++) {
                double[] gradient = new double[3];
                for (int r : batches[b]) {
                    double error = beta[0] * x[r][0] + beta[1] * x[r][1] + beta[2] - y[r];
                    gradient[0] += error * x[r][0];
                    gradient[1] += error * x[r][1];
                    gradient[2] += error;
                }
                for (int j = 0; j < 3; j++) {
                    beta[j] -= 0.1 * gradient[j] / batches[b].length;
                }
                assertArrayEquals(
                        new double[] {beta[0], beta[1]}, got[b].coefficient.values, 1e-12);
                assertEquals(beta[2], got[b].intercept, 1e-12);
            }
        }
        assertEquals(1, job.counter(CLUSTER, "LinearRegression.slices", "numLateRows"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void testFailuresGiveTheSameVersions(int parallelism) throws Exception {
        int before = FailureInjector.totalFailures();
        List<LinearModelData> expected = sgdVersions(parallelism, 20);
        // Failures after 60 rows of the stream: 60 / p rows on one subtask.
        long rows = 60 / parallelism;
        List<LinearModelData> recovered = sgdVersions(parallelism, 20, rows, rows, rows);
        assertEquals(before + 3, FailureInjector.totalFailures());
        assertEquals(expected.size(), recovered.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).modelVersion, recovered.get(i).modelVersion);
            assertArrayEquals(
                    expected.get(i).coefficient.values, recovered.get(i).coefficient.values, 0);
            assertEquals(expected.get(i).intercept, recovered.get(i).intercept, 0);
        }
    }

    @Test
    void testOnePassConvergesNearTheBoundedOptimum() throws Exception {
        SyntheticData data =
                SyntheticData.linear(12, 4000, new double[] {1.5, -0.5}, 0.8, 0.5, false);
        TestJob job = TestJob.withParallelism(2);
        // A bounded Table replayed as a stream: trainingMode "online".
        Table train = job.boundedTable(COLUMNS, types(DenseVector.class), rows(data, false));
        Table versions =
                new LinearRegression()
                        .setTrainingMode("online")
                        .setOptimizer("sgd")
                        .setLearningRate(0.1)
                        .setGlobalBatchSize(50)
                        .fit(train)
                        .getModelData()[0];
        List<Row> all = job.collect(versions);
        assertEquals(4000 / 50, all.size());
        LinearModelData last = fromRow(all.get(all.size() - 1));
        RegularizedObjective objective =
                new RegularizedObjective(SquaredLoss.INSTANCE, data, 0, 0, true);
        double best = objective.value(ReferenceSolvers.newton(objective));
        double online =
                objective.value(
                        new double[] {
                            last.coefficient.values[0], last.coefficient.values[1], last.intercept
                        });
        assertTrue(online <= best * 1.05, online + " vs optimum " + best);
    }

    private static LinearRegressionModel replayedOnlineFit(Table train) {
        return new LinearRegression()
                .setTrainingMode("online")
                .setOptimizer("sgd")
                .setLearningRate(0.1)
                .setGlobalBatchSize(50)
                .fit(train);
    }

    @Test
    void testKeepNewestVersionScoresEveryRowWithTheFinalModel() throws Exception {
        SyntheticData data =
                SyntheticData.linear(13, 600, new double[] {1.5, -0.5}, 0.8, 0.5, false);
        List<Row> rows = rows(data, false);
        TestJob versionsJob = TestJob.withParallelism(1);
        List<Row> all =
                versionsJob.collect(
                        replayedOnlineFit(
                                        versionsJob.boundedTable(
                                                COLUMNS, types(DenseVector.class), rows))
                                .getModelData()[0]);
        LinearModelData last = fromRow(all.get(all.size() - 1));
        assertEquals(600 / 50, last.modelVersion);

        TestJob job = TestJob.withParallelism(1);
        LinearRegressionModel model =
                replayedOnlineFit(job.boundedTable(COLUMNS, types(DenseVector.class), rows))
                        .keepNewestVersion();
        LinearModelData kept = modelData(job, model.getModelData()[0]);
        assertEquals(last.modelVersion, kept.modelVersion);
        assertArrayEquals(last.coefficient.values, kept.coefficient.values, 0);
        assertEquals(last.intercept, kept.intercept, 0);

        // Every row of a bounded transform meets that version: β·x + b computed here.
        List<Row> scored =
                job.collect(
                        model.transform(
                                        job.boundedTable(
                                                COLUMNS,
                                                types(DenseVector.class),
                                                rows.subList(0, 40)))[0]);
        assertEquals(40, scored.size());
        for (Row row : scored) {
            double[] x = ((DenseVector) row.getField("features")).values;
            double expected = last.intercept;
            for (int j = 0; j < x.length; j++) {
                expected += last.coefficient.values[j] * x[j];
            }
            assertEquals(expected, (Double) row.getField("prediction"), 1e-12);
        }

        // Unbounded model data has no newest version to wait for.
        TestJob streaming = TestJob.withParallelism(1);
        LinearRegressionModel online =
                new LinearRegression()
                        .fit(
                                streaming.unboundedTable(
                                        new ControllableSource(),
                                        COLUMNS,
                                        types(DenseVector.class),
                                        false));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, online::keepNewestVersion);
        assertTrue(e.getMessage().contains("unbounded"), e.getMessage());
    }

    @Test
    void testCountBatchesCarryTheirLatestEventTime() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        ControllableSource source = new ControllableSource();
        Table train = job.unboundedTable(source, COLUMNS, types(DenseVector.class), true);
        Table versions = new LinearRegression().setGlobalBatchSize(3).fit(train).getModelData()[0];
        try (CloseableIterator<Row> it = job.start(versions)) {
            // Dealt as one release: subtask 0 gets its share of 2 rows, subtask 1 its 1.
            source.releaseAt(
                    new long[] {500, 700, 600},
                    Row.of(0, Vectors.dense(1.0, 0.0), 2.0, 1.0),
                    Row.of(1, Vectors.dense(0.0, 1.0), 1.0, 1.0),
                    Row.of(2, Vectors.dense(1.0, 1.0), 3.0, 1.0));
            assertEquals(700L, TestJob.take(it, 1).get(0).getField("timestamp"));
        }
    }

    @Test
    void testSavedVersionsWarmStartTheNextFit(@TempDir Path dir) throws Exception {
        String path = dir.resolve("online").toString();
        TestJob job = TestJob.withParallelism(2);
        ControllableSource source = new ControllableSource();
        Table train = job.unboundedTable(source, COLUMNS, types(DenseVector.class), false);
        LinearRegressionModel model =
                new LinearRegression().setOptimizer("sgd").setGlobalBatchSize(20).fit(train);
        model.save(path);
        JobClient client = job.env.executeAsync(job.name);
        List<Row> rows = rows(DATA, false);
        LinearModelData saved = null;
        try {
            source.release(rows.subList(0, 60).toArray(new Row[0]));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                File[] files = new File(path, "data").listFiles(f -> !f.getName().startsWith("."));
                if (files != null && files.length > 0) {
                    TestJob reader = TestJob.withParallelism(1);
                    saved =
                            modelData(
                                    reader,
                                    LinearRegressionModel.load(reader.env, path).getModelData()[0]);
                    if (saved.modelVersion == 3) {
                        break;
                    }
                }
                Thread.sleep(200);
            }
        } finally {
            client.cancel().get();
        }
        assertEquals(3, saved.modelVersion);

        // The loaded model warm-starts a new online fit: versions continue at 4.
        TestJob next = TestJob.withParallelism(2);
        ControllableSource nextSource = new ControllableSource();
        Table nextTrain = next.unboundedTable(nextSource, COLUMNS, types(DenseVector.class), false);
        Table versions =
                new LinearRegression()
                        .setOptimizer("sgd")
                        .setGlobalBatchSize(20)
                        .setInitialModelData(
                                LinearRegressionModel.load(next.env, path).getModelData()[0])
                        .fit(nextTrain)
                        .getModelData()[0];
        try (CloseableIterator<Row> it = next.start(versions)) {
            nextSource.release(rows.subList(60, 80).toArray(new Row[0]));
            assertEquals(4L, TestJob.take(it, 1).get(0).getField("modelVersion"));
        }
    }

    @Test
    void testTrainingModeBatchRejectsUnboundedInput() {
        TestJob job = TestJob.withParallelism(1);
        Table train =
                job.unboundedTable(
                        new ControllableSource(), COLUMNS, types(DenseVector.class), false);
        Exception e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new LinearRegression().setTrainingMode("batch").fit(train));
        assertCauseContains(e, "LinearRegression: trainingMode 'batch' needs a bounded Table");
    }

    @Test
    void testInvalidRowFailsOnlineTraining() {
        TestJob job = TestJob.withParallelism(2);
        ControllableSource source = new ControllableSource();
        Table train = job.unboundedTable(source, COLUMNS, types(DenseVector.class), false);
        Table versions = new LinearRegression().setGlobalBatchSize(2).fit(train).getModelData()[0];
        Exception e =
                assertThrows(
                        Exception.class,
                        () -> {
                            try (CloseableIterator<Row> it = job.start(versions)) {
                                source.release(
                                        Row.of(0, Vectors.dense(1.0, 2.0), 1.0, 1.0),
                                        Row.of(1, Vectors.dense(1.0, Double.NaN), 1.0, 1.0));
                                TestJob.take(it, 1);
                            }
                        });
        assertCauseContains(e, "LinearRegression: invalid value in column 'features'");
    }
}
