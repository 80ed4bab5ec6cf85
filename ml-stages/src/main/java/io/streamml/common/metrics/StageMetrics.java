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

import org.apache.flink.metrics.MetricGroup;

/**
 * The names of the Flink metrics the stages report, in the metric group of the operator that
 * reports them (its name starts with the stage's name, e.g. {@code
 * LogisticRegression.coordinator}). Counters count since the task last started; gauges backed by
 * operator state survive restarts.
 */
public final class StageMetrics {
    /** Bounded fits: gauge, the optimizer rounds (passes over the data) completed. */
    public static final String ROUNDS = "rounds";

    /** Bounded fits: gauge, the objective at the last evaluated point (NaN before the first). */
    public static final String OBJECTIVE = "objective";

    /** Online fits: counter, the model versions emitted. */
    public static final String MODEL_VERSIONS_EMITTED = "modelVersionsEmitted";

    /** Online fits: counter, the rows that went into emitted model versions. */
    public static final String ROWS_TRAINED = "rowsTrained";

    /** Online fits with a drift reaction: gauge, how often the optimizer was restarted. */
    public static final String DRIFT_RESETS = "driftResets";

    /** Streaming transform: gauge, the rows held until a recent enough model version arrives. */
    public static final String ROWS_WAITING_FOR_MODEL = "rowsWaitingForModel";

    /** Streaming transform: gauges of the model in use, as {@link #MODEL_VERSION} here too. */
    public static final String MODEL_VERSION = "modelVersion";

    public static final String MODEL_TIMESTAMP = "modelTimestamp";

    /** Flink ML 2.3's names ({@code MLMetrics}): group {@code ml}, then {@code model}=class. */
    public static final String FLINK_ML_GROUP = "ml";

    public static final String FLINK_ML_MODEL_GROUP = "model";
    public static final String FLINK_ML_VERSION = "version";
    public static final String FLINK_ML_TIMESTAMP = "timestamp";

    private StageMetrics() {}

    /**
     * The group where Flink ML 2.3's models report their gauges, so dashboards built for Flink ML
     * find ours: {@code <operator>.ml.model.<modelClass>}.
     */
    public static MetricGroup flinkMlModelGroup(MetricGroup operatorGroup, String modelClass) {
        return operatorGroup.addGroup(FLINK_ML_GROUP).addGroup(FLINK_ML_MODEL_GROUP, modelClass);
    }
}
