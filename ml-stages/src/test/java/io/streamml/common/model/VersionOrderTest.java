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
package io.streamml.common.model;

import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.feature.minmaxscaler.MinMaxScaler;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.regression.linearregression.LinearRegression;
import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.SyntheticData;
import io.streamml.testutil.TestJob;

import org.apache.flink.ml.api.Estimator;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.streamml.testutil.LinearTestData.COLUMNS;
import static io.streamml.testutil.LinearTestData.rows;
import static io.streamml.testutil.LinearTestData.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model-data Table of every online fit delivers its versions in increasing order at any
 * parallelism, as a consumer writing them to Kafka or a model store needs: no older version after a
 * newer one.
 */
class VersionOrderTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final int BATCH = 40;
    private static final int VERSIONS = 25;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void testOnlineFitsEmitVersionsInOrder(int parallelism) throws Exception {
        List<Supplier<Estimator<?, ?>>> estimators = new ArrayList<>();
        estimators.add(() -> new LogisticRegression().setGlobalBatchSize(BATCH));
        estimators.add(
                () -> new LinearRegression().setGlobalBatchSize(BATCH).setLearningRate(0.01));
        estimators.add(
                () ->
                        new StandardScaler()
                                .setInputCol("features")
                                .setWindows(CountTumblingWindows.of(BATCH)));
        estimators.add(
                () ->
                        new MinMaxScaler()
                                .setInputCol("features")
                                .setWindows(CountTumblingWindows.of(BATCH)));
        List<Row> train =
                rows(
                        SyntheticData.logistic(
                                3, BATCH * VERSIONS, new double[] {1, -1, 2}, 0.1, false),
                        false);
        for (Supplier<Estimator<?, ?>> estimator : estimators) {
            TestJob job = TestJob.withParallelism(parallelism);
            ControllableSource source = new ControllableSource();
            Table input = job.unboundedTable(source, COLUMNS, types(DenseVector.class), false);
            Table versions = estimator.get().fit(input).getModelData()[0];
            try (CloseableIterator<Row> it = job.start(versions)) {
                // All batches at once, so versions follow each other as fast as they can.
                source.release(train.toArray(new Row[0]));
                List<Row> emitted = TestJob.take(it, VERSIONS);
                String where =
                        estimator.get().getClass().getSimpleName()
                                + " at parallelism "
                                + parallelism;
                long first = (Long) emitted.get(0).getField("modelVersion");
                // Online linear models start at version 1, online scalers at 0.
                assertTrue(first == 0 || first == 1, where + ": first version " + first);
                for (int v = 0; v < VERSIONS; v++) {
                    assertEquals(first + v, emitted.get(v).getField("modelVersion"), where);
                }
            }
        }
    }
}
