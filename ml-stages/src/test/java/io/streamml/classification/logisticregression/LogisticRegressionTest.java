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

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.linear.LinearModelData;
import io.streamml.linear.loss.LogLoss;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.ReferenceSolvers;
import io.streamml.testutil.RegularizedObjective;
import io.streamml.testutil.SyntheticData;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.ml.linalg.Vectors;
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

import static io.streamml.testutil.Causes.assertCauseContains;
import static io.streamml.testutil.LinearTestData.COLUMNS;
import static io.streamml.testutil.LinearTestData.modelData;
import static io.streamml.testutil.LinearTestData.parameters;
import static io.streamml.testutil.LinearTestData.rows;
import static io.streamml.testutil.LinearTestData.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link LogisticRegression} and {@link LogisticRegressionModel}. */
class LogisticRegressionTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final SyntheticData DATA =
            SyntheticData.logistic(7, 400, new double[] {1.5, -2, 0.5, 0}, 0.7, true);

    private static LogisticRegression optimumSeeking() {
        return new LogisticRegression().setWeightCol("weight").setMaxIter(500).setTol(1e-12);
    }

    @Test
    void testParam() {
        LogisticRegression lr = new LogisticRegression();
        assertEquals("features", lr.getFeaturesCol());
        assertEquals("label", lr.getLabelCol());
        assertNull(lr.getWeightCol());
        assertEquals("prediction", lr.getPredictionCol());
        assertEquals("rawPrediction", lr.getRawPredictionCol());
        assertEquals(20, lr.getMaxIter());
        assertEquals(1e-6, lr.getTol());
        assertEquals(0.0, lr.getReg());
        assertEquals(0.0, lr.getElasticNet());
        assertEquals(0.1, lr.getLearningRate());
        assertEquals(32, lr.getGlobalBatchSize());
        assertTrue(lr.getFitIntercept());
        assertEquals("auto", lr.getOptimizer());
        assertEquals(0.5, lr.getThreshold());
        assertEquals("error", lr.getHandleInvalid());
        lr.setElasticNet(0.3).setFitIntercept(false).setOptimizer("sgd").setThreshold(0.7);
        assertEquals(0.3, lr.getElasticNet());
        assertFalse(lr.getFitIntercept());
        assertEquals("sgd", lr.getOptimizer());
        assertEquals(0.7, lr.getThreshold());
        assertThrows(IllegalArgumentException.class, () -> lr.setElasticNet(1.5));
        assertThrows(IllegalArgumentException.class, () -> lr.setReg(-1.0));
        assertThrows(IllegalArgumentException.class, () -> lr.setOptimizer("adam"));
    }

    @Test
    void testOutputSchema() {
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, types(DenseVector.class), rows(DATA, false));
        LogisticRegressionModel model = new LogisticRegression().fit(input);
        assertEquals(
                Arrays.asList("id", "features", "label", "weight", "prediction", "rawPrediction"),
                model.transform(input)[0].getResolvedSchema().getColumnNames());
        assertEquals(
                Arrays.asList("coefficient", "intercept", "modelVersion", "timestamp"),
                model.getModelData()[0].getResolvedSchema().getColumnNames());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5})
    void testFitReachesNewtonOptimum(double reg) throws Exception {
        TestJob job = TestJob.withParallelism(2);
        LogisticRegressionModel model =
                optimumSeeking()
                        .setReg(reg)
                        .fit(
                                job.boundedTable(
                                        COLUMNS, types(DenseVector.class), rows(DATA, false)));
        RegularizedObjective objective =
                new RegularizedObjective(LogLoss.INSTANCE, DATA, 0, reg, true);
        double[] oracle = ReferenceSolvers.newton(objective);
        double[] fitted = parameters(modelData(job, model.getModelData()[0]), true);
        double best = objective.value(oracle);
        assertEquals(best, objective.value(fitted), 1e-8 * best);
        assertArrayEquals(oracle, fitted, 1e-5);
    }

    @Test
    void testLassoMatchesProximalNewtonOracle() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        double reg = 0.05;
        LogisticRegressionModel model =
                optimumSeeking()
                        .setReg(reg)
                        .setElasticNet(1.0)
                        .fit(
                                job.boundedTable(
                                        COLUMNS, types(DenseVector.class), rows(DATA, false)));
        RegularizedObjective objective =
                new RegularizedObjective(LogLoss.INSTANCE, DATA, reg, 0, true);
        double[] oracle = ReferenceSolvers.proximalNewton(objective);
        double[] fitted = parameters(modelData(job, model.getModelData()[0]), true);
        double best = objective.value(oracle);
        assertEquals(best, objective.value(fitted), 1e-8 * best);
        assertArrayEquals(oracle, fitted, 1e-5);
        for (int j = 0; j < oracle.length; j++) {
            assertEquals(oracle[j] == 0, fitted[j] == 0, "zero pattern at " + j);
        }
    }

    @Test
    void testFlinkMlSgdParity() throws Exception {
        double[][] x = {
            {1, 2, 3, 4}, {2, 2, 3, 4}, {3, 2, 3, 4}, {4, 2, 3, 4}, {5, 2, 3, 4},
            {11, 2, 3, 4}, {12, 2, 3, 4}, {13, 2, 3, 4}, {14, 2, 3, 4}, {15, 2, 3, 4}
        };
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            rows.add(Row.of(i, Vectors.dense(x[i]), i < 5 ? 0.0 : 1.0, (double) (i % 5 + 1)));
        }
        double[][] expected = {
            {0.484, -0.258, -0.388, -0.517},
            {0.417, -0.145, -0.312, -0.480},
            {0.451, -0.203, -0.351, -0.498}
        };
        double[] elasticNets = {0, 1, 0.5};
        for (int k = 0; k < 3; k++) {
            TestJob job = TestJob.withParallelism(4);
            LogisticRegressionModel model =
                    new LogisticRegression()
                            .setOptimizer("sgd")
                            .setFitIntercept(false)
                            .setWeightCol("weight")
                            .setReg(0.1)
                            .setElasticNet(elasticNets[k])
                            .fit(job.boundedTable(COLUMNS, types(DenseVector.class), rows));
            LinearModelData data = modelData(job, model.getModelData()[0]);
            assertArrayEquals(expected[k], data.coefficient.values, 1e-3);
            assertEquals(0.0, data.intercept);
        }
    }

    @Test
    void testSameModelAtParallelismOneAndFourAndMoreSubtasksThanRows() throws Exception {
        double[][] results = new double[2][];
        int[] parallelisms = {1, 4};
        for (int k = 0; k < 2; k++) {
            TestJob job = TestJob.withParallelism(parallelisms[k]);
            results[k] =
                    parameters(
                            modelData(
                                    job,
                                    optimumSeeking()
                                            .fit(
                                                    job.boundedTable(
                                                            COLUMNS,
                                                            types(DenseVector.class),
                                                            rows(DATA, false)))
                                            .getModelData()[0]),
                            true);
        }
        assertArrayEquals(results[0], results[1], 1e-9);

        // Three rows on four subtasks: one subtask has none.
        SyntheticData tiny = SyntheticData.logistic(3, 3, new double[] {1.0}, 0, false);
        tiny.labels[0] = 0;
        tiny.labels[1] = 1;
        TestJob job = TestJob.withParallelism(4);
        LogisticRegressionModel model =
                new LogisticRegression()
                        .setReg(0.1)
                        .fit(
                                job.boundedTable(
                                        COLUMNS, types(DenseVector.class), rows(tiny, false)));
        double[] fitted = parameters(modelData(job, model.getModelData()[0]), true);
        double[] oracle =
                ReferenceSolvers.newton(
                        new RegularizedObjective(LogLoss.INSTANCE, tiny, 0, 0.1, true));
        assertArrayEquals(oracle, fitted, 1e-5);
    }

    @Test
    void testSparseEqualsDense() throws Exception {
        double[][] results = new double[2][];
        for (int k = 0; k < 2; k++) {
            TestJob job = TestJob.withParallelism(2);
            Class<? extends Vector> type = k == 0 ? DenseVector.class : SparseVector.class;
            results[k] =
                    parameters(
                            modelData(
                                    job,
                                    optimumSeeking()
                                            .setReg(0.1)
                                            .fit(
                                                    job.boundedTable(
                                                            COLUMNS,
                                                            types(type),
                                                            rows(DATA, k == 1)))
                                            .getModelData()[0]),
                            true);
        }
        assertArrayEquals(results[0], results[1], 1e-9);
    }

    @Test
    void testPredictAndTrainingSummary() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, types(DenseVector.class), rows(DATA, false));
        LogisticRegressionModel model = optimumSeeking().setReg(0.1).fit(input);
        LinearModelData data = modelData(job, model.getModelData()[0]);
        List<Row> scored = job.collect(model.setThreshold(0.6).transform(input)[0]);
        scored.sort(Comparator.comparing(row -> (Integer) row.getField("id")));
        assertEquals(DATA.numRows(), scored.size());
        for (int r = 0; r < DATA.numRows(); r++) {
            double margin = data.margin(DATA.features[r]);
            double p = 1 / (1 + Math.exp(-margin));
            DenseVector raw = (DenseVector) scored.get(r).getField("rawPrediction");
            assertArrayEquals(new double[] {1 - p, p}, raw.values, 1e-12);
            assertEquals(p >= 0.6 ? 1.0 : 0.0, scored.get(r).getField("prediction"));
        }
        Row summary = job.collect(model.getTrainingSummary()).get(0);
        assertTrue((Boolean) summary.getField("converged"));
        double[] losses = (double[]) summary.getField("losses");
        assertEquals(summary.getField("rounds"), losses.length);
        // The objective never increases from one accepted point to the next, and ends at the
        // oracle's optimum.
        RegularizedObjective objective =
                new RegularizedObjective(LogLoss.INSTANCE, DATA, 0, 0.1, true);
        double best = objective.value(ReferenceSolvers.newton(objective));
        double lowest = Arrays.stream(losses).min().getAsDouble();
        assertEquals(best, lowest, 1e-8 * best);

        // Through Table.execute() too, the arrays have the declared primitive types.
        try (CloseableIterator<Row> it = model.getTrainingSummary().execute().collect()) {
            Row viaTableApi = it.next();
            assertArrayEquals(losses, (double[]) viaTableApi.getField("losses"), 0);
            assertEquals(losses.length, ((long[]) viaTableApi.getField("elapsedMs")).length);
        }
    }

    @Test
    void testSaveLoadAndSetModelData(@TempDir Path dir) throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, types(DenseVector.class), rows(DATA, false));
        LogisticRegression estimator = optimumSeeking().setReg(0.1).setElasticNet(0.2);
        String estimatorPath = dir.resolve("estimator").toString();
        estimator.save(estimatorPath);
        assertEquals(
                estimator.getParamMap(),
                LogisticRegression.load(job.env, estimatorPath).getParamMap());

        LogisticRegressionModel model = estimator.fit(input);
        String path = dir.resolve("model").toString();
        model.save(path);
        job.env.execute();
        LogisticRegressionModel loaded = LogisticRegressionModel.load(job.env, path);
        assertEquals(model.getParamMap(), loaded.getParamMap());
        LinearModelData saved = modelData(job, loaded.getModelData()[0]);

        // A model made from model data alone predicts without training.
        Table modelData =
                job.boundedTable(
                        new String[] {"coefficient", "intercept", "modelVersion", "timestamp"},
                        new TypeInformation<?>[] {
                            TypeInformation.of(DenseVector.class),
                            Types.DOUBLE,
                            Types.LONG,
                            Types.LONG
                        },
                        Row.of(saved.coefficient, saved.intercept, 0L, Long.MAX_VALUE));
        LogisticRegressionModel fromData = new LogisticRegressionModel().setModelData(modelData);
        Table one =
                job.boundedTable(
                        COLUMNS,
                        types(DenseVector.class),
                        Row.of(0, new DenseVector(DATA.features[0].clone()), 1.0, 1.0));
        DenseVector raw =
                (DenseVector)
                        job.collect(fromData.transform(one)[0]).get(0).getField("rawPrediction");
        double p = 1 / (1 + Math.exp(-saved.margin(DATA.features[0])));
        assertEquals(p, raw.get(1), 1e-12);
    }

    @Test
    void testInvalidInputErrorsAndSkips() throws Exception {
        Object[][] cases = {
            {Row.of(9, null, 1.0, 1.0), "features", "the vector is null"},
            {Row.of(9, Vectors.dense(1, Double.NaN, 0, 0), 1.0, 1.0), "features", "NaN"},
            {
                Row.of(9, Vectors.dense(1, 2), 1.0, 1.0),
                "features",
                "1 of size 2): the features have size 4"
            },
            {Row.of(9, Vectors.dense(1, 2, 3, 4), 2.0, 1.0), "label", "must be 0 or 1"},
            {Row.of(9, Vectors.dense(1, 2, 3, 4), Double.NaN, 1.0), "label", "NaN"},
            {Row.of(9, Vectors.dense(1, 2, 3, 4), 1.0, -1.0), "weight", "negative"},
            {
                Row.of(9, Vectors.dense(1, 2, 3, 4), 1.0, Double.POSITIVE_INFINITY),
                "weight",
                "Infinity"
            },
        };
        List<Row> base = rows(DATA, false).subList(0, 20);
        TestJob cleanJob = TestJob.withParallelism(1);
        LinearModelData clean =
                modelData(
                        cleanJob,
                        optimumSeeking()
                                .setReg(0.1)
                                .fit(cleanJob.boundedTable(COLUMNS, types(DenseVector.class), base))
                                .getModelData()[0]);
        for (Object[] c : cases) {
            List<Row> rows = new ArrayList<>(base);
            rows.add((Row) c[0]);
            TestJob job = TestJob.withParallelism(1);
            Table input = job.boundedTable(COLUMNS, types(DenseVector.class), rows);
            Exception e =
                    assertThrows(
                            Exception.class,
                            () ->
                                    modelData(
                                            job,
                                            new LogisticRegression()
                                                    .setWeightCol("weight")
                                                    .fit(input)
                                                    .getModelData()[0]));
            assertCauseContains(e, "LogisticRegression: invalid value in column '" + c[1] + "'");
            assertCauseContains(e, (String) c[2]);

            TestJob skipJob = TestJob.withParallelism(1);
            LinearModelData skipped =
                    modelData(
                            skipJob,
                            optimumSeeking()
                                    .setReg(0.1)
                                    .setHandleInvalid("skip")
                                    .fit(
                                            skipJob.boundedTable(
                                                    COLUMNS, types(DenseVector.class), rows))
                                    .getModelData()[0]);
            assertArrayEquals(clean.coefficient.values, skipped.coefficient.values, 1e-9);
            // Counted where rows are read, or for their size where the size is decided.
            assertEquals(
                    1,
                    skipJob.counter(
                            CLUSTER, "LogisticRegression.", InvalidRowPolicy.SKIPPED_ROWS_METRIC));
        }
    }

    @Test
    void testMixedVectorSizesAcrossSubtasks() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(Row.of(i, Vectors.dense(i < 20 ? new double[2] : new double[3]), 1.0, 1.0));
        }
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, types(DenseVector.class), rows);
        Exception e =
                assertThrows(
                        Exception.class,
                        () ->
                                modelData(
                                        job,
                                        new LogisticRegression().fit(input).getModelData()[0]));
        // Half and half: the smaller size wins the tie, and the rows of the other are the error.
        assertCauseContains(e, "LogisticRegression: invalid value in column 'features'");
        assertCauseContains(e, "20 of size 3): the features have size 2");
    }

    @Test
    void testEmptyTrainingSet() {
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, types(DenseVector.class), new ArrayList<>());
        Exception e =
                assertThrows(
                        Exception.class,
                        () ->
                                modelData(
                                        job,
                                        new LogisticRegression().fit(input).getModelData()[0]));
        assertCauseContains(e, "LogisticRegression: The training set is empty.");
    }
}
