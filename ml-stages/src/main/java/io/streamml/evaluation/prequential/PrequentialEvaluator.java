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
package io.streamml.evaluation.prequential;

import io.streamml.common.model.StageDirectory;
import io.streamml.common.model.StageLoader;
import io.streamml.common.model.StageMetadata;
import io.streamml.common.table.TableEnvironments;
import io.streamml.drift.Adwin;
import io.streamml.drift.DriftDetector;
import io.streamml.drift.PageHinkley;
import io.streamml.linear.TestThenTrain;

import org.apache.flink.core.fs.Path;
import org.apache.flink.ml.api.AlgoOperator;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.Preconditions;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prequential (test-then-train) evaluation of an online linear Estimator: it trains the Estimator
 * online on the input and scores every row with the model version that existed before the row was
 * learned from. Output 0: one row per window of {@code windowBatches} mini-batches with the model
 * version range, the window's metrics (logistic: logLoss, areaUnderROC, accuracy; linear: rmse,
 * mae, r2), the cumulative loss and the drift alarms in the window. Output 1: drift events (rows
 * seen through the batch, model version, batch timestamp, detector statistic) when ADWIN or
 * Page-Hinkley sees the per-row squared error rise, fed a mini-batch at a time (see {@link
 * io.streamml.drift.ErrorDriftMonitor}). Output 2: the model data of the same training run — the
 * versions whose predictions were evaluated — so that a job trains once and both evaluates and
 * serves (set it as a Model's model data).
 *
 * <p>Every worker of the online fit scores and summarizes its own rows; only the summaries reach
 * the single task that merges them, so evaluation scales out with the fit. The metrics are exact
 * sums except areaUnderROC, which comes from a log-odds histogram and is within {@link
 * io.streamml.evaluation.metrics.BinaryClassificationSummary#areaUnderROCErrorBound()} of the exact
 * area (ties of a positive and a negative in one bin of width 1/128 count ½).
 */
public class PrequentialEvaluator
        implements AlgoOperator<PrequentialEvaluator>,
                PrequentialEvaluatorParams<PrequentialEvaluator> {
    static final String STAGE = "PrequentialEvaluator";

    /** Where {@link #save} puts the Estimator, below the evaluator's own directory. */
    private static final String ESTIMATOR_DIR = "estimator";

    private final Map<Param<?>, Object> paramMap = new HashMap<>();
    private TestThenTrain estimator;

    public PrequentialEvaluator() {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
    }

    /** The online Estimator to evaluate (e.g. a configured LogisticRegression). */
    public PrequentialEvaluator setEstimator(TestThenTrain estimator) {
        this.estimator = estimator;
        return this;
    }

    /** The online Estimator to evaluate, or null while none is set. */
    public TestThenTrain getEstimator() {
        return estimator;
    }

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }

    @Override
    public Table[] transform(Table... inputs) {
        Preconditions.checkArgument(inputs.length == 1, "%s takes one input table", STAGE);
        Preconditions.checkState(estimator != null, "%s needs an Estimator", STAGE);
        StreamTableEnvironment tEnv = TableEnvironments.of(inputs[0]);
        boolean probabilities = estimator.predictsProbabilities();
        TestThenTrain.Run run = estimator.testThenTrain(inputs[0]);
        SingleOutputStreamOperator<Row> metrics =
                run.evaluations
                        .transform(
                                STAGE + ".metrics",
                                PrequentialMetricsOperator.metricsType(probabilities),
                                new PrequentialMetricsOperator(
                                        probabilities, getWindowBatches(), detectors()))
                        .setParallelism(1);
        return new Table[] {
            tEnv.fromDataStream(metrics),
            tEnv.fromDataStream(metrics.getSideOutput(PrequentialMetricsOperator.DRIFTS)),
            run.modelData
        };
    }

    /** The drift detector the params name, picked once here. */
    private DriftDetector.Factory detectors() {
        switch (getDriftDetector()) {
            case ADWIN:
                return Adwin::new;
            case PAGE_HINKLEY:
                return PageHinkley::new;
            default:
                return null;
        }
    }

    /** Saves the params, and the Estimator (when set) under {@code path/estimator}. */
    @Override
    public void save(String path) throws IOException {
        StageMetadata.save(this, path);
        if (estimator != null) {
            estimator.save(StageDirectory.child(path, ESTIMATOR_DIR));
        }
    }

    /**
     * Loads what {@link #save} wrote. The Estimator's metadata is untrusted like the rest: its
     * class must be a Stage and a {@link TestThenTrain} before anything of it runs.
     */
    public static PrequentialEvaluator load(StreamExecutionEnvironment env, String path)
            throws IOException {
        PrequentialEvaluator evaluator = StageMetadata.load(path, PrequentialEvaluator.class);
        String estimatorPath = StageDirectory.child(path, ESTIMATOR_DIR);
        Path estimatorDir = new Path(estimatorPath);
        if (estimatorDir.getFileSystem().exists(estimatorDir)) {
            evaluator.estimator = StageLoader.load(env, estimatorPath, TestThenTrain.class);
        }
        return evaluator;
    }
}
