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
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.feature.minmaxscaler.MinMaxScaler;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.linear.LinearModelData;
import io.streamml.regression.linearregression.LinearRegression;
import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.streamml.testutil.Causes.assertCauseContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The feature size of a fit is the one most rows have (the initial model's when one is given), not
 * the first row's: a first row of the wrong size is the one rejected, under "skip" counted and
 * under "error" named in the message, and the many valid rows after it are all used.
 */
class VectorSizeTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final String[] COLUMNS = {"features", "label"};
    private static final TypeInformation<?>[] TYPES = {
        TypeInformation.of(DenseVector.class), Types.DOUBLE
    };

    /**
     * Valid rows, so that with one bad row the 180 rows make three batches of 60: 15 rows per
     * subtask per batch at parallelism 4, whichever subtask the rebalancing starts with.
     */
    private static final int VALID = 179;

    private static final int BATCH = 60;

    /** A row of size 2 first, then the valid rows of size 3. */
    private static List<Row> badFirstRow() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(new DenseVector(new double[] {9, 9}), 1.0));
        rows.addAll(validRows());
        return rows;
    }

    private static List<Row> validRows() {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < VALID; i++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), 1 + random.nextDouble()};
            double label = x[0] - 0.5 * x[1] + 0.3 * random.nextGaussian() > 0 ? 1 : 0;
            rows.add(Row.of(new DenseVector(x), label));
        }
        return rows;
    }

    private static double[][] firstColumnOf(List<Row> rows) {
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = ((DenseVector) rows.get(i).getField(0)).values;
        }
        return x;
    }

    /** Per-feature mean and sample standard deviation, two passes. */
    private static double[][] twoPass(double[][] x) {
        int d = x[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / (x.length - 1);
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j]);
        }
        return new double[][] {mean, std};
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void testBoundedFitsSkipTheBadFirstRowAndUseAllValidOnes(int parallelism) throws Exception {
        double[][] oracle = twoPass(firstColumnOf(validRows()));
        TestJob scalerJob = TestJob.withParallelism(parallelism);
        Row scaler =
                scalerJob
                        .collect(
                                new StandardScaler()
                                        .setInputCol("features")
                                        .setHandleInvalid("skip")
                                        .fit(scalerJob.boundedTable(COLUMNS, TYPES, badFirstRow()))
                                        .getModelData()[0])
                        .get(0);
        assertArrayEquals(oracle[0], ((DenseVector) scaler.getField("mean")).values, 1e-12);
        assertArrayEquals(oracle[1], ((DenseVector) scaler.getField("std")).values, 1e-12);
        assertEquals(
                1,
                scalerJob.counter(
                        CLUSTER, "StandardScaler.", InvalidRowPolicy.SKIPPED_ROWS_METRIC));

        TestJob minMaxJob = TestJob.withParallelism(parallelism);
        Row minMax =
                minMaxJob
                        .collect(
                                new MinMaxScaler()
                                        .setInputCol("features")
                                        .setHandleInvalid("skip")
                                        .fit(minMaxJob.boundedTable(COLUMNS, TYPES, badFirstRow()))
                                        .getModelData()[0])
                        .get(0);
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (double[] x : firstColumnOf(validRows())) {
            for (int j = 0; j < 3; j++) {
                min[j] = Math.min(min[j], x[j]);
            }
        }
        assertArrayEquals(min, ((DenseVector) minMax.getField("minVector")).values, 0);

        // The linear models: the same model as from the valid rows alone.
        for (boolean logistic : new boolean[] {true, false}) {
            double[] withBadRow = linearCoefficients(parallelism, logistic, badFirstRow());
            double[] validOnly = linearCoefficients(parallelism, logistic, validRows());
            assertEquals(3, withBadRow.length);
            assertArrayEquals(validOnly, withBadRow, 1e-9);
        }
    }

    private static double[] linearCoefficients(int parallelism, boolean logistic, List<Row> rows)
            throws Exception {
        TestJob job = TestJob.withParallelism(parallelism);
        Table input = job.boundedTable(COLUMNS, TYPES, rows);
        Table modelData =
                logistic
                        ? new LogisticRegression()
                                .setHandleInvalid("skip")
                                .setReg(0.1)
                                .fit(input)
                                .getModelData()[0]
                        : new LinearRegression()
                                .setHandleInvalid("skip")
                                .setReg(0.1)
                                .fit(input)
                                .getModelData()[0];
        double[] coefficients =
                ((DenseVector) job.collect(modelData).get(0).getField("coefficient")).values;
        long skipped =
                job.counter(
                        CLUSTER,
                        logistic ? "LogisticRegression." : "LinearRegression.",
                        InvalidRowPolicy.SKIPPED_ROWS_METRIC);
        assertEquals(rows.size() - VALID, skipped);
        return coefficients;
    }

    @Test
    void testErrorsBlameTheRowOfTheWrongSize() {
        TestJob scalerJob = TestJob.withParallelism(2);
        Table scalerInput = scalerJob.boundedTable(COLUMNS, TYPES, badFirstRow());
        Exception scaler =
                assertThrows(
                        Exception.class,
                        () ->
                                scalerJob.collect(
                                        new StandardScaler()
                                                .setInputCol("features")
                                                .fit(scalerInput)
                                                .getModelData()[0]));
        assertCauseContains(
                scaler,
                "StandardScaler: invalid value in column 'features' (rows with vectors 1 of size"
                        + " 2): the features have size 3, the size of most rows ("
                        + VALID
                        + ").");

        TestJob lrJob = TestJob.withParallelism(2);
        Table lrInput = lrJob.boundedTable(COLUMNS, TYPES, badFirstRow());
        Exception lr =
                assertThrows(
                        Exception.class,
                        () ->
                                lrJob.collect(
                                        new LogisticRegression().fit(lrInput).getModelData()[0]));
        assertCauseContains(
                lr,
                "LogisticRegression: invalid value in column 'features' (rows with vectors 1 of"
                        + " size 2): the features have size 3");

        TestJob onlineJob = TestJob.withParallelism(2);
        ControllableSource source = new ControllableSource();
        Table versions =
                new LogisticRegression()
                        .setGlobalBatchSize(BATCH)
                        .fit(onlineJob.unboundedTable(source, COLUMNS, TYPES, false))
                        .getModelData()[0];
        Exception online =
                assertThrows(
                        Exception.class,
                        () -> {
                            try (CloseableIterator<Row> it = onlineJob.start(versions)) {
                                source.release(badFirstRow().toArray(new Row[0]));
                                TestJob.take(it, 3);
                            }
                        });
        assertCauseContains(
                online,
                "LogisticRegression: invalid value in column 'features' (rows with vectors 1 of"
                        + " size 2): the features have size 3, the most common size in the first"
                        + " mini-batch.");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void testOnlineFitsTakeTheFirstBatchsMostCommonSize(int parallelism) throws Exception {
        TestJob lrJob = TestJob.withParallelism(parallelism);
        ControllableSource lrSource = new ControllableSource();
        Table lrVersions =
                new LogisticRegression()
                        .setGlobalBatchSize(BATCH)
                        .setHandleInvalid("skip")
                        .fit(lrJob.unboundedTable(lrSource, COLUMNS, TYPES, false))
                        .getModelData()[0];
        List<Row> lrModels;
        try (CloseableIterator<Row> it = lrJob.start(lrVersions)) {
            lrSource.release(badFirstRow().toArray(new Row[0]));
            lrModels = TestJob.take(it, 3);
        }
        for (Row model : lrModels) {
            assertEquals(3, ((DenseVector) model.getField("coefficient")).size());
        }
        assertEquals(
                1,
                lrJob.counter(
                        CLUSTER, "LogisticRegression.", InvalidRowPolicy.SKIPPED_ROWS_METRIC));

        TestJob scalerJob = TestJob.withParallelism(parallelism);
        ControllableSource scalerSource = new ControllableSource();
        Table scalerVersions =
                new StandardScaler()
                        .setInputCol("features")
                        .setHandleInvalid("skip")
                        .setWindows(CountTumblingWindows.of(BATCH))
                        .fit(scalerJob.unboundedTable(scalerSource, COLUMNS, TYPES, false))
                        .getModelData()[0];
        Row last;
        try (CloseableIterator<Row> it = scalerJob.start(scalerVersions)) {
            scalerSource.release(badFirstRow().toArray(new Row[0]));
            last = TestJob.take(it, 3).get(2);
        }
        // Every valid row is in the third version, the bad first row in none.
        double[][] oracle = twoPass(firstColumnOf(validRows()));
        assertArrayEquals(oracle[0], ((DenseVector) last.getField("mean")).values, 1e-12);
        assertArrayEquals(oracle[1], ((DenseVector) last.getField("std")).values, 1e-12);
        assertEquals(
                1,
                scalerJob.counter(
                        CLUSTER, "StandardScaler.", InvalidRowPolicy.SKIPPED_ROWS_METRIC));
    }

    @Test
    void testOnlineFitKeepsTheInitialModelsSize() throws Exception {
        // A warm start of size 3, then a batch mostly of size 2: the size 2 rows are the bad ones.
        TestJob job = TestJob.withParallelism(2);
        Table initial =
                LinearModelData.SCHEMA.toTable(
                        job.tEnv,
                        job.env.fromElements(
                                new LinearModelData(
                                        new DenseVector(new double[] {1, 2, 3}), 0.5, 7L, 0L)));
        ControllableSource source = new ControllableSource();
        Table versions =
                new LogisticRegression()
                        .setGlobalBatchSize(10)
                        .setHandleInvalid("skip")
                        .setInitialModelData(initial)
                        .fit(job.unboundedTable(source, COLUMNS, TYPES, false))
                        .getModelData()[0];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double[] x = i < 3 ? new double[] {i, 1, 0} : new double[] {i, 1};
            rows.add(Row.of(new DenseVector(x), (double) (i % 2)));
        }
        Row version;
        try (CloseableIterator<Row> it = job.start(versions)) {
            source.release(rows.toArray(new Row[0]));
            version = TestJob.take(it, 1).get(0);
        }
        assertEquals(8L, version.getField("modelVersion"));
        assertEquals(3, ((DenseVector) version.getField("coefficient")).size());
        assertEquals(
                7,
                job.counter(CLUSTER, "LogisticRegression.", InvalidRowPolicy.SKIPPED_ROWS_METRIC));
    }
}
