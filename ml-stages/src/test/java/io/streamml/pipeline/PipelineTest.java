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
import io.streamml.classification.logisticregression.LogisticRegressionModel;
import io.streamml.common.model.LatestModelScoringOperator;
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.feature.standardscaler.StandardScalerModel;
import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.SyntheticData;
import io.streamml.testutil.TestJob;

import org.apache.flink.ml.api.Stage;
import org.apache.flink.ml.builder.Pipeline;
import org.apache.flink.ml.builder.PipelineModel;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.streamml.testutil.LinearTestData.COLUMNS;
import static io.streamml.testutil.LinearTestData.rows;
import static io.streamml.testutil.LinearTestData.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A StandardScaler → LogisticRegression Pipeline on bounded and unbounded Tables. */
class PipelineTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    /** Logistic data whose features sit far from zero with different scales. */
    private static List<Row> shiftedRows(long seed, int n) {
        SyntheticData data = SyntheticData.logistic(seed, n, new double[] {2, -1.5, 1}, 0.3, false);
        List<Row> rows = rows(data, false);
        for (Row row : rows) {
            double[] x = ((DenseVector) row.getField(1)).values;
            x[0] = 100 + 10 * x[0];
            x[1] = -5 + 0.1 * x[1];
        }
        return rows;
    }

    private static List<Stage<?>> stages(boolean online) {
        StandardScaler scaler =
                new StandardScaler()
                        .setInputCol("features")
                        .setOutputCol("scaled")
                        .setWithMean(true);
        LogisticRegression lr =
                new LogisticRegression().setFeaturesCol("scaled").setMaxIter(200).setTol(1e-12);
        if (online) {
            scaler.setWindows(CountTumblingWindows.of(100));
            lr.setGlobalBatchSize(100).setOptimizer("sgd").setLearningRate(0.5);
        }
        List<Stage<?>> stages = new ArrayList<>();
        stages.add(scaler);
        stages.add(lr);
        return stages;
    }

    @Test
    void testBoundedPipelineEqualsStagesOneByOne() throws Exception {
        List<Row> rows = shiftedRows(1, 300);
        TestJob job = TestJob.withParallelism(2);
        Table train = job.boundedTable(COLUMNS, types(DenseVector.class), rows);
        PipelineModel pipeline = new Pipeline(stages(false)).fit(train);
        List<Row> viaPipeline = sorted(job.collect(pipeline.transform(train)[0]));

        StandardScalerModel scaler = ((StandardScaler) stages(false).get(0)).fit(train);
        LogisticRegressionModel lr =
                ((LogisticRegression) stages(false).get(1)).fit(scaler.transform(train)[0]);
        List<Row> oneByOne = sorted(job.collect(lr.transform(scaler.transform(train)[0])[0]));

        assertEquals(rows.size(), viaPipeline.size());
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(
                    ((DenseVector) oneByOne.get(i).getField("rawPrediction")).values,
                    ((DenseVector) viaPipeline.get(i).getField("rawPrediction")).values,
                    1e-12);
        }
    }

    @Test
    void testUnboundedPipelinePredictionsImproveAsVersionsArrive() throws Exception {
        List<Row> train = shiftedRows(2, 3000);
        List<Row> test = shiftedRows(3, 200);
        TestJob job = TestJob.withParallelism(2);
        ControllableSource trainSource = new ControllableSource();
        ControllableSource testSource = new ControllableSource();
        PipelineModel pipeline =
                new Pipeline(stages(true))
                        .fit(
                                job.unboundedTable(
                                        trainSource, COLUMNS, types(DenseVector.class), false));
        Table scored =
                pipeline.transform(
                                job.unboundedTable(
                                        testSource, COLUMNS, types(DenseVector.class), false))[0];
        double[] logLoss = new double[2];
        try (CloseableIterator<Row> it = job.start(scored)) {
            int[] releasedBatches = {1, 30};
            int released = 0;
            for (int k = 0; k < 2; k++) {
                int until = releasedBatches[k] * 100;
                trainSource.release(train.subList(released, until).toArray(new Row[0]));
                released = until;
                waitForVersion(job, releasedBatches[k]);
                testSource.release(test.toArray(new Row[0]));
                List<Row> out = TestJob.take(it, test.size());
                for (Row row : out) {
                    double p = ((DenseVector) row.getField("rawPrediction")).get(1);
                    double y = (Double) row.getField("label");
                    logLoss[k] -= (y * Math.log(p) + (1 - y) * Math.log(1 - p)) / test.size();
                }
            }
        }
        assertTrue(
                logLoss[1] < logLoss[0] - 0.05,
                "log-loss after 1 version " + logLoss[0] + ", after 30 " + logLoss[1]);
    }

    private static void waitForVersion(TestJob job, long version) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            List<Long> versions =
                    job.metricValues(
                            CLUSTER,
                            "LogisticRegressionModel.transform",
                            LatestModelScoringOperator.VERSION_GAUGE);
            if (!versions.isEmpty() && versions.stream().allMatch(v -> v >= version)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("model version " + version + " never reached the transform");
    }

    private static List<Row> sorted(List<Row> rows) {
        rows.sort(Comparator.comparing(row -> (Integer) row.getField("id")));
        return rows;
    }
}
