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
package io.streamml.evaluation;

import io.streamml.evaluation.binaryclassification.BinaryClassificationEvaluator;
import io.streamml.evaluation.regression.RegressionEvaluator;
import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.streamml.testutil.Causes.assertCauseContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests the bounded evaluators against metrics computed from their definitions here. */
class EvaluatorsTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final String[] BINARY_COLUMNS = {"label", "rawPrediction", "weight"};
    private static final TypeInformation<?>[] BINARY_TYPES = {
        Types.DOUBLE, TypeInformation.of(DenseVector.class), Types.DOUBLE
    };

    @Test
    void testBinaryClassificationMetricsWithTiesAndWeights() throws Exception {
        Random random = new Random(8);
        int n = 300;
        double[] p = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Scores on a coarse grid so many tie.
            p[i] = Math.round(random.nextDouble() * 10) / 10.0;
            y[i] = random.nextDouble() < p[i] * 0.8 + 0.1 ? 1 : 0;
            w[i] = 0.5 + random.nextInt(3);
            rows.add(Row.of(y[i], Vectors.dense(1 - p[i], p[i]), w[i]));
        }
        TestJob job = TestJob.withParallelism(4);
        Table input = job.boundedTable(BINARY_COLUMNS, BINARY_TYPES, rows);
        Row metrics =
                job.collect(
                                new BinaryClassificationEvaluator()
                                        .setWeightCol("weight")
                                        .setThreshold(0.5)
                                        .setMetricsNames(
                                                "areaUnderROC",
                                                "logLoss",
                                                "accuracy",
                                                "precision",
                                                "recall",
                                                "f1")
                                        .transform(input)[0])
                        .get(0);

        // AUC by its pairwise definition: P(score of a positive > score of a negative), ties ½.
        double pairs = 0;
        double concordant = 0;
        double logLoss = 0;
        double totalWeight = 0;
        double tp = 0;
        double fp = 0;
        double tn = 0;
        double fn = 0;
        for (int i = 0; i < n; i++) {
            totalWeight += w[i];
            double q = Math.min(Math.max(p[i], 1e-15), 1 - 1e-15);
            logLoss -= w[i] * (y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q));
            boolean predicted = p[i] >= 0.5;
            if (y[i] == 1) {
                tp += predicted ? w[i] : 0;
                fn += predicted ? 0 : w[i];
            } else {
                fp += predicted ? w[i] : 0;
                tn += predicted ? 0 : w[i];
            }
            for (int j = 0; j < n; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs += w[i] * w[j];
                    concordant += w[i] * w[j] * (p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0);
                }
            }
        }
        double precision = tp / (tp + fp);
        double recall = tp / (tp + fn);
        assertEquals(concordant / pairs, (Double) metrics.getField("areaUnderROC"), 1e-12);
        assertEquals(logLoss / totalWeight, (Double) metrics.getField("logLoss"), 1e-12);
        assertEquals((tp + tn) / totalWeight, (Double) metrics.getField("accuracy"), 1e-12);
        assertEquals(precision, (Double) metrics.getField("precision"), 1e-12);
        assertEquals(recall, (Double) metrics.getField("recall"), 1e-12);
        assertEquals(
                2 * precision * recall / (precision + recall),
                (Double) metrics.getField("f1"),
                1e-12);
    }

    @Test
    void testRegressionMetricsAgainstTwoPassFormulas() throws Exception {
        Random random = new Random(9);
        int n = 500;
        double[] yHat = new double[n];
        double[] y = new double[n];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            y[i] = 1000 + random.nextGaussian() * 5;
            yHat[i] = y[i] + 0.3 + random.nextGaussian();
            rows.add(Row.of(yHat[i], y[i]));
        }
        TestJob job = TestJob.withParallelism(4);
        Table input =
                job.boundedTable(
                        new String[] {"prediction", "label"},
                        new TypeInformation<?>[] {Types.DOUBLE, Types.DOUBLE},
                        rows);
        Row metrics =
                job.collect(
                                new RegressionEvaluator()
                                        .setMetricsNames("rmse", "mae", "r2", "explainedVariance")
                                        .transform(input)[0])
                        .get(0);
        double meanY = 0;
        double meanResidual = 0;
        for (int i = 0; i < n; i++) {
            meanY += y[i] / n;
            meanResidual += (y[i] - yHat[i]) / n;
        }
        double squares = 0;
        double absolute = 0;
        double total = 0;
        double residualVariance = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - yHat[i];
            squares += r * r;
            absolute += Math.abs(r);
            total += (y[i] - meanY) * (y[i] - meanY);
            residualVariance += (r - meanResidual) * (r - meanResidual);
        }
        assertEquals(Math.sqrt(squares / n), (Double) metrics.getField("rmse"), 1e-9);
        assertEquals(absolute / n, (Double) metrics.getField("mae"), 1e-9);
        assertEquals(1 - squares / total, (Double) metrics.getField("r2"), 1e-9);
        assertEquals(
                1 - residualVariance / total, (Double) metrics.getField("explainedVariance"), 1e-9);
    }

    @Test
    void testBadInputAndUnboundedInput() {
        TestJob job = TestJob.withParallelism(2);
        Table bad =
                job.boundedTable(
                        BINARY_COLUMNS,
                        BINARY_TYPES,
                        Row.of(1.0, Vectors.dense(0.2, 0.8), 1.0),
                        Row.of(2.0, Vectors.dense(0.4, 0.6), 1.0));
        Exception e =
                assertThrows(
                        Exception.class,
                        () -> job.collect(new BinaryClassificationEvaluator().transform(bad)[0]));
        assertCauseContains(e, "BinaryClassificationEvaluator: invalid value in column");
        assertCauseContains(e, "labels must be 0 or 1");

        Table unbounded =
                job.unboundedTable(new ControllableSource(), BINARY_COLUMNS, BINARY_TYPES, false);
        Exception e2 =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new BinaryClassificationEvaluator().transform(unbounded));
        assertCauseContains(e2, "evaluates bounded Tables");
    }

    @Test
    void testEmptyTableIsAnError() {
        TestJob job = TestJob.withParallelism(2);
        Table emptyBinary = job.boundedTable(BINARY_COLUMNS, BINARY_TYPES, new ArrayList<>());
        Exception binary =
                assertThrows(
                        Exception.class,
                        () ->
                                job.collect(
                                        new BinaryClassificationEvaluator()
                                                .transform(emptyBinary)[0]));
        assertCauseContains(binary, "BinaryClassificationEvaluator: the input Table is empty.");
        Table emptyRegression =
                job.boundedTable(
                        new String[] {"prediction", "label"},
                        new TypeInformation<?>[] {Types.DOUBLE, Types.DOUBLE},
                        new ArrayList<>());
        Exception regression =
                assertThrows(
                        Exception.class,
                        () -> job.collect(new RegressionEvaluator().transform(emptyRegression)[0]));
        assertCauseContains(regression, "RegressionEvaluator: the input Table is empty.");
    }

    @Test
    void testErrorsNameTheColumnNotTheRow() {
        TestJob job = TestJob.withParallelism(1);
        // A rawPrediction of size 1: a clear error, not an ArrayIndexOutOfBoundsException.
        Table sizeOne =
                job.boundedTable(
                        BINARY_COLUMNS, BINARY_TYPES, Row.of(1.0, Vectors.dense(0.123456789), 1.0));
        String message = failureOf(job, new BinaryClassificationEvaluator(), sizeOne);
        assertTrue(message.contains("column 'rawPrediction' (a DenseVector of size 1)"), message);
        // The vector's values are the user's data and stay out of logs; the evaluator has no
        // handleInvalid to advise.
        assertFalse(message.contains("0.123456789"), message);
        assertFalse(message.contains("handleInvalid"), message);

        Table negativeWeight =
                job.boundedTable(
                        new String[] {"label", "rawPrediction", "importance"},
                        BINARY_TYPES,
                        Row.of(1.0, Vectors.dense(0.2, 0.8), -1.0));
        String weightMessage =
                failureOf(
                        job,
                        new BinaryClassificationEvaluator().setWeightCol("importance"),
                        negativeWeight);
        assertTrue(weightMessage.contains("column 'importance' (-1.0)"), weightMessage);
    }

    /** The root cause's message of evaluating {@code input}, which must fail. */
    private static String failureOf(
            TestJob job, BinaryClassificationEvaluator evaluator, Table input) {
        return rootMessage(
                assertThrows(Exception.class, () -> job.collect(evaluator.transform(input)[0])));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
