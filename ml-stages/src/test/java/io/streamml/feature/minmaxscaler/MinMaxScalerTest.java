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
package io.streamml.feature.minmaxscaler;

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.common.window.EventTimeSessionWindows;
import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.FailureInjector;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.builder.Pipeline;
import org.apache.flink.ml.builder.PipelineModel;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.linalg.Vector;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static io.streamml.testutil.Causes.assertCauseContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tests {@link MinMaxScaler} and {@link MinMaxScalerModel}. */
class MinMaxScalerTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final String[] COLUMNS = {"id", "input"};
    private static final TypeInformation<?>[] TYPES = {
        Types.INT, TypeInformation.of(DenseVector.class)
    };

    /** Flink ML's MinMaxScaler test fixture. */
    private static final List<Row> TRAIN =
            Arrays.asList(
                    Row.of(0, Vectors.dense(0.0, 3.0)),
                    Row.of(1, Vectors.dense(2.1, 0.0)),
                    Row.of(2, Vectors.dense(4.1, 5.1)),
                    Row.of(3, Vectors.dense(6.1, 8.1)),
                    Row.of(4, Vectors.dense(200, 400)));

    private static final List<Row> PREDICT =
            Arrays.asList(
                    Row.of(0, Vectors.dense(150.0, 90.0)),
                    Row.of(1, Vectors.dense(50.0, 40.0)),
                    Row.of(2, Vectors.dense(100.0, 50.0)));

    private static final double[][] EXPECTED = {{0.75, 0.225}, {0.25, 0.1}, {0.5, 0.125}};

    @Test
    void testParam() {
        MinMaxScaler scaler = new MinMaxScaler();
        assertEquals("input", scaler.getInputCol());
        assertEquals("output", scaler.getOutputCol());
        assertEquals(0.0, scaler.getMin());
        assertEquals(1.0, scaler.getMax());
        scaler.setInputCol("f").setOutputCol("o").setMin(-1).setMax(1);
        assertEquals("f", scaler.getInputCol());
        assertEquals("o", scaler.getOutputCol());
        assertEquals(-1.0, scaler.getMin());
        assertEquals(1.0, scaler.getMax());
    }

    @Test
    void testMinNotBelowMaxRejected() {
        TestJob job = TestJob.withParallelism(1);
        Table input = job.boundedTable(COLUMNS, TYPES, TRAIN);
        Exception e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new MinMaxScaler().setMin(1).setMax(1).fit(input));
        assertCauseContains(e, "MinMaxScaler: min (1.0) must be smaller than max (1.0)");
    }

    @Test
    void testNonFiniteOrTooWideRangeRejected() {
        for (double bound :
                new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
            assertThrows(
                    IllegalArgumentException.class, () -> new MinMaxScalerModel().setMax(bound));
            assertThrows(IllegalArgumentException.class, () -> new MinMaxScaler().setMin(bound));
        }
        TestJob job = TestJob.withParallelism(1);
        Table input = job.boundedTable(COLUMNS, TYPES, TRAIN);
        Exception e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new MinMaxScaler().setMin(-1e308).setMax(1e308).fit(input));
        assertCauseContains(e, "max - min finite");
    }

    @Test
    void testOutputSchema() {
        TestJob job = TestJob.withParallelism(1);
        Table input = job.boundedTable(COLUMNS, TYPES, TRAIN);
        MinMaxScalerModel model = new MinMaxScaler().setOutputCol("scaled").fit(input);
        assertEquals(
                Arrays.asList("id", "input", "scaled"),
                model.transform(input)[0].getResolvedSchema().getColumnNames());
        assertEquals(
                Arrays.asList("minVector", "maxVector", "modelVersion", "timestamp"),
                model.getModelData()[0].getResolvedSchema().getColumnNames());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void testFitAndPredict(int parallelism) throws Exception {
        TestJob job = TestJob.withParallelism(parallelism);
        MinMaxScalerModel model = new MinMaxScaler().fit(job.boundedTable(COLUMNS, TYPES, TRAIN));
        MinMaxScalerModelData data = modelData(job, model).get(0);
        assertArrayEquals(new double[] {0, 0}, data.minVector.values, 0);
        assertArrayEquals(new double[] {200, 400}, data.maxVector.values, 0);
        assertOutputs(job, model.transform(job.boundedTable(COLUMNS, TYPES, PREDICT))[0], EXPECTED);
    }

    @Test
    void testConstantFeatureMapsToMiddleAndRangeIsApplied() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table input =
                job.boundedTable(
                        COLUMNS,
                        TYPES,
                        Row.of(0, Vectors.dense(5, 1)),
                        Row.of(1, Vectors.dense(5, 3)),
                        Row.of(2, Vectors.dense(5, 2)));
        MinMaxScalerModel model = new MinMaxScaler().setMin(-2).setMax(4).fit(input);
        // Closed form: (x − 1) / (3 − 1) · 6 − 2; the constant feature gets (−2 + 4) / 2 = 1.
        assertOutputs(job, model.transform(input)[0], new double[][] {{1, -2}, {1, 4}, {1, 1}});
    }

    @Test
    void testSparseInputCountsImplicitZeros() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table input =
                job.boundedTable(
                        COLUMNS,
                        new TypeInformation<?>[] {
                            Types.INT, TypeInformation.of(SparseVector.class)
                        },
                        Row.of(0, new SparseVector(3, new int[] {0}, new double[] {4})),
                        Row.of(1, new SparseVector(3, new int[] {1}, new double[] {-2})),
                        Row.of(2, new SparseVector(3, new int[] {0, 1}, new double[] {2, 6})));
        MinMaxScalerModelData data = modelData(job, new MinMaxScaler().fit(input)).get(0);
        assertArrayEquals(new double[] {0, -2, 0}, data.minVector.values, 0);
        assertArrayEquals(new double[] {4, 6, 0}, data.maxVector.values, 0);
    }

    @Test
    void testEmptyTrainingSetAndInvalidInput() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Exception empty =
                assertThrows(
                        Exception.class,
                        () ->
                                modelData(
                                        job,
                                        new MinMaxScaler()
                                                .fit(
                                                        job.boundedTable(
                                                                COLUMNS,
                                                                TYPES,
                                                                new ArrayList<>()))));
        assertCauseContains(empty, "The training set is empty.");

        Table bad =
                job.boundedTable(
                        COLUMNS,
                        TYPES,
                        Row.of(0, Vectors.dense(1, 2)),
                        Row.of(1, Vectors.dense(1, Double.NEGATIVE_INFINITY)),
                        Row.of(2, Vectors.dense(3, 4)));
        Exception invalid =
                assertThrows(Exception.class, () -> modelData(job, new MinMaxScaler().fit(bad)));
        assertCauseContains(invalid, "MinMaxScaler: invalid value in column 'input'");
        assertCauseContains(invalid, "-Infinity at position 1");

        TestJob skipJob = TestJob.withParallelism(1);
        Table skipInput =
                skipJob.boundedTable(
                        COLUMNS,
                        TYPES,
                        Row.of(0, Vectors.dense(1, 2)),
                        Row.of(1, Vectors.dense(1, Double.NEGATIVE_INFINITY)),
                        Row.of(2, Vectors.dense(3, 4)));
        MinMaxScalerModelData data =
                modelData(skipJob, new MinMaxScaler().setHandleInvalid("skip").fit(skipInput))
                        .get(0);
        assertArrayEquals(new double[] {1, 2}, data.minVector.values, 0);
        assertEquals(
                1,
                skipJob.counter(
                        CLUSTER,
                        "MinMaxScaler.localStatistics",
                        InvalidRowPolicy.SKIPPED_ROWS_METRIC));
    }

    @Test
    void testSaveLoadAndPredict(@TempDir Path dir) throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table train = job.boundedTable(COLUMNS, TYPES, TRAIN);
        PipelineModel model = new Pipeline(Arrays.asList(new MinMaxScaler())).fit(train);
        String path = dir.resolve("pipeline").toString();
        model.save(path);
        job.env.execute();
        PipelineModel loaded = PipelineModel.load(job.env, path);
        assertOutputs(
                job, loaded.transform(job.boundedTable(COLUMNS, TYPES, PREDICT))[0], EXPECTED);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void testOnlineFitSurvivesFailures(int parallelism) throws Exception {
        Random random = new Random(11);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            rows.add(Row.of(i, Vectors.dense(random.nextGaussian(), random.nextGaussian() * 5)));
        }
        List<MinMaxScalerModelData> expected = onlineVersions(rows, parallelism, false);
        int failuresBefore = FailureInjector.totalFailures();
        List<MinMaxScalerModelData> recovered = onlineVersions(rows, parallelism, true);
        // The recovered run really went through 3 failures and restores.
        assertEquals(failuresBefore + 3, FailureInjector.totalFailures());
        for (int w = 0; w < expected.size(); w++) {
            assertEquals(w, recovered.get(w).modelVersion);
            assertArrayEquals(
                    expected.get(w).minVector.values, recovered.get(w).minVector.values, 0);
            assertArrayEquals(
                    expected.get(w).maxVector.values, recovered.get(w).maxVector.values, 0);
            // Oracle: the extremes of every row released so far.
            for (int j = 0; j < 2; j++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (Row row : rows.subList(0, 4 * w + 4)) {
                    min = Math.min(min, ((Vector) row.getField(1)).get(j));
                    max = Math.max(max, ((Vector) row.getField(1)).get(j));
                }
                assertEquals(min, recovered.get(w).minVector.values[j], 0);
                assertEquals(max, recovered.get(w).maxVector.values[j], 0);
            }
        }
    }

    private List<MinMaxScalerModelData> onlineVersions(
            List<Row> rows, int parallelism, boolean injectFailures) throws Exception {
        TestJob job = TestJob.withParallelism(parallelism);
        ControllableSource source = new ControllableSource();
        Table input = job.unboundedTable(source, COLUMNS, TYPES, false);
        if (injectFailures) {
            input =
                    job.tEnv.fromDataStream(
                            FailureInjector.failAfter(
                                    // After 6 rows of the stream: 6 / p on one subtask.
                                    job.tEnv.toDataStream(input),
                                    6 / parallelism,
                                    6 / parallelism,
                                    6 / parallelism));
        }
        Table modelData =
                new MinMaxScaler()
                        .setWindows(CountTumblingWindows.of(4))
                        .fit(input)
                        .getModelData()[0];
        List<MinMaxScalerModelData> versions = new ArrayList<>();
        try (CloseableIterator<Row> it = job.start(modelData)) {
            for (int w = 0; w < rows.size() / 4; w++) {
                source.release(rows.subList(4 * w, 4 * w + 4).toArray(new Row[0]));
                versions.add(fromRow(TestJob.take(it, 1).get(0)));
            }
        }
        return versions;
    }

    @Test
    void testSessionWindows() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        ControllableSource source = new ControllableSource();
        Table input = job.unboundedTable(source, COLUMNS, TYPES, true);
        Table modelData =
                new MinMaxScaler()
                        .setWindows(EventTimeSessionWindows.withGap(Time.milliseconds(50)))
                        .fit(input)
                        .getModelData()[0];
        try (CloseableIterator<Row> it = job.start(modelData)) {
            // Rows at 0, 40 and 80 form one session [0, 130); the one at 300 another.
            source.releaseAt(0, Row.of(0, Vectors.dense(1.0)));
            source.releaseAt(80, Row.of(2, Vectors.dense(7.0)));
            source.releaseAt(40, Row.of(1, Vectors.dense(-3.0)));
            source.releaseAt(300, Row.of(3, Vectors.dense(20.0)));
            source.watermark(200);
            MinMaxScalerModelData first = fromRow(TestJob.take(it, 1).get(0));
            assertEquals(0, first.modelVersion);
            assertEquals(130, first.timestamp);
            assertArrayEquals(new double[] {-3}, first.minVector.values, 0);
            assertArrayEquals(new double[] {7}, first.maxVector.values, 0);
            source.watermark(400);
            MinMaxScalerModelData second = fromRow(TestJob.take(it, 1).get(0));
            assertEquals(1, second.modelVersion);
            assertEquals(350, second.timestamp);
            assertArrayEquals(new double[] {20}, second.maxVector.values, 0);
        }
    }

    @Test
    void testDecayRelaxesOldExtremes() throws Exception {
        TestJob job = TestJob.withParallelism(1);
        ControllableSource source = new ControllableSource();
        Table input = job.unboundedTable(source, COLUMNS, TYPES, false);
        Table modelData =
                new MinMaxScaler()
                        .setWindows(CountTumblingWindows.of(2))
                        .setDecayFactor(0.5)
                        .fit(input)
                        .getModelData()[0];
        try (CloseableIterator<Row> it = job.start(modelData)) {
            source.release(Row.of(0, Vectors.dense(0.0)), Row.of(1, Vectors.dense(100.0)));
            MinMaxScalerModelData first = fromRow(TestJob.take(it, 1).get(0));
            assertArrayEquals(new double[] {100}, first.maxVector.values, 0);
            source.release(Row.of(2, Vectors.dense(40.0)), Row.of(3, Vectors.dense(60.0)));
            MinMaxScalerModelData second = fromRow(TestJob.take(it, 1).get(0));
            // Old extremes move halfway toward the new window's: 0 → 20, 100 → 80.
            assertArrayEquals(new double[] {20}, second.minVector.values, 1e-12);
            assertArrayEquals(new double[] {80}, second.maxVector.values, 1e-12);
        }
    }

    private static List<MinMaxScalerModelData> modelData(TestJob job, MinMaxScalerModel model)
            throws Exception {
        List<MinMaxScalerModelData> result = new ArrayList<>();
        for (Row row : job.collect(model.getModelData()[0])) {
            result.add(fromRow(row));
        }
        return result;
    }

    private static MinMaxScalerModelData fromRow(Row row) {
        return new MinMaxScalerModelData(
                (DenseVector) row.getField("minVector"),
                (DenseVector) row.getField("maxVector"),
                (Long) row.getField("modelVersion"),
                (Long) row.getField("timestamp"));
    }

    private static void assertOutputs(TestJob job, Table output, double[][] expected)
            throws Exception {
        List<Row> rows = job.collect(output);
        rows.sort(Comparator.comparing(row -> (Integer) row.getField(0)));
        assertEquals(expected.length, rows.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(
                    expected[i], ((Vector) rows.get(i).getField("output")).toArray(), 1e-12);
        }
    }
}
