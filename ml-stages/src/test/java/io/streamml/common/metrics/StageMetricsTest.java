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
package io.streamml.common.metrics;

import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.classification.logisticregression.LogisticRegressionModel;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.SyntheticData;
import io.streamml.testutil.TestJob;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.groups.OperatorMetricGroup;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static io.streamml.testutil.LinearTestData.COLUMNS;
import static io.streamml.testutil.LinearTestData.rows;
import static io.streamml.testutil.LinearTestData.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The metrics of {@link StageMetrics} reach Flink's metric system with the values the fit and the
 * transform report elsewhere (the online counters are checked in PrequentialEvaluatorTest).
 */
class StageMetricsTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final SyntheticData DATA =
            SyntheticData.logistic(3, 300, new double[] {1, -1, 0.5}, 0.2, false);

    @Test
    void testBoundedFitReportsRoundsAndObjective() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, types(DenseVector.class), rows(DATA, false));
        LogisticRegressionModel model = new LogisticRegression().setReg(0.1).fit(input);
        Row summary = job.collect(model.getTrainingSummary()).get(0);
        double[] losses = (double[]) summary.getField("losses");

        List<Gauge<?>> rounds = gauges(job, "LogisticRegression.optimizer", StageMetrics.ROUNDS);
        List<Gauge<?>> objective =
                gauges(job, "LogisticRegression.optimizer", StageMetrics.OBJECTIVE);
        assertEquals(1, rounds.size());
        assertEquals(summary.getField("rounds"), rounds.get(0).getValue());
        assertEquals(losses[losses.length - 1], (Double) objective.get(0).getValue(), 0);
    }

    @Test
    void testTransformReportsTheModelUnderOurAndFlinkMlNames() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table input = job.boundedTable(COLUMNS, types(DenseVector.class), rows(DATA, false));
        LogisticRegressionModel model = new LogisticRegression().fit(input);
        assertEquals(DATA.numRows(), job.collect(model.transform(input)[0]).size());

        // A bounded fit's single model: version 0, valid forever.
        List<Long> versions =
                job.metricValuesBySuffix(CLUSTER, "ml.model.LogisticRegressionModel.version");
        List<Long> timestamps =
                job.metricValuesBySuffix(CLUSTER, "ml.model.LogisticRegressionModel.timestamp");
        assertEquals(2, versions.size());
        versions.forEach(v -> assertEquals(0L, v));
        timestamps.forEach(t -> assertEquals(Long.MAX_VALUE, t));
        assertEquals(
                versions,
                job.metricValues(
                        CLUSTER, "LogisticRegressionModel.transform", StageMetrics.MODEL_VERSION));
        List<Long> waiting =
                job.metricValues(
                        CLUSTER,
                        "LogisticRegressionModel.transform",
                        StageMetrics.ROWS_WAITING_FOR_MODEL);
        assertFalse(waiting.isEmpty());
        waiting.forEach(w -> assertEquals(0L, w));
    }

    private static List<Gauge<?>> gauges(TestJob job, String operator, String name) {
        List<Gauge<?>> gauges = new ArrayList<>();
        for (OperatorMetricGroup group : CLUSTER.reporter().findOperatorMetricGroups(".*")) {
            String operatorName = group.getAllVariables().get("<operator_name>");
            if (job.name.equals(group.getAllVariables().get("<job_name>"))
                    && operatorName != null
                    && operatorName.contains(operator)) {
                Metric metric = CLUSTER.reporter().getMetricsByGroup(group).get(name);
                if (metric != null) {
                    gauges.add((Gauge<?>) metric);
                }
            }
        }
        return gauges;
    }
}
