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

import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.common.table.InputBoundedness;
import io.streamml.common.window.EventTimeTumblingWindows;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
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
import java.util.List;

import static io.streamml.testutil.Causes.assertCauseContains;
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
