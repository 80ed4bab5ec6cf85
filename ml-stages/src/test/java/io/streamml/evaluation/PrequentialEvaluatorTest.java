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

import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.common.metrics.StageMetrics;
import io.streamml.common.model.InvalidModelFileException;
import io.streamml.evaluation.prequential.PrequentialEvaluator;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.linear.TestThenTrain;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.SyntheticData;
import io.streamml.testutil.TestJob;

import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.streamml.testutil.LinearTestData.COLUMNS;
import static io.streamml.testutil.LinearTestData.rows;
import static io.streamml.testutil.LinearTestData.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link PrequentialEvaluator}: test-then-train metrics and drift detection. */
class PrequentialEvaluatorTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static LogisticRegression onlineLr() {
        return new LogisticRegression()
                .setTrainingMode("online")
                .setOptimizer("sgd")
                .setLearningRate(0.5)
                .setGlobalBatchSize(100);
    }

    /**
     * At parallelism 4 each subtask's slice of a count batch is its next 25 of the round-robin
     * rows, so batch b is rows 100b to 100b + 99 at both parallelisms, and the workers' summaries,
     * merged in subtask order, must give the same window metrics as scoring the rows one by one.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void testWindowLossEqualsEachRowScoredByTheVersionBeforeItsBatch(int parallelism)
            throws Exception {
        SyntheticData data =
                SyntheticData.logistic(21, 2000, new double[] {1.5, -1, 0.5}, 0.2, false);
        List<Row> rows = rows(data, false);

        // The versions the online fit produces (parallelism 1 keeps batch membership fixed).
        TestJob versionsJob = TestJob.withParallelism(1);
        List<Row> versions =
                versionsJob.collect(
                        onlineLr()
                                .fit(
                                        versionsJob.boundedTable(
                                                COLUMNS, types(DenseVector.class), rows))
                                .getModelData()[0]);
        assertEquals(20, versions.size());

        TestJob job = TestJob.withParallelism(parallelism);
        Table[] outputs =
                new PrequentialEvaluator()
                        .setEstimator(onlineLr())
                        .setWindowBatches(5)
                        .setDriftDetector("none")
                        .transform(job.boundedTable(COLUMNS, types(DenseVector.class), rows));
        List<Row> windows = job.collect(outputs[0]);
        assertEquals(4, windows.size());

        // Oracle: batch b's rows scored by version b (version 0 = zeros), log loss per window.
        double cumulative = 0;
        for (int w = 0; w < 4; w++) {
            double loss = 0;
            double correct = 0;
            double[] probabilities = new double[500];
            double[] labels = new double[500];
            for (int b = 5 * w; b < 5 * w + 5; b++) {
                double[] beta = new double[3];
                double intercept = 0;
                if (b > 0) {
                    Row version = versions.get(b - 1);
                    assertEquals((long) b, version.getField("modelVersion"));
                    beta = ((DenseVector) version.getField("coefficient")).values;
                    intercept = (Double) version.getField("intercept");
                }
                for (int r = 100 * b; r < 100 * b + 100; r++) {
                    double margin = intercept;
                    for (int j = 0; j < 3; j++) {
                        margin += beta[j] * data.features[r][j];
                    }
                    double p = 1 / (1 + Math.exp(-margin));
                    double y = data.labels[r];
                    loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
                    correct += (p >= 0.5) == (y == 1) ? 1 : 0;
                    probabilities[r - 500 * w] = p;
                    labels[r - 500 * w] = y;
                }
            }
            cumulative += loss;
            Row window = windows.get(w);
            assertEquals((long) w, window.getField("window"));
            assertEquals(5L * w, window.getField("firstModelVersion"));
            assertEquals(5L * w + 4, window.getField("lastModelVersion"));
            assertEquals(500, window.getField("rows"));
            assertEquals(loss / 500, (Double) window.getField("logLoss"), 1e-9);
            assertEquals(correct / 500, (Double) window.getField("accuracy"), 1e-12);
            // The area comes from a log-odds histogram: pairs sharing a bin of width 1/128 tie.
            assertEquals(
                    pairwiseAuc(probabilities, labels),
                    (Double) window.getField("areaUnderROC"),
                    2e-3);
            assertEquals(
                    cumulative / (500 * (w + 1)),
                    (Double) window.getField("cumulativeLogLoss"),
                    1e-9);
        }

        // Output 2 is the same run's model data: the versions evaluated above, to serve.
        TestJob servingJob = TestJob.withParallelism(parallelism);
        List<Row> served =
                servingJob.collect(
                        new PrequentialEvaluator()
                                .setEstimator(onlineLr())
                                .setWindowBatches(5)
                                .setDriftDetector("none")
                                .transform(
                                        servingJob.boundedTable(
                                                COLUMNS, types(DenseVector.class), rows))[2]);
        assertEquals(versions.size(), served.size());
        for (int v = 0; v < versions.size(); v++) {
            assertEquals(
                    versions.get(v).getField("modelVersion"),
                    served.get(v).getField("modelVersion"));
            assertArrayEquals(
                    ((DenseVector) versions.get(v).getField("coefficient")).values,
                    ((DenseVector) served.get(v).getField("coefficient")).values,
                    1e-12);
        }
    }

    /** The fraction of positive–negative pairs ordered right, ties counting ½. */
    private static double pairwiseAuc(double[] scores, double[] labels) {
        double ordered = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; labels[i] == 1 && j < scores.length; j++) {
                if (labels[j] == 0) {
                    ordered += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return ordered / pairs;
    }

    @Test
    void testResetOnDriftLetsFtrlRelearnANewConcept() throws Exception {
        List<Row> rows = conceptFlip();
        // The mean log loss of the windows after the change (rows 2000-3999): how fast it relearns.
        double[] lossAfterChange = new double[2];
        for (int k = 0; k < 2; k++) {
            TestJob job = TestJob.withParallelism(1);
            LogisticRegression lr =
                    new LogisticRegression()
                            .setTrainingMode("online")
                            .setAlpha(0.5)
                            .setGlobalBatchSize(100)
                            .setResetOnDrift(k == 1);
            List<Row> windows =
                    job.collect(
                            new PrequentialEvaluator()
                                    .setEstimator(lr)
                                    .setWindowBatches(5)
                                    .setDriftDetector("none")
                                    .transform(
                                            job.boundedTable(
                                                    COLUMNS, types(DenseVector.class), rows))[0]);
            assertEquals(8, windows.size());
            for (int w = 4; w < 8; w++) {
                lossAfterChange[k] += (Double) windows.get(w).getField("logLoss") / 4;
            }
            // The training metrics: every row in a version, one version per 100 rows, and the
            // optimizer restarted only when asked to.
            String optimizer = "LogisticRegression.onlineOptimizer";
            assertEquals(rows.size(), job.counter(CLUSTER, optimizer, StageMetrics.ROWS_TRAINED));
            assertEquals(
                    rows.size() / 100,
                    job.counter(CLUSTER, optimizer, StageMetrics.MODEL_VERSIONS_EMITTED));
            long resets = job.counter(CLUSTER, optimizer, StageMetrics.DRIFT_RESETS);
            assertTrue(k == 1 ? resets > 0 : resets == 0, "drift resets: " + resets);
        }
        assertTrue(
                lossAfterChange[1] < 0.9 * lossAfterChange[0],
                "log-loss after the change with reset "
                        + lossAfterChange[1]
                        + ", without "
                        + lossAfterChange[0]);
    }

    /** 2000 rows of one logistic concept, then 2000 of the opposite one. */
    private static List<Row> conceptFlip() {
        List<Row> rows =
                new ArrayList<>(
                        rows(
                                SyntheticData.logistic(31, 2000, new double[] {2, -2, 1}, 0, false),
                                false));
        List<Row> changed =
                rows(SyntheticData.logistic(32, 2000, new double[] {-2, 2, -1}, 0, false), false);
        for (Row row : changed) {
            row.setField(0, (Integer) row.getField(0) + 2000);
        }
        rows.addAll(changed);
        return rows;
    }

    @Test
    void testSaveLoadRoundTripsWithItsEstimator(@TempDir Path dir) throws Exception {
        PrequentialEvaluator evaluator =
                new PrequentialEvaluator()
                        .setEstimator(onlineLr().setReg(0.01))
                        .setWindowBatches(4)
                        .setDriftDetector("pageHinkley");
        String path = dir.resolve("evaluator").toString();
        evaluator.save(path);
        TestJob job = TestJob.withParallelism(1);
        PrequentialEvaluator loaded = PrequentialEvaluator.load(job.env, path);

        assertEquals(evaluator.getParamMap(), loaded.getParamMap());
        assertEquals(LogisticRegression.class, loaded.getEstimator().getClass());
        assertEquals(evaluator.getEstimator().getParamMap(), loaded.getEstimator().getParamMap());

        // The loaded evaluator runs the same training and reports the same windows.
        List<Row> rows =
                rows(SyntheticData.logistic(5, 1200, new double[] {1, -1}, 0.2, false), false);
        List<Row> original =
                job.collect(
                        evaluator
                                .transform(
                                        job.boundedTable(COLUMNS, types(DenseVector.class), rows))[
                                0]);
        TestJob again = TestJob.withParallelism(1);
        List<Row> reloaded =
                again.collect(
                        loaded.transform(
                                        again.boundedTable(
                                                COLUMNS, types(DenseVector.class), rows))[0]);
        assertEquals(3, original.size());
        assertEquals(original, reloaded);

        // An estimator file that names a stage of another kind is refused before it loads.
        String tampered = dir.resolve("tampered").toString();
        new PrequentialEvaluator().save(tampered);
        new StandardScaler().save(tampered + "/estimator");
        InvalidModelFileException e =
                assertThrows(
                        InvalidModelFileException.class,
                        () -> PrequentialEvaluator.load(job.env, tampered));
        assertTrue(e.getMessage().contains("which is not a " + TestThenTrain.class.getName()));
    }

    @Test
    void testDriftIsDetectedAndLossRecoversAfterAConceptChange() throws Exception {
        List<Row> rows = conceptFlip();
        TestJob job = TestJob.withParallelism(1);
        Table[] outputs =
                new PrequentialEvaluator()
                        .setEstimator(onlineLr())
                        .setWindowBatches(5)
                        .setDriftDetector("adwin")
                        .transform(job.boundedTable(COLUMNS, types(DenseVector.class), rows));
        List<Row> windows = job.collect(outputs[0]);
        assertEquals(8, windows.size());
        double justBefore = (Double) windows.get(3).getField("logLoss");
        double justAfter = (Double) windows.get(4).getField("logLoss");
        double end = (Double) windows.get(7).getField("logLoss");
        assertTrue(justAfter > 2 * justBefore, justBefore + " then " + justAfter);
        assertTrue(end < justAfter / 2, "recovered to " + end + " from " + justAfter);

        TestJob driftJob = TestJob.withParallelism(1);
        Table[] again =
                new PrequentialEvaluator()
                        .setEstimator(onlineLr())
                        .setWindowBatches(5)
                        .setDriftDetector("adwin")
                        .transform(driftJob.boundedTable(COLUMNS, types(DenseVector.class), rows));
        List<Row> drifts = driftJob.collect(again[1]);
        assertTrue(
                drifts.stream()
                        .mapToLong(d -> (Long) d.getField("row"))
                        .anyMatch(row -> row > 2000 && row <= 2600),
                "drift events: " + drifts);
    }
}
