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
package io.streamml.linear;

import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.common.param.HasTrainingMode;
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.evaluation.prequential.PrequentialEvaluator;
import io.streamml.regression.linearregression.LinearRegression;
import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.LogCapture;
import io.streamml.testutil.TestJob;

import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static io.streamml.testutil.LinearTestData.COLUMNS;
import static io.streamml.testutil.LinearTestData.types;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An online linear fit with the default globalBatchSize (a version every 32 rows) logs one line
 * naming the param to raise; a fit that sets the batch size or windows, or trains bounded, does
 * not. The plans are only built, not run: the hint is logged when the fit is set up.
 */
class OnlineBatchSizeHintTest {
    private static final String LOGISTIC_HINT =
            "INFO LogisticRegression: online training with the default globalBatchSize 32 emits a"
                    + " model version every 32 rows; set globalBatchSize (e.g. 1000-10000) or"
                    + " windows for throughput.";

    private final TestJob job = TestJob.withParallelism(2);

    private Table unbounded() {
        return job.unboundedTable(
                new ControllableSource(), COLUMNS, types(DenseVector.class), false);
    }

    private Table bounded() {
        return job.boundedTable(
                COLUMNS, types(DenseVector.class), Row.of(0, Vectors.dense(1, 2), 1.0, 1.0));
    }

    /** The batch-size hints logged while {@code plan} builds. */
    private static List<String> hints(Runnable plan) {
        try (LogCapture log = LogCapture.of(LinearFit.class)) {
            plan.run();
            return log.messages().stream()
                    .filter(message -> message.contains("globalBatchSize"))
                    .collect(Collectors.toList());
        }
    }

    @Test
    void testOnlineFitWithTheDefaultBatchSizeLogsTheHint() {
        assertEquals(
                Collections.singletonList(LOGISTIC_HINT),
                hints(() -> new LogisticRegression().fit(unbounded())));
        assertEquals(
                Collections.singletonList(
                        LOGISTIC_HINT.replace("LogisticRegression", "LinearRegression")),
                hints(() -> new LinearRegression().fit(unbounded())));
    }

    @Test
    void testPrequentialEvaluationWithTheDefaultBatchSizeLogsTheHint() {
        assertEquals(
                Collections.singletonList(LOGISTIC_HINT),
                hints(
                        () ->
                                new PrequentialEvaluator()
                                        .setEstimator(new LogisticRegression())
                                        .transform(unbounded())));
    }

    @Test
    void testOnlineTrainingOfABoundedTableWithTheDefaultBatchSizeLogsTheHint() {
        assertEquals(
                Collections.singletonList(LOGISTIC_HINT),
                hints(
                        () ->
                                new LogisticRegression()
                                        .setTrainingMode(HasTrainingMode.ONLINE_MODE)
                                        .fit(bounded())));
    }

    @Test
    void testNoHintWhenTheBatchSizeOrWindowsAreSet() {
        assertEquals(
                Collections.emptyList(),
                hints(() -> new LogisticRegression().setGlobalBatchSize(1000).fit(unbounded())));
        assertEquals(
                Collections.emptyList(),
                hints(() -> new LinearRegression().setGlobalBatchSize(10).fit(unbounded())));
        assertEquals(
                Collections.emptyList(),
                hints(
                        () ->
                                new LogisticRegression()
                                        .setWindows(CountTumblingWindows.of(32))
                                        .fit(unbounded())));
    }

    @Test
    void testNoHintForABoundedFit() {
        assertEquals(Collections.emptyList(), hints(() -> new LogisticRegression().fit(bounded())));
        assertEquals(
                Collections.emptyList(),
                hints(() -> new LinearRegression().setOptimizer("sgd").fit(bounded())));
    }
}
