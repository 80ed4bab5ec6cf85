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
package io.streamml.classification.logisticregression;

import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.streamml.testutil.LinearTestData.COLUMNS;
import static io.streamml.testutil.LinearTestData.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tests online training of {@link LogisticRegression} on unbounded Tables. */
class OnlineLogisticRegressionTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    /** Flink ML 2.3's OnlineLogisticRegression fixture. */
    private static final Row[] BATCH_1 = {
        labeled(0, 0.1, 2, 0), labeled(1, 0.2, 2, 0), labeled(2, 0.3, 2, 0),
        labeled(3, 0.4, 2, 0), labeled(4, 0.5, 2, 0), labeled(5, 11, 12, 1),
        labeled(6, 12, 11, 1), labeled(7, 13, 12, 1), labeled(8, 14, 12, 1),
        labeled(9, 15, 12, 1)
    };

    private static final Row[] BATCH_2 = {
        labeled(10, 0.2, 3, 0), labeled(11, 0.8, 1, 0), labeled(12, 0.7, 1, 0),
        labeled(13, 0.6, 2, 0), labeled(14, 0.2, 2, 0), labeled(15, 14, 17, 1),
        labeled(16, 15, 10, 1), labeled(17, 16, 16, 1), labeled(18, 17, 10, 1),
        labeled(19, 18, 13, 1)
    };

    private static Row labeled(int id, double x1, double x2, double label) {
        return Row.of(id, Vectors.dense(x1, x2), label, 1.0);
    }

    private static LogisticRegression flinkMlParity(TestJob job) {
        Table initial =
                job.boundedTable(
                        new String[] {"coefficient", "intercept", "modelVersion", "timestamp"},
                        new TypeInformation<?>[] {
                            TypeInformation.of(DenseVector.class),
                            Types.DOUBLE,
                            Types.LONG,
                            Types.LONG
                        },
                        Row.of(
                                Vectors.dense(0.41233679404769874, -0.18088118293232122),
                                0.0,
                                0L,
                                Long.MAX_VALUE));
        return new LogisticRegression()
                .setFitIntercept(false)
                .setReg(0.2)
                .setElasticNet(0.5)
                .setGlobalBatchSize(10)
                .setInitialModelData(initial);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void testFlinkMlFtrlParityOfVersions(int parallelism) throws Exception {
        TestJob job = TestJob.withParallelism(parallelism);
        ControllableSource source = new ControllableSource();
        Table train = job.unboundedTable(source, COLUMNS, types(DenseVector.class), false);
        Table versions = flinkMlParity(job).fit(train).getModelData()[0];
        try (CloseableIterator<Row> it = job.start(versions)) {
            source.release(BATCH_1);
            Row first = TestJob.take(it, 1).get(0);
            assertEquals(1L, first.getField("modelVersion"));
            assertArrayEquals(
                    new double[] {0.2994527071464283, -0.1412541067743284},
                    ((DenseVector) first.getField("coefficient")).values,
                    1e-5);
            source.release(BATCH_2);
            Row second = TestJob.take(it, 1).get(0);
            assertEquals(2L, second.getField("modelVersion"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void testFlinkMlFtrlParityOfPredictions(int parallelism) throws Exception {
        TestJob job = TestJob.withParallelism(parallelism);
        ControllableSource trainSource = new ControllableSource();
        ControllableSource predictSource = new ControllableSource();
        Table train = job.unboundedTable(trainSource, COLUMNS, types(DenseVector.class), false);
        Table predict = job.unboundedTable(predictSource, COLUMNS, types(DenseVector.class), false);
        LogisticRegressionModel model = flinkMlParity(job).fit(train).setModelVersionCol("version");
        // Flink ML's test sorts its outputs; these are the probabilities row by row.
        double[][][] expected = {
            {{0.5353966697318491, 0.4646033302681509}, {0.04481034155642882, 0.9551896584435712}},
            {{0.5095144380001769, 0.49048556199982307}, {0.013104324065967066, 0.9868956759340329}}
        };
        try (CloseableIterator<Row> it = job.start(model.transform(predict)[0])) {
            Row[][] batches = {BATCH_1, BATCH_2};
            for (int v = 1; v <= 2; v++) {
                trainSource.release(batches[v - 1]);
                job.waitForModelVersion(CLUSTER, "LogisticRegressionModel.transform", v);
                predictSource.release(labeled(100, 0.8, 2.7, 0), labeled(101, 15.5, 11.2, 1));
                List<Row> scored = TestJob.take(it, 2);
                scored.sort(java.util.Comparator.comparing(row -> (Integer) row.getField("id")));
                for (int r = 0; r < 2; r++) {
                    assertEquals((long) v, scored.get(r).getField("version"));
                    assertArrayEquals(
                            expected[v - 1][r],
                            ((DenseVector) scored.get(r).getField("rawPrediction")).values,
                            1e-5);
                }
            }
        }
    }
}
