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
package io.streamml.feature.standardscaler;

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.common.window.EventTimeTumblingWindows;
import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.FailureInjector;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.ml.builder.Pipeline;
import org.apache.flink.ml.builder.PipelineModel;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static io.streamml.testutil.Causes.assertCauseContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link StandardScaler} and {@link StandardScalerModel}. */
class StandardScalerTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final String[] COLUMNS = {"id", "input"};
    private static final TypeInformation<?>[] TYPES = {
        Types.INT, TypeInformation.of(DenseVector.class)
    };

    /** Flink ML's StandardScaler test fixture. */
    private static final List<Row> FIXTURE =
            Arrays.asList(
                    Row.of(0, Vectors.dense(-2.5, 9, 1)),
                    Row.of(1, Vectors.dense(1.4, -5, 1)),
                    Row.of(2, Vectors.dense(2, -1, -2)));

    private static final double[] FIXTURE_MEAN = {0.3, 1, 0};
    private static final double[] FIXTURE_STD = {2.4433583, 7.2111026, 1.7320508};

    @Test
    void testParam() {
        StandardScaler scaler = new StandardScaler();
        assertEquals("input", scaler.getInputCol());
        assertEquals("output", scaler.getOutputCol());
        assertFalse(scaler.getWithMean());
        assertTrue(scaler.getWithStd());
        assertEquals(1.0, scaler.getDecayFactor());
        assertEquals("error", scaler.getHandleInvalid());
        assertNull(scaler.getModelVersionCol());
        assertNull(scaler.getMaxAllowedModelDelayMs());

        scaler.setInputCol("f")
                .setOutputCol("scaled")
                .setWithMean(true)
                .setWithStd(false)
                .setDecayFactor(0.5)
                .setWindows(CountTumblingWindows.of(7))
                .setHandleInvalid("skip")
                .setModelVersionCol("version")
                .setMaxAllowedModelDelayMs(10L);
        assertEquals("f", scaler.getInputCol());
        assertEquals("scaled", scaler.getOutputCol());
        assertTrue(scaler.getWithMean());
        assertFalse(scaler.getWithStd());
        assertEquals(0.5, scaler.getDecayFactor());
        assertEquals(CountTumblingWindows.of(7), scaler.getWindows());
        assertEquals("skip", scaler.getHandleInvalid());
        assertEquals("version", scaler.getModelVersionCol());
        assertEquals(10L, scaler.getMaxAllowedModelDelayMs());
        assertThrows(IllegalArgumentException.class, () -> scaler.setDecayFactor(0.0));
        assertThrows(IllegalArgumentException.class, () -> scaler.setHandleInvalid("keep"));
    }

    @Test
    void testOutputSchema() {
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, TYPES, FIXTURE);
        Table output =
                new StandardScaler()
                        .setOutputCol("scaled")
                        .setModelVersionCol("version")
                        .fit(input)
                        .transform(input)[0];
        assertEquals(
                Arrays.asList("id", "input", "scaled", "version"),
                output.getResolvedSchema().getColumnNames());
        Table modelData = new StandardScaler().fit(input).getModelData()[0];
        assertEquals(
                Arrays.asList("mean", "std", "modelVersion", "timestamp"),
                modelData.getResolvedSchema().getColumnNames());
    }

    @Test
    void testFitAndPredictFixture() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, TYPES, FIXTURE);
        StandardScalerModel model = new StandardScaler().fit(input);

        StandardScalerModelData data = modelData(job, model).get(0);
        assertArrayEquals(FIXTURE_MEAN, data.mean.values, 1e-7);
        assertArrayEquals(FIXTURE_STD, data.std.values, 1e-7);
        assertEquals(0, data.modelVersion);
        assertEquals(Long.MAX_VALUE, data.timestamp);

        model.setWithMean(true).setWithStd(false);
        assertOutputs(
                job,
                model.transform(input)[0],
                new double[][] {{-2.8, 8, 1}, {1.1, -6, 1}, {1.7, -2, -2}});
        model.setWithMean(true).setWithStd(true);
        assertOutputs(
                job,
                model.transform(input)[0],
                new double[][] {
                    {-1.1459637, 1.1094004, 0.5773503},
                    {0.45020003, -0.8320503, 0.5773503},
                    {0.69576368, -0.2773501, -1.1547005}
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void testFitMatchesTwoPassOracle(int parallelism) throws Exception {
        Random random = new Random(42);
        List<Row> rows = new ArrayList<>();
        int n = 500;
        int d = 4;
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                // Feature 3 sits at 1e9 with unit noise: a sum of squares loses it entirely.
                x[i][j] = j == 3 ? 1e9 + random.nextGaussian() : random.nextGaussian() * (j + 1);
            }
            rows.add(Row.of(i, new DenseVector(x[i].clone())));
        }
        TestJob job = TestJob.withParallelism(parallelism);
        StandardScalerModelData data =
                modelData(job, new StandardScaler().fit(job.boundedTable(COLUMNS, TYPES, rows)))
                        .get(0);
        double[][] oracle = twoPassMeanAndStd(x);
        for (int j = 0; j < d; j++) {
            assertEquals(oracle[0][j], data.mean.values[j], Math.abs(oracle[0][j]) * 1e-14);
            // At 1e9 the inputs themselves are only known to ~1e-7 (their spacing).
            double tolerance = j == 3 ? 1e-6 : 1e-12;
            assertEquals(oracle[1][j], data.std.values[j], oracle[1][j] * tolerance);
        }
        // The sum-of-squares shortcut fails on feature 3, so the check above has teeth.
        double sum = 0;
        double squares = 0;
        for (double[] row : x) {
            sum += row[3];
            squares += row[3] * row[3];
        }
        double naiveVariance = (squares - sum * sum / n) / (n - 1);
        assertTrue(Math.abs(Math.sqrt(Math.abs(naiveVariance)) - oracle[1][3]) > 0.1);
    }

    @Test
    void testSameResultAtParallelismOneAndFour() throws Exception {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(
                    Row.of(
                            i,
                            Vectors.dense(
                                    random.nextDouble() * 100,
                                    random.nextGaussian(),
                                    1e9 + random.nextGaussian())));
        }
        StandardScalerModelData[] results = new StandardScalerModelData[2];
        int[] parallelisms = {1, 4};
        for (int k = 0; k < 2; k++) {
            TestJob job = TestJob.withParallelism(parallelisms[k]);
            results[k] =
                    modelData(job, new StandardScaler().fit(job.boundedTable(COLUMNS, TYPES, rows)))
                            .get(0);
        }
        // Exact sums: bit-identical, not merely close.
        assertArrayEquals(results[0].mean.values, results[1].mean.values, 0);
        assertArrayEquals(results[0].std.values, results[1].std.values, 0);
    }

    @Test
    void testSparseInput() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        List<Row> sparseRows = new ArrayList<>();
        double[][] dense = {{0, 2, 0}, {1, 0, 0}, {0, 0, 0}, {3, 4, 0}};
        for (int i = 0; i < dense.length; i++) {
            List<Integer> indices = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                if (dense[i][j] != 0) {
                    indices.add(j);
                    values.add(dense[i][j]);
                }
            }
            sparseRows.add(
                    Row.of(
                            i,
                            new SparseVector(
                                    3,
                                    indices.stream().mapToInt(Integer::intValue).toArray(),
                                    values.stream().mapToDouble(Double::doubleValue).toArray())));
        }
        Table input =
                job.boundedTable(
                        COLUMNS,
                        new TypeInformation<?>[] {
                            Types.INT, TypeInformation.of(SparseVector.class)
                        },
                        sparseRows);
        StandardScalerModel model = new StandardScaler().fit(input);
        StandardScalerModelData data = modelData(job, model).get(0);
        double[][] oracle = twoPassMeanAndStd(dense);
        assertArrayEquals(oracle[0], data.mean.values, 1e-12);
        assertArrayEquals(oracle[1], data.std.values, 1e-12);

        // Without centering, sparse input stays sparse; a zero std scales to 0, never NaN.
        List<Row> scaled = sortById(job.collect(model.transform(input)[0]));
        for (int i = 0; i < dense.length; i++) {
            Vector out = (Vector) scaled.get(i).getField(2);
            assertTrue(out instanceof SparseVector);
            for (int j = 0; j < 3; j++) {
                double expected = oracle[1][j] == 0 ? 0 : dense[i][j] / oracle[1][j];
                assertEquals(expected, out.get(j), 1e-12);
            }
        }
        // Centering densifies.
        model.setWithMean(true);
        scaled = sortById(job.collect(model.transform(input)[0]));
        for (int i = 0; i < dense.length; i++) {
            Vector out = (Vector) scaled.get(i).getField(2);
            assertTrue(out instanceof DenseVector);
            for (int j = 0; j < 3; j++) {
                double expected =
                        oracle[1][j] == 0 ? 0 : (dense[i][j] - oracle[0][j]) / oracle[1][j];
                assertEquals(expected, out.get(j), 1e-12);
            }
        }
    }

    @Test
    void testSingleRowHasZeroStd() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, TYPES, Row.of(0, Vectors.dense(3, -1)));
        StandardScalerModel model = new StandardScaler().setWithMean(true).fit(input);
        assertArrayEquals(new double[] {0, 0}, modelData(job, model).get(0).std.values);
        Vector out = (Vector) job.collect(model.transform(input)[0]).get(0).getField(2);
        assertArrayEquals(new double[] {0, 0}, out.toArray());
    }

    @Test
    void testEmptyTrainingSet() {
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, TYPES, new ArrayList<>());
        Exception e =
                assertThrows(
                        Exception.class, () -> modelData(job, new StandardScaler().fit(input)));
        assertCauseContains(e, "The training set is empty.");
    }

    @Test
    void testInvalidInputFailsWithStageColumnAndReason() {
        Object[][] cases = {
            {null, "the vector is null"},
            {Vectors.dense(1, Double.NaN, 3), "NaN at position 1"},
            {Vectors.dense(1, 2, Double.POSITIVE_INFINITY), "Infinity at position 2"},
            {Vectors.dense(1, 2), "1 of size 2): the features have size 3"},
        };
        for (Object[] c : cases) {
            TestJob job = TestJob.withParallelism(1);
            Table input =
                    job.boundedTable(
                            COLUMNS,
                            TYPES,
                            Row.of(0, Vectors.dense(1, 2, 3)),
                            Row.of(1, c[0]),
                            Row.of(2, Vectors.dense(2, 2, 3)));
            Exception e =
                    assertThrows(
                            Exception.class, () -> modelData(job, new StandardScaler().fit(input)));
            assertCauseContains(e, "StandardScaler");
            assertCauseContains(e, "column 'input'");
            assertCauseContains(e, (String) c[1]);
        }
    }

    @Test
    void testInvalidInputSkippedAndCounted() throws Exception {
        TestJob job = TestJob.withParallelism(1);
        Table train =
                job.boundedTable(
                        COLUMNS,
                        TYPES,
                        Row.of(0, Vectors.dense(1, 2)),
                        Row.of(1, null),
                        Row.of(2, Vectors.dense(Double.NaN, 2)),
                        Row.of(3, Vectors.dense(1, 2, 3)),
                        Row.of(4, Vectors.dense(3, 6)));
        StandardScalerModel model = new StandardScaler().setHandleInvalid("skip").fit(train);
        StandardScalerModelData data = modelData(job, model).get(0);
        assertArrayEquals(new double[] {2, 4}, data.mean.values, 1e-12);
        // The null and NaN rows where rows are read, the row of size 3 where the size is decided.
        assertEquals(
                2,
                job.counter(
                        CLUSTER,
                        "StandardScaler.localStatistics",
                        InvalidRowPolicy.SKIPPED_ROWS_METRIC));
        assertEquals(
                1,
                job.counter(
                        CLUSTER,
                        "StandardScaler.mergeStatistics",
                        InvalidRowPolicy.SKIPPED_ROWS_METRIC));

        List<Row> scored = job.collect(model.transform(train)[0]);
        assertEquals(2, scored.size());
        assertEquals(
                3,
                job.counter(
                        CLUSTER,
                        "StandardScalerModel.transform",
                        InvalidRowPolicy.SKIPPED_ROWS_METRIC));

        // Under "error", the model rejects a row whose size differs from the model's.
        model.setHandleInvalid("error");
        Exception e =
                assertThrows(
                        Exception.class,
                        () ->
                                job.collect(
                                        model.transform(
                                                        job.boundedTable(
                                                                COLUMNS,
                                                                TYPES,
                                                                Row.of(9, Vectors.dense(1, 2, 3))))[
                                                0]));
        assertCauseContains(e, "StandardScalerModel: invalid value in column 'input'");
        assertCauseContains(e, "size 3 but 2 was expected");
    }

    @Test
    void testSaveLoadAndPredict(@TempDir Path dir) throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, TYPES, FIXTURE);
        StandardScaler scaler = new StandardScaler().setWithMean(true);
        String scalerPath = dir.resolve("scaler").toString();
        scaler.save(scalerPath);
        StandardScaler loadedScaler = StandardScaler.load(job.env, scalerPath);
        assertEquals(scaler.getParamMap(), loadedScaler.getParamMap());

        StandardScalerModel model = loadedScaler.fit(input);
        String modelPath = dir.resolve("model").toString();
        model.save(modelPath);
        job.env.execute();

        StandardScalerModel loaded = StandardScalerModel.load(job.env, modelPath);
        assertTrue(loaded.getWithMean());
        StandardScalerModelData data = modelData(job, loaded).get(0);
        assertArrayEquals(FIXTURE_MEAN, data.mean.values, 1e-7);
        assertArrayEquals(FIXTURE_STD, data.std.values, 1e-7);

        // PipelineModel.load goes through load(StreamExecutionEnvironment, String).
        PipelineModel pipelineModel =
                new Pipeline(Arrays.asList(new StandardScaler().setWithMean(true))).fit(input);
        String pipelinePath = dir.resolve("pipeline").toString();
        pipelineModel.save(pipelinePath);
        job.env.execute();
        PipelineModel loadedPipeline = PipelineModel.load(job.env, pipelinePath);
        assertOutputs(
                job,
                loadedPipeline.transform(input)[0],
                new double[][] {
                    {-1.1459637, 1.1094004, 0.5773503},
                    {0.45020003, -0.8320503, 0.5773503},
                    {0.69576368, -0.2773501, -1.1547005}
                });
    }

    @Test
    void testOnlineModelSavedAsVersionsAreProduced(@TempDir Path dir) throws Exception {
        TestJob job = TestJob.withParallelism(2);
        ControllableSource source = new ControllableSource();
        Table input = job.unboundedTable(source, COLUMNS, TYPES, false);
        StandardScalerModel model =
                new StandardScaler().setWindows(CountTumblingWindows.of(2)).fit(input);
        String path = dir.resolve("online").toString();
        model.save(path);
        JobClient client = job.env.executeAsync(job.name);
        try {
            List<Row> rows = randomRows(new Random(9), 4, 2);
            source.release(rows.toArray(new Row[0]));
            // Versions 0 and 1 become durable at the next checkpoints; load keeps the newest.
            double[][] oracle = twoPassMeanAndStd(vectors(rows));
            long deadline = System.currentTimeMillis() + 60_000;
            StandardScalerModelData newest = null;
            while (System.currentTimeMillis() < deadline) {
                if (hasCommittedFiles(dir.resolve("online").resolve("data"))) {
                    TestJob reader = TestJob.withParallelism(1);
                    newest = modelData(reader, StandardScalerModel.load(reader.env, path)).get(0);
                    if (newest.modelVersion == 1) {
                        break;
                    }
                }
                Thread.sleep(200);
            }
            assertEquals(1, newest.modelVersion);
            assertArrayEquals(oracle[0], newest.mean.values, 1e-12);
            assertArrayEquals(oracle[1], newest.std.values, 1e-12);
        } finally {
            client.cancel().get();
        }
    }

    private static boolean hasCommittedFiles(Path dataDir) {
        java.io.File[] files = dataDir.toFile().listFiles(f -> !f.getName().startsWith("."));
        return files != null && files.length > 0;
    }

    @Test
    void testGetAndSetModelData() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, TYPES, FIXTURE);
        Table modelData = new StandardScaler().fit(input).getModelData()[0];
        StandardScalerModel model =
                new StandardScalerModel().setModelData(modelData).setWithMean(true);
        assertOutputs(
                job,
                model.transform(input)[0],
                new double[][] {
                    {-1.1459637, 1.1094004, 0.5773503},
                    {0.45020003, -0.8320503, 0.5773503},
                    {0.69576368, -0.2773501, -1.1547005}
                });
    }

    @Test
    void testOnlineFitWithCountWindows() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        ControllableSource source = new ControllableSource();
        Table input = job.unboundedTable(source, COLUMNS, TYPES, false);
        Table modelData =
                new StandardScaler()
                        .setWindows(CountTumblingWindows.of(3))
                        .fit(input)
                        .getModelData()[0];
        List<Row> rows = randomRows(new Random(3), 9, 2);
        try (CloseableIterator<Row> it = job.start(modelData)) {
            List<StandardScalerModelData> versions = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                source.release(rows.subList(w * 3, w * 3 + 3).toArray(new Row[0]));
                versions.add(fromRow(TestJob.take(it, 1).get(0)));
            }
            for (int w = 0; w < 3; w++) {
                StandardScalerModelData version = versions.get(w);
                assertEquals(w, version.modelVersion);
                assertEquals(Long.MAX_VALUE, version.timestamp);
                double[][] oracle = twoPassMeanAndStd(vectors(rows.subList(0, 3 * w + 3)));
                assertArrayEquals(oracle[0], version.mean.values, 1e-12);
                assertArrayEquals(oracle[1], version.std.values, 1e-12);
            }
        }
        // The three versions seen and their nine rows, counted where the versions are made.
        assertEquals(3, job.counter(CLUSTER, "StandardScaler.versions", "modelVersionsEmitted"));
        assertEquals(9, job.counter(CLUSTER, "StandardScaler.versions", "rowsTrained"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void testOnlineFitSurvivesFailures(int parallelism) throws Exception {
        List<Row> rows = randomRows(new Random(5), 40, 3);
        List<StandardScalerModelData> expected = onlineVersions(rows, parallelism, false);
        int failuresBefore = FailureInjector.totalFailures();
        List<StandardScalerModelData> recovered = onlineVersions(rows, parallelism, true);
        // The recovered run really went through 3 failures and restores.
        assertEquals(failuresBefore + 3, FailureInjector.totalFailures());
        assertEquals(expected.size(), recovered.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).modelVersion, recovered.get(i).modelVersion);
            assertArrayEquals(expected.get(i).mean.values, recovered.get(i).mean.values, 0);
            assertArrayEquals(expected.get(i).std.values, recovered.get(i).std.values, 0);
        }
        // And both match the two-pass oracle over the rows each version has seen.
        for (int i = 0; i < expected.size(); i++) {
            double[][] oracle = twoPassMeanAndStd(vectors(rows.subList(0, 4 * i + 4)));
            assertArrayEquals(oracle[0], recovered.get(i).mean.values, 1e-12);
        }
    }

    /** Ten versions of four rows each, released one version at a time. */
    private List<StandardScalerModelData> onlineVersions(
            List<Row> rows, int parallelism, boolean injectFailures) throws Exception {
        TestJob job = TestJob.withParallelism(parallelism);
        ControllableSource source = new ControllableSource();
        Table input = job.unboundedTable(source, COLUMNS, TYPES, false);
        if (injectFailures) {
            input =
                    job.tEnv.fromDataStream(
                            FailureInjector.failAfter(
                                    // After 8 rows of the stream: 8 / p on one subtask.
                                    job.tEnv.toDataStream(input),
                                    8 / parallelism,
                                    8 / parallelism,
                                    8 / parallelism));
        }
        Table modelData =
                new StandardScaler()
                        .setWindows(CountTumblingWindows.of(4))
                        .fit(input)
                        .getModelData()[0];
        List<StandardScalerModelData> versions = new ArrayList<>();
        try (CloseableIterator<Row> it = job.start(modelData)) {
            for (int w = 0; w < rows.size() / 4; w++) {
                source.release(rows.subList(w * 4, w * 4 + 4).toArray(new Row[0]));
                versions.add(fromRow(TestJob.take(it, 1).get(0)));
            }
        }
        return versions;
    }

    @Test
    void testEventTimeWindowsWithOutOfOrderAndLateRows() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        ControllableSource source = new ControllableSource();
        Table input = job.unboundedTable(source, COLUMNS, TYPES, true);
        Table modelData =
                new StandardScaler()
                        .setWindows(EventTimeTumblingWindows.of(Time.milliseconds(100)))
                        .fit(input)
                        .getModelData()[0];
        try (CloseableIterator<Row> it = job.start(modelData)) {
            // Window [0, 100) gets rows out of order.
            source.releaseAt(50, Row.of(0, Vectors.dense(1.0)));
            source.releaseAt(10, Row.of(1, Vectors.dense(3.0)));
            source.releaseAt(120, Row.of(2, Vectors.dense(100.0)));
            source.watermark(99);
            StandardScalerModelData first = fromRow(TestJob.take(it, 1).get(0));
            assertEquals(0, first.modelVersion);
            assertEquals(100, first.timestamp);
            assertArrayEquals(new double[] {2.0}, first.mean.values, 1e-12);

            // A row for the closed window arrives late: it goes into the next version.
            source.releaseAt(30, Row.of(3, Vectors.dense(5.0)));
            source.releaseAt(150, Row.of(4, Vectors.dense(200.0)));
            source.watermark(199);
            StandardScalerModelData second = fromRow(TestJob.take(it, 1).get(0));
            assertEquals(1, second.modelVersion);
            assertEquals(200, second.timestamp);
            double[][] oracle = twoPassMeanAndStd(new double[][] {{1}, {3}, {5}, {100}, {200}});
            assertArrayEquals(oracle[0], second.mean.values, 1e-12);
            assertArrayEquals(oracle[1], second.std.values, 1e-12);
        }
        assertEquals(1, job.counter(CLUSTER, "StandardScaler.slices", "numLateRows"));
    }

    @Test
    void testDecayFollowsDrift() throws Exception {
        TestJob job = TestJob.withParallelism(1);
        ControllableSource source = new ControllableSource();
        Table input = job.unboundedTable(source, COLUMNS, TYPES, false);
        double decay = 0.5;
        Table modelData =
                new StandardScaler()
                        .setWindows(CountTumblingWindows.of(2))
                        .setDecayFactor(decay)
                        .fit(input)
                        .getModelData()[0];
        double[][] windows = {{0, 2}, {10, 12}, {20, 22}};
        try (CloseableIterator<Row> it = job.start(modelData)) {
            // Oracle: weighted mean with weight decay^(age in windows) per row.
            double weightedSum = 0;
            double weight = 0;
            for (int w = 0; w < windows.length; w++) {
                source.release(
                        Row.of(2 * w, Vectors.dense(windows[w][0])),
                        Row.of(2 * w + 1, Vectors.dense(windows[w][1])));
                StandardScalerModelData version = fromRow(TestJob.take(it, 1).get(0));
                weightedSum = weightedSum * decay + windows[w][0] + windows[w][1];
                weight = weight * decay + 2;
                assertEquals(weightedSum / weight, version.mean.values[0], 1e-12);
            }
        }
    }

    @Test
    void testStreamingTransformUsesNewestVersionAndBuffersEarlyRows() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        ControllableSource trainSource = new ControllableSource();
        ControllableSource rowSource = new ControllableSource();
        Table train = job.unboundedTable(trainSource, COLUMNS, TYPES, false);
        Table rows = job.unboundedTable(rowSource, COLUMNS, TYPES, false);
        StandardScalerModel model =
                new StandardScaler()
                        .setWindows(CountTumblingWindows.of(2))
                        .setWithMean(true)
                        .setWithStd(false)
                        .setModelVersionCol("version")
                        .fit(train);
        try (CloseableIterator<Row> it = job.start(model.transform(rows)[0])) {
            // Arrives before any version exists: waits instead of being dropped.
            rowSource.release(Row.of(100, Vectors.dense(10.0)));
            Thread.sleep(300);
            trainSource.release(Row.of(0, Vectors.dense(1.0)), Row.of(1, Vectors.dense(3.0)));
            Row early = TestJob.take(it, 1).get(0);
            assertEquals(0L, early.getField(3));
            assertEquals(8.0, ((Vector) early.getField(2)).get(0), 1e-12);

            trainSource.release(Row.of(2, Vectors.dense(5.0)), Row.of(3, Vectors.dense(7.0)));
            // Wait until every subtask has version 1, then score.
            job.waitForModelVersion(CLUSTER, "StandardScalerModel.transform", 1L);
            rowSource.release(Row.of(101, Vectors.dense(10.0)));
            Row late = TestJob.take(it, 1).get(0);
            assertEquals(1L, late.getField(3));
            assertEquals(6.0, ((Vector) late.getField(2)).get(0), 1e-12);
        }
    }

    @Test
    void testEventTimeAlignmentWaitsForModel() throws Exception {
        TestJob job = TestJob.withParallelism(1);
        ControllableSource trainSource = new ControllableSource();
        ControllableSource rowSource = new ControllableSource();
        Table train = job.unboundedTable(trainSource, COLUMNS, TYPES, true);
        Table rows = job.unboundedTable(rowSource, COLUMNS, TYPES, true);
        StandardScalerModel model =
                new StandardScaler()
                        .setWindows(EventTimeTumblingWindows.of(Time.milliseconds(100)))
                        .setWithMean(true)
                        .setWithStd(false)
                        .setModelVersionCol("version")
                        .setMaxAllowedModelDelayMs(0L)
                        .fit(train);
        try (CloseableIterator<Row> it = job.start(model.transform(rows)[0])) {
            trainSource.releaseAt(10, Row.of(0, Vectors.dense(1.0)));
            trainSource.watermark(99);
            // Version 0 has timestamp 100: fine for a row at 100, not for a row at 150.
            rowSource.releaseAt(150, Row.of(11, Vectors.dense(10.0)));
            rowSource.releaseAt(100, Row.of(10, Vectors.dense(10.0)));
            Row first = TestJob.take(it, 1).get(0);
            assertEquals(10, first.getField("id"));
            assertEquals(0L, first.getField("version"));

            trainSource.releaseAt(110, Row.of(1, Vectors.dense(3.0)));
            trainSource.watermark(199);
            Row second = TestJob.take(it, 1).get(0);
            assertEquals(11, second.getField("id"));
            assertEquals(1L, second.getField("version"));
            assertEquals(8.0, ((Vector) second.getField("output")).get(0), 1e-12);
        }
    }

    @Test
    void testTransformKeepsEventTimeForTheNextStage() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        StandardScalerModel model =
                new StandardScaler()
                        .setWithMean(true)
                        .setWithStd(false)
                        .fit(job.boundedTable(COLUMNS, TYPES, FIXTURE));
        ControllableSource source = new ControllableSource();
        Table scored = model.transform(job.unboundedTable(source, COLUMNS, TYPES, true))[0];
        assertTrue(
                LogicalTypeChecks.isRowtimeAttribute(
                        scored.getResolvedSchema()
                                .getColumn("rowtime")
                                .get()
                                .getDataType()
                                .getLogicalType()));
        // A second, event-time windowed stage reads the scaled column downstream.
        Table versions =
                new StandardScaler()
                        .setInputCol("output")
                        .setOutputCol("twice")
                        .setWindows(EventTimeTumblingWindows.of(Time.milliseconds(100)))
                        .fit(scored)
                        .getModelData()[0];
        try (CloseableIterator<Row> it = job.start(versions)) {
            source.releaseAt(10, Row.of(0, Vectors.dense(1.0, 2.0, 3.0)));
            source.releaseAt(60, Row.of(1, Vectors.dense(3.0, 4.0, 5.0)));
            source.watermark(99);
            StandardScalerModelData version = fromRow(TestJob.take(it, 1).get(0));
            assertEquals(100, version.timestamp);
            // Mean of the centered rows: ((1, 2, 3) + (3, 4, 5)) / 2 − fixture mean.
            assertArrayEquals(new double[] {1.7, 2, 4}, version.mean.values, 1e-12);
        }
    }

    @Test
    void testScorerMatchesFixtureDirectly() {
        StandardScalerScorer scorer =
                new StandardScalerScorer(
                        new InvalidRowPolicy("StandardScalerModel", "error"),
                        "input",
                        0,
                        true,
                        true);
        scorer.setModel(
                new StandardScalerModelData(
                        new DenseVector(FIXTURE_MEAN), new DenseVector(FIXTURE_STD), 0, 0));
        Row out = new Row(2);
        Vector input = Vectors.dense(-2.5, 9, 1);
        assertNull(scorer.problemOf(input));
        scorer.score(input, out, 1);
        assertArrayEquals(
                new double[] {-1.1459637, 1.1094004, 0.5773503},
                ((Vector) out.getField(1)).toArray(),
                1e-6);
    }

    // ---------------------------------------------------------------- helpers

    private static List<StandardScalerModelData> modelData(TestJob job, StandardScalerModel model)
            throws Exception {
        List<StandardScalerModelData> result = new ArrayList<>();
        for (Row row : job.collect(model.getModelData()[0])) {
            result.add(fromRow(row));
        }
        return result;
    }

    private static StandardScalerModelData fromRow(Row row) {
        return new StandardScalerModelData(
                (DenseVector) row.getField("mean"),
                (DenseVector) row.getField("std"),
                (Long) row.getField("modelVersion"),
                (Long) row.getField("timestamp"));
    }

    private static void assertOutputs(TestJob job, Table output, double[][] expected)
            throws Exception {
        List<Row> rows = sortById(job.collect(output));
        assertEquals(expected.length, rows.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(
                    expected[i], ((Vector) rows.get(i).getField("output")).toArray(), 1e-7);
        }
    }

    private static List<Row> sortById(List<Row> rows) {
        rows.sort(Comparator.comparing(row -> (Integer) row.getField(0)));
        return rows;
    }

    private static List<Row> randomRows(Random random, int n, int d) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] values = new double[d];
            for (int j = 0; j < d; j++) {
                values[j] = random.nextGaussian() * 3 + j;
            }
            rows.add(Row.of(i, new DenseVector(values)));
        }
        return rows;
    }

    private static double[][] vectors(List<Row> rows) {
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = ((Vector) rows.get(i).getField(1)).toArray();
        }
        return x;
    }

    /** Independent oracle: mean, then the sum of squared deviations from it, over n − 1. */
    static double[][] twoPassMeanAndStd(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (double[] row : x) {
                sum += row[j];
            }
            mean[j] = sum / n;
            double squares = 0;
            for (double[] row : x) {
                squares += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            std[j] = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        }
        return new double[][] {mean, std};
    }
}
