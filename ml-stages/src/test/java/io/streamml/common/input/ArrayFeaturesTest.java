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
package io.streamml.common.input;

import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.classification.logisticregression.LogisticRegressionModel;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.feature.standardscaler.StandardScalerModel;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static io.streamml.testutil.Causes.assertCauseContains;
import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.array;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feature columns of {@code ARRAY<DOUBLE>} (SQL) or {@code double[]} (a DataStream) are read as
 * dense vectors and validated like them.
 */
class ArrayFeaturesTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final int N = 120;

    private static double[][] features() {
        Random random = new Random(11);
        double[][] x = new double[N][];
        for (int i = 0; i < N; i++) {
            x[i] = new double[] {random.nextGaussian(), 3 + 2 * random.nextGaussian()};
        }
        return x;
    }

    private static double label(double[] x, int i) {
        return x[0] - 0.5 * (x[1] - 3) + (i % 7 == 0 ? 2 : 0) > 0 ? 1.0 : 0.0;
    }

    /** Columns id, x1, x2, label: the plain numbers SQL turns into an array. */
    private static Table plainColumns(TestJob job) {
        double[][] x = features();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            rows.add(Row.of(i, x[i][0], x[i][1], label(x[i], i)));
        }
        return job.boundedTable(
                new String[] {"id", "x1", "x2", "label"},
                new TypeInformation<?>[] {Types.INT, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE},
                rows);
    }

    private static Table vectorColumn(TestJob job) {
        double[][] x = features();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            rows.add(Row.of(i, new DenseVector(x[i].clone()), label(x[i], i)));
        }
        return job.boundedTable(
                new String[] {"id", "features", "label"},
                new TypeInformation<?>[] {
                    Types.INT, TypeInformation.of(DenseVector.class), Types.DOUBLE
                },
                rows);
    }

    private static List<Row> sortedById(List<Row> rows) {
        rows.sort(Comparator.comparing(row -> (Integer) row.getField("id")));
        return rows;
    }

    @Test
    void testSqlArrayFeaturesTrainAndScoreAsVectors() throws Exception {
        TestJob arrayJob = TestJob.withParallelism(2);
        Table arrays =
                plainColumns(arrayJob)
                        .select($("id"), array($("x1"), $("x2")).as("features"), $("label"));
        LogisticRegressionModel fromArrays = new LogisticRegression().setReg(0.1).fit(arrays);
        List<Row> arrayScores = sortedById(arrayJob.collect(fromArrays.transform(arrays)[0]));

        TestJob vectorJob = TestJob.withParallelism(2);
        Table vectors = vectorColumn(vectorJob);
        LogisticRegressionModel fromVectors = new LogisticRegression().setReg(0.1).fit(vectors);
        List<Row> vectorScores = sortedById(vectorJob.collect(fromVectors.transform(vectors)[0]));

        assertEquals(N, arrayScores.size());
        for (int i = 0; i < N; i++) {
            assertArrayEquals(
                    ((DenseVector) vectorScores.get(i).getField("rawPrediction")).values,
                    ((DenseVector) arrayScores.get(i).getField("rawPrediction")).values,
                    1e-12);
        }
    }

    @Test
    void testPrimitiveArraysFromADataStreamAreScaled() throws Exception {
        double[][] x = features();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            rows.add(Row.of(i, x[i].clone()));
        }
        TestJob job = TestJob.withParallelism(2);
        Table input =
                job.boundedTable(
                        new String[] {"id", "input"},
                        new TypeInformation<?>[] {
                            Types.INT, PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO
                        },
                        rows);
        StandardScalerModel model = new StandardScaler().setWithMean(true).fit(input);
        List<Row> scaled = sortedById(job.collect(model.transform(input)[0]));

        double[] mean = new double[2];
        double[] variance = new double[2];
        for (double[] row : x) {
            for (int j = 0; j < 2; j++) {
                mean[j] += row[j] / N;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < 2; j++) {
                variance[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / (N - 1);
            }
        }
        for (int i = 0; i < N; i++) {
            double[] output = ((DenseVector) scaled.get(i).getField("output")).values;
            for (int j = 0; j < 2; j++) {
                assertEquals((x[i][j] - mean[j]) / Math.sqrt(variance[j]), output[j], 1e-12);
            }
            // The input array is passed on unchanged.
            assertArrayEquals(x[i], (double[]) scaled.get(i).getField("input"), 0);
        }
    }

    private static Table boxedArrays(TestJob job) {
        return job.boundedTable(
                new String[] {"id", "features", "label"},
                new TypeInformation<?>[] {
                    Types.INT, BasicArrayTypeInfo.DOUBLE_ARRAY_TYPE_INFO, Types.DOUBLE
                },
                Row.of(1, new Double[] {1.0, 2.0}, 1.0),
                Row.of(2, new Double[] {null, 2.0}, 0.0),
                Row.of(3, new Double[] {0.5, 1.0}, 0.0));
    }

    @Test
    void testNullElementsAreInvalidAndOtherArraysAreRefused() throws Exception {
        TestJob job = TestJob.withParallelism(1);
        // From a DataStream of Double[]: SQL's ARRAY[CAST(NULL AS DOUBLE), …] turns the null into
        // 0.0 in Flink 1.14.
        Table withNull = boxedArrays(job);
        Exception error =
                assertThrows(
                        Exception.class,
                        () ->
                                job.collect(
                                        new LogisticRegression().fit(withNull).getModelData()[0]));
        assertCauseContains(
                error,
                "LogisticRegression: invalid value in column 'features' (an array of size 2):"
                        + " the array has a null at position 0");

        TestJob skipJob = TestJob.withParallelism(1);
        Table skipped = boxedArrays(skipJob);
        assertEquals(
                1,
                skipJob.collect(
                                new LogisticRegression()
                                        .setHandleInvalid("skip")
                                        .fit(skipped)
                                        .getModelData()[0])
                        .size());
        assertEquals(
                1,
                skipJob.counter(
                        CLUSTER, "LogisticRegression.", InvalidRowPolicy.SKIPPED_ROWS_METRIC));

        Table strings =
                job.tEnv.sqlQuery(
                        "SELECT * FROM (VALUES (1, ARRAY['a', 'b'], 1.0)) AS t(id, features,"
                                + " label)");
        IllegalArgumentException refused =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new LogisticRegression().fit(strings));
        assertTrue(refused.getMessage().contains("or an array of doubles"), refused.getMessage());
    }
}
