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

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.model.ModelScoring;
import io.streamml.common.param.HasTrainingMode;
import io.streamml.common.table.InputBoundedness;
import io.streamml.common.table.RowTypes;
import io.streamml.common.table.TableEnvironments;
import io.streamml.common.table.TableRows;
import io.streamml.common.window.Windows;
import io.streamml.linear.bounded.BoundedLinearTrainer;
import io.streamml.linear.loss.Loss;
import io.streamml.linear.online.OnlineLinearTrainer;
import io.streamml.linear.training.LabeledRowReader;
import io.streamml.linear.training.LinearTrainingConfig;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.array.DoublePrimitiveArraySerializer;
import org.apache.flink.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.ml.common.param.HasGlobalBatchSize;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fit both linear Estimators run: input checks, then the bounded or the online trainer. */
@Internal
public final class LinearFit {
    private static final Logger LOG = LoggerFactory.getLogger(LinearFit.class);

    /** Columns of the training summary Table. */
    public static final RowTypeInfo SUMMARY_TYPE =
            new RowTypeInfo(
                    new TypeInformation<?>[] {
                        Types.INT,
                        TypeInformation.of(double[].class),
                        TypeInformation.of(long[].class),
                        Types.BOOLEAN,
                        Types.STRING
                    },
                    new String[] {"rounds", "losses", "elapsedMs", "converged", "stopReason"});

    /**
     * The summary Table's columns. The arrays are RAW columns of {@code double[]} and {@code
     * long[]}: as SQL arrays, Flink 1.14's {@code Table.execute().collect()} would return them as
     * {@code Double[]} and {@code Long[]} whatever class the schema declares (it erases conversion
     * classes to the defaults), while a RAW column converts to its own class on every path.
     */
    private static final Schema SUMMARY_SCHEMA =
            Schema.newBuilder()
                    .column("rounds", DataTypes.INT().notNull())
                    .column(
                            "losses",
                            DataTypes.RAW(double[].class, DoublePrimitiveArraySerializer.INSTANCE))
                    .column(
                            "elapsedMs",
                            DataTypes.RAW(long[].class, LongPrimitiveArraySerializer.INSTANCE))
                    .column("converged", DataTypes.BOOLEAN().notNull())
                    .column("stopReason", DataTypes.STRING())
                    .build();

    /** The model data Table: one row, or a stream of versions when training online. */
    public final Table modelData;

    /** The training summary Table (one row), or null when training online. */
    public final Table summary;

    private LinearFit(Table modelData, Table summary) {
        this.modelData = modelData;
        this.summary = summary;
    }

    private static LabeledRowReader reader(
            RowTypeInfo inputType, LinearTrainingParams<?> params, String stage, Loss loss) {
        String weightCol = params.getWeightCol();
        return new LabeledRowReader(
                new InvalidRowPolicy(stage, params.getHandleInvalid()),
                loss,
                params.getFeaturesCol(),
                ModelScoring.vectorColumnIndex(stage, inputType, params.getFeaturesCol()),
                params.getLabelCol(),
                ModelScoring.numberColumnIndex(stage, inputType, params.getLabelCol()),
                weightCol,
                weightCol == null
                        ? -1
                        : ModelScoring.numberColumnIndex(stage, inputType, weightCol));
    }

    /**
     * The mini-batch windows of online training. Flink ML's default globalBatchSize (32) makes a
     * version every 32 rows, each a round of the iteration and a model broadcast to every scoring
     * task: fine for a demo, slow for a busy stream, so the log names the param to raise.
     */
    private static Windows onlineBatches(LinearTrainingParams<?> params, String stage) {
        int batchSize = params.getGlobalBatchSize();
        if (params.getWindows() == null
                && batchSize == HasGlobalBatchSize.GLOBAL_BATCH_SIZE.defaultValue) {
            LOG.info(
                    "{}: online training with the default globalBatchSize {} emits a model version"
                            + " every {} rows; set globalBatchSize (e.g. 1000-10000) or windows for"
                            + " throughput.",
                    stage,
                    batchSize,
                    batchSize);
        }
        return params.batchWindows();
    }

    /**
     * Trains online on {@code input} (bounded input is replayed as a stream) and returns its model
     * versions and, per mini-batch, the predictions its rows got from the version that then learned
     * from them.
     */
    public static TestThenTrain.Run testThenTrain(
            Table input,
            LinearTrainingParams<?> params,
            String stage,
            Loss loss,
            Table initialModelData) {
        StreamTableEnvironment tEnv = TableEnvironments.of(input);
        RowTypeInfo inputType = RowTypes.of(input.getResolvedSchema());
        LinearTrainingConfig config =
                params.onlineTrainingConfig(stage, loss, initialModelData != null)
                        .withTestThenTrain();
        OnlineLinearTrainer.Result result =
                new OnlineLinearTrainer(config, reader(inputType, params, stage, loss))
                        .fit(
                                TableRows.of(input),
                                inputType,
                                onlineBatches(params, stage),
                                initialModelData == null
                                        ? null
                                        : LinearModelData.SCHEMA.fromTable(initialModelData));
        return new TestThenTrain.Run(
                LinearModelData.SCHEMA.toTable(tEnv, result.versions), result.evaluations);
    }

    /** Attaches the training summary to a model fitted here. */
    public static <T extends LinearModel<T>> T withSummary(T model, LinearFit fit) {
        return model.setTrainingSummary(fit.summary);
    }

    /**
     * Fits on {@code input}: to the optimum when the input is bounded, online (a stream of model
     * versions, warm-started from {@code initialModelData} when given) when it is unbounded or when
     * the training mode says "online".
     */
    public static LinearFit fit(
            Table input,
            LinearTrainingParams<?> params,
            String stage,
            Loss loss,
            Table initialModelData) {
        StreamTableEnvironment tEnv = TableEnvironments.of(input);
        RowTypeInfo inputType = RowTypes.of(input.getResolvedSchema());
        LabeledRowReader reader = reader(inputType, params, stage, loss);
        DataStream<Row> rows = TableRows.of(input);
        boolean bounded = InputBoundedness.isBounded(rows);
        String mode = params.getTrainingMode();
        if (HasTrainingMode.BATCH_MODE.equals(mode) && !bounded) {
            throw new IllegalArgumentException(
                    stage
                            + ": trainingMode 'batch' needs a bounded Table, but the input is"
                            + " unbounded; use 'auto' or 'online' to train online.");
        }
        if (!bounded || HasTrainingMode.ONLINE_MODE.equals(mode)) {
            LinearTrainingConfig config =
                    params.onlineTrainingConfig(stage, loss, initialModelData != null);
            DataStream<LinearModelData> versions =
                    new OnlineLinearTrainer(config, reader)
                            .fit(
                                    rows,
                                    inputType,
                                    onlineBatches(params, stage),
                                    initialModelData == null
                                            ? null
                                            : LinearModelData.SCHEMA.fromTable(initialModelData))
                            .versions;
            return new LinearFit(LinearModelData.SCHEMA.toTable(tEnv, versions), null);
        }
        LinearTrainingConfig config = params.boundedTrainingConfig(stage, loss);
        BoundedLinearTrainer.Result result = new BoundedLinearTrainer(config, reader).fit(rows, 0);
        Table summary =
                tEnv.fromDataStream(
                        result.summary.map(
                                s ->
                                        Row.of(
                                                s.rounds,
                                                s.losses,
                                                s.elapsedMs,
                                                s.converged,
                                                s.stopReason),
                                SUMMARY_TYPE),
                        SUMMARY_SCHEMA);
        return new LinearFit(LinearModelData.SCHEMA.toTable(tEnv, result.model), summary);
    }
}
