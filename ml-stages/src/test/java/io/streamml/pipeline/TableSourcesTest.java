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
package io.streamml.pipeline;

import io.streamml.builder.Pipeline;
import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.common.table.InputBoundedness;
import io.streamml.common.window.EventTimeTumblingWindows;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.feature.standardscaler.StandardScalerModel;
import io.streamml.feature.vectorassembler.VectorAssembler;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.ml.api.Stage;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static io.streamml.testutil.Causes.assertCauseContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stages on Tables from SQL DDL: the filesystem CSV connector, datagen, and rowtime attributes. */
class TableSourcesTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    /** Turns numeric columns x1, x2 into the vector column the stages read. */
    private static Table withFeatures(TestJob job, Table table, boolean keepRowtime) {
        RowTypeInfo type =
                new RowTypeInfo(
                        new TypeInformation<?>[] {
                            Types.INT, TypeInformation.of(DenseVector.class), Types.DOUBLE
                        },
                        new String[] {"id", "features", "label"});
        Table selected = table.select(org.apache.flink.table.api.Expressions.$("*"));
        org.apache.flink.streaming.api.datastream.DataStream<Row> rows =
                job.tEnv
                        .toDataStream(selected)
                        .map(
                                row ->
                                        Row.of(
                                                row.getField("id"),
                                                Vectors.dense(
                                                        (Double) row.getField("x1"),
                                                        (Double) row.getField("x2")),
                                                ((Number) row.getField("label")).doubleValue()),
                                type);
        if (!keepRowtime) {
            return job.tEnv.fromDataStream(rows);
        }
        return job.tEnv.fromDataStream(
                rows,
                Schema.newBuilder()
                        .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
                        .watermark("rowtime", "SOURCE_WATERMARK()")
                        .build());
    }

    @Test
    void testCsvFileTableIsBoundedAndTrainsToOneModel(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("rows.csv");
        Files.write(
                csv, List.of("1,0.5,0.7,1.0", "2,0.3,0.8,0.0", "3,0.6,0.9,1.0", "4,0.8,0.6,0.0"));
        TestJob job = TestJob.withParallelism(2);
        job.tEnv.executeSql(
                "CREATE TABLE article (id INT, x1 DOUBLE, x2 DOUBLE, label DOUBLE) WITH ("
                        + "'connector' = 'filesystem', 'path' = '"
                        + csv.toUri()
                        + "', 'format' = 'csv')");
        Table input = withFeatures(job, job.tEnv.from("article"), false);
        assertTrue(InputBoundedness.isBounded(input));
        List<Row> models =
                job.collect(new LogisticRegression().setReg(0.1).fit(input).getModelData()[0]);
        assertEquals(1, models.size());
        assertEquals(0L, models.get(0).getField("modelVersion"));
    }

    /**
     * SQL only, no DataStream code: a CSV file's plain numeric columns go through VectorAssembler,
     * StandardScaler and LogisticRegression in one Pipeline. The scaled features are checked
     * against two-pass statistics computed here, the predictions against the same scaler and
     * regression fed vectors assembled by hand.
     */
    @Test
    void testCsvDdlThroughVectorAssemblerScalerAndLogisticRegression(@TempDir Path dir)
            throws Exception {
        Random random = new Random(3);
        int n = 200;
        double[][] x = new double[n][];
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {5 + 2 * random.nextGaussian(), 10 * random.nextDouble()};
            double label =
                    x[i][0] - 5 + 0.3 * (x[i][1] - 5) + random.nextGaussian() > 0 ? 1.0 : 0.0;
            lines.add(i + "," + x[i][0] + "," + x[i][1] + "," + label);
        }
        Path csv = dir.resolve("rows.csv");
        Files.write(csv, lines);
        String ddl =
                "CREATE TABLE transactions (id INT, x1 DOUBLE, x2 DOUBLE, label DOUBLE) WITH ("
                        + "'connector' = 'filesystem', 'path' = '"
                        + csv.toUri()
                        + "', 'format' = 'csv')";

        TestJob job = TestJob.withParallelism(2);
        job.tEnv.executeSql(ddl);
        Table table = job.tEnv.from("transactions");
        List<Stage<?>> stages = new ArrayList<>();
        stages.add(
                new VectorAssembler()
                        .setInputCols("x1", "x2")
                        .setInputSizes(1, 1)
                        .setOutputCol("features"));
        stages.add(
                new StandardScaler()
                        .setInputCol("features")
                        .setOutputCol("scaled")
                        .setWithMean(true));
        stages.add(new LogisticRegression().setFeaturesCol("scaled").setReg(0.01));
        List<Row> scored = job.collect(new Pipeline(stages).fit(table).transform(table)[0]);
        scored.sort(Comparator.comparing(row -> (Integer) row.getField("id")));

        // The oracle's side: vectors built by hand, the same scaler and regression.
        TestJob handJob = TestJob.withParallelism(2);
        handJob.tEnv.executeSql(ddl);
        Table byHand = withFeatures(handJob, handJob.tEnv.from("transactions"), false);
        StandardScalerModel scaler =
                new StandardScaler()
                        .setInputCol("features")
                        .setOutputCol("scaled")
                        .setWithMean(true)
                        .fit(byHand);
        Table scaledByHand = scaler.transform(byHand)[0];
        List<Row> expected =
                handJob.collect(
                        new LogisticRegression()
                                .setFeaturesCol("scaled")
                                .setReg(0.01)
                                .fit(scaledByHand)
                                .transform(scaledByHand)[0]);
        expected.sort(Comparator.comparing(row -> (Integer) row.getField("id")));

        double[] mean = new double[2];
        double[] std = new double[2];
        for (double[] row : x) {
            for (int j = 0; j < 2; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < 2; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / (n - 1);
            }
        }
        assertEquals(n, scored.size());
        for (int i = 0; i < n; i++) {
            Row row = scored.get(i);
            assertEquals(i, row.getField("id"));
            assertArrayEquals(x[i], ((DenseVector) row.getField("features")).values, 0);
            double[] scaled = ((DenseVector) row.getField("scaled")).values;
            for (int j = 0; j < 2; j++) {
                assertEquals((x[i][j] - mean[j]) / Math.sqrt(std[j]), scaled[j], 1e-12);
            }
            assertArrayEquals(
                    ((DenseVector) expected.get(i).getField("rawPrediction")).values,
                    ((DenseVector) row.getField("rawPrediction")).values,
                    1e-9);
            assertEquals(expected.get(i).getField("prediction"), row.getField("prediction"));
        }
    }

    @Test
    void testDatagenIsUnboundedUnlessItHasARowCount() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        job.tEnv.executeSql(
                "CREATE TABLE endless (id INT, x1 DOUBLE, x2 DOUBLE, label INT) WITH ("
                        + "'connector' = 'datagen', 'rows-per-second' = '2000',"
                        + " 'fields.x1.min' = '0', 'fields.x1.max' = '1',"
                        + " 'fields.x2.min' = '0', 'fields.x2.max' = '1',"
                        + " 'fields.label.min' = '0', 'fields.label.max' = '1')");
        job.tEnv.executeSql(
                "CREATE TABLE finite (id INT, x1 DOUBLE, x2 DOUBLE, label DOUBLE) WITH ("
                        + "'connector' = 'datagen', 'number-of-rows' = '100')");
        assertFalse(InputBoundedness.isBounded(job.tEnv.from("endless")));
        assertTrue(InputBoundedness.isBounded(job.tEnv.from("finite")));

        // The unbounded Table trains online: a version per 100 rows, counting up from 1.
        Table versions =
                new LogisticRegression()
                        .setGlobalBatchSize(100)
                        .fit(withFeatures(job, job.tEnv.from("endless"), false))
                        .getModelData()[0];
        try (CloseableIterator<Row> it = job.start(versions)) {
            List<Row> first = TestJob.take(it, 3);
            for (int v = 0; v < 3; v++) {
                assertEquals(v + 1L, first.get(v).getField("modelVersion"));
            }
        }
    }

    @Test
    void testEventTimeWindowsWithoutRowtimeFailClearly() {
        TestJob job = TestJob.withParallelism(2);
        job.tEnv.executeSql(
                "CREATE TABLE untimed (id INT, x1 DOUBLE, x2 DOUBLE, label DOUBLE) WITH ("
                        + "'connector' = 'datagen', 'rows-per-second' = '100')");
        Table versions =
                new StandardScaler()
                        .setInputCol("features")
                        .setWindows(EventTimeTumblingWindows.of(Time.milliseconds(100)))
                        .fit(withFeatures(job, job.tEnv.from("untimed"), false))
                        .getModelData()[0];
        Exception e =
                assertThrows(
                        Exception.class,
                        () -> {
                            try (CloseableIterator<Row> it = job.start(versions)) {
                                TestJob.take(it, 1);
                            }
                        });
        assertCauseContains(e, "need event time, but a row has no timestamp");
    }

    @Test
    void testRowtimeFromDdlDrivesEventTimeWindows() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        job.tEnv.executeSql(
                "CREATE TABLE events (id INT, x1 DOUBLE, x2 DOUBLE, label DOUBLE,"
                        + " ts AS LOCALTIMESTAMP, WATERMARK FOR ts AS ts) WITH ("
                        + "'connector' = 'datagen', 'rows-per-second' = '500')");
        Table input = withFeatures(job, job.tEnv.from("events"), true);
        Table versions =
                new StandardScaler()
                        .setInputCol("features")
                        .setWindows(EventTimeTumblingWindows.of(Time.milliseconds(200)))
                        .fit(input)
                        .getModelData()[0];
        try (CloseableIterator<Row> it = job.start(versions)) {
            List<Row> first = TestJob.take(it, 3);
            long previous = Long.MIN_VALUE;
            for (int v = 0; v < 3; v++) {
                long timestamp = (Long) first.get(v).getField("timestamp");
                // Versions carry window ends of event time taken from the DDL's rowtime.
                assertEquals(0, timestamp % 200);
                assertTrue(timestamp > previous);
                assertTrue(timestamp < Long.MAX_VALUE);
                previous = timestamp;
                assertEquals((long) v, first.get(v).getField("modelVersion"));
            }
        }
    }
}
