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

import io.streamml.linear.LinearModelData;
import io.streamml.linear.loss.SquaredLoss;
import io.streamml.testutil.DenseLinearAlgebra;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.ReferenceSolvers;
import io.streamml.testutil.RegularizedObjective;
import io.streamml.testutil.SyntheticData;
import io.streamml.testutil.TestJob;

import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.streamml.testutil.LinearTestData.COLUMNS;
import static io.streamml.testutil.LinearTestData.modelData;
import static io.streamml.testutil.LinearTestData.parameters;
import static io.streamml.testutil.LinearTestData.rows;
import static io.streamml.testutil.LinearTestData.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tests {@link LinearRegression} and {@link LinearRegressionModel}. */
class LinearRegressionTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final SyntheticData DATA =
            SyntheticData.linear(5, 300, new double[] {2, -1, 0.5}, 3, 0.3, true);

    /**
     * Independent oracle: the ridge normal equations (XᵀWX/W + reg·I)β = XᵀWy/W, with an
     * unpenalized intercept column when {@code fitIntercept}, solved by Gaussian elimination.
     */
    static double[] ridge(SyntheticData data, double reg, boolean fitIntercept, boolean weighted) {
        int d = data.numFeatures();
        int p = d + (fitIntercept ? 1 : 0);
        double[] matrix = new double[p * p];
        double[] rhs = new double[p];
        double totalWeight = 0;
        for (int r = 0; r < data.numRows(); r++) {
            totalWeight += weighted ? data.weights[r] : 1;
        }
        for (int r = 0; r < data.numRows(); r++) {
            double w = (weighted ? data.weights[r] : 1) / totalWeight;
            double[] x = fitIntercept ? extend(data.features[r]) : data.features[r];
            for (int i = 0; i < p; i++) {
                rhs[i] += w * x[i] * data.labels[r];
                for (int j = 0; j < p; j++) {
                    matrix[i * p + j] += w * x[i] * x[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            matrix[i * p + i] += reg;
        }
        return DenseLinearAlgebra.solve(matrix, rhs);
    }

    private static double[] extend(double[] x) {
        double[] extended = java.util.Arrays.copyOf(x, x.length + 1);
        extended[x.length] = 1;
        return extended;
    }

    @ParameterizedTest
    @CsvSource({"0.0,true,true", "0.3,true,true", "0.3,false,true", "0.0,false,false"})
    void testFitMatchesClosedForm(double reg, boolean fitIntercept, boolean weighted)
            throws Exception {
        TestJob job = TestJob.withParallelism(2);
        LinearRegression estimator =
                new LinearRegression()
                        .setReg(reg)
                        .setFitIntercept(fitIntercept)
                        .setMaxIter(500)
                        .setTol(1e-14);
        if (weighted) {
            estimator.setWeightCol("weight");
        }
        LinearModelData model =
                modelData(
                        job,
                        estimator.fit(
                                        job.boundedTable(
                                                COLUMNS,
                                                types(DenseVector.class),
                                                rows(DATA, false)))
                                .getModelData()[0]);
        double[] oracle = ridge(DATA, reg, fitIntercept, weighted);
        double[] fitted = parameters(model, fitIntercept);
        for (int i = 0; i < oracle.length; i++) {
            assertEquals(oracle[i], fitted[i], 1e-6 * Math.abs(oracle[i]), "parameter " + i);
        }
    }

    @Test
    void testElasticNetMatchesCoordinateDescent() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        double reg = 0.4;
        double elasticNet = 0.7;
        LinearModelData model =
                modelData(
                        job,
                        new LinearRegression()
                                .setWeightCol("weight")
                                .setReg(reg)
                                .setElasticNet(elasticNet)
                                .setMaxIter(500)
                                .setTol(1e-14)
                                .fit(
                                        job.boundedTable(
                                                COLUMNS,
                                                types(DenseVector.class),
                                                rows(DATA, false)))
                                .getModelData()[0]);
        RegularizedObjective objective =
                new RegularizedObjective(
                        SquaredLoss.INSTANCE, DATA, reg * elasticNet, reg * (1 - elasticNet), true);
        double[] oracle = ReferenceSolvers.elasticNetLeastSquares(objective);
        double[] fitted = parameters(model, true);
        assertEquals(objective.value(oracle), objective.value(fitted), 1e-10);
        assertArrayEquals(oracle, fitted, 1e-6);
    }

    @Test
    void testFlinkMlSgdParity() throws Exception {
        double[][] x = {{2, 1}, {3, 2}, {4, 3}, {2, 4}, {2, 2}, {4, 3}, {1, 2}, {5, 3}};
        double[] y = {4, 7, 10, 10, 6, 10, 5, 11};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            rows.add(Row.of(i, Vectors.dense(x[i]), y[i], 1.0));
        }
        double[][] expected = {{1.165, 1.780}, {1.143, 1.812}, {1.154, 1.796}};
        double[] elasticNets = {0, 1, 0.5};
        for (int k = 0; k < 3; k++) {
            TestJob job = TestJob.withParallelism(4);
            LinearModelData model =
                    modelData(
                            job,
                            new LinearRegression()
                                    .setOptimizer("sgd")
                                    .setFitIntercept(false)
                                    .setWeightCol("weight")
                                    .setReg(0.1)
                                    .setElasticNet(elasticNets[k])
                                    .fit(job.boundedTable(COLUMNS, types(DenseVector.class), rows))
                                    .getModelData()[0]);
            assertArrayEquals(expected[k], model.coefficient.values, 1e-3);
        }
    }

    @Test
    void testSaveLoadAndPredict(@TempDir Path dir) throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, types(DenseVector.class), rows(DATA, false));
        LinearRegressionModel model =
                new LinearRegression().setMaxIter(500).setTol(1e-14).fit(input);
        String path = dir.resolve("model").toString();
        model.save(path);
        job.env.execute();
        LinearRegressionModel loaded = LinearRegressionModel.load(job.env, path);
        double[] oracle = ridge(DATA, 0, true, false);
        List<Row> scored = job.collect(loaded.transform(input)[0]);
        scored.sort(Comparator.comparing(row -> (Integer) row.getField("id")));
        for (int r = 0; r < DATA.numRows(); r++) {
            double expected = oracle[3];
            for (int j = 0; j < 3; j++) {
                expected += oracle[j] * DATA.features[r][j];
            }
            assertEquals(expected, (Double) scored.get(r).getField("prediction"), 1e-6);
        }
    }
}
