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

import io.streamml.common.serialization.Codec;
import io.streamml.common.serialization.CodecTypeInfo;
import io.streamml.common.serialization.JavaSerializedObjects;
import io.streamml.drift.DriftDetector;
import io.streamml.drift.ErrorDriftMonitor;
import io.streamml.evaluation.metrics.BinaryClassificationSummary;
import io.streamml.evaluation.metrics.RegressionMetrics;
import io.streamml.linear.BatchEvaluation;
import io.streamml.linear.SliceEvaluation;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.iteration.operator.OperatorStateUtils;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.types.Row;
import org.apache.flink.util.OutputTag;

import java.io.IOException;

/**
 * Turns test-then-train batch evaluations (in batch order, from the single online coordinator) into
 * one metrics row per window of batches — with the model version range, the window's and the
 * cumulative loss — and feeds every batch's per-row squared errors (their count, mean and spread)
 * to a drift detector (see {@link ErrorDriftMonitor}), whose alarms of a worsening go to a side
 * output. Each batch arrives as a summary the workers made of their rows, so the window's state has
 * a bounded size, whatever the number of rows. All of it lives in operator state.
 */
class PrequentialMetricsOperator extends AbstractStreamOperator<Row>
        implements OneInputStreamOperator<BatchEvaluation, Row>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    static final OutputTag<Row> DRIFTS = new OutputTag<>("drifts", driftType());

    private final boolean probabilities;
    private final int windowBatches;

    /** The detector over the per-row squared error, or null for none. */
    private final DriftDetector.Factory detectors;

    private transient Window window;
    private transient ListState<Window> windowState;

    /** A window in progress plus what carries over between windows. */
    static final class Window {
        long index;
        int batches;
        long firstVersion = -1;
        long lastVersion = -1;

        /** The window's batches merged (their own copy: input records are not kept). */
        SliceEvaluation summary;

        long drifts;
        double cumulativeLoss;
        double cumulativeWeight;
        long rowsSeen;
        ErrorDriftMonitor detector;
    }

    PrequentialMetricsOperator(
            boolean probabilities, int windowBatches, DriftDetector.Factory detectors) {
        this.probabilities = probabilities;
        this.windowBatches = windowBatches;
        this.detectors = detectors;
    }

    static RowTypeInfo metricsType(boolean probabilities) {
        // The same layout for both; only the four metric columns are named after the model kind.
        String[] metrics =
                probabilities
                        ? new String[] {"logLoss", "areaUnderROC", "accuracy", "cumulativeLogLoss"}
                        : new String[] {"rmse", "mae", "r2", "cumulativeRmse"};
        return new RowTypeInfo(
                new TypeInformation<?>[] {
                    Types.LONG,
                    Types.LONG,
                    Types.LONG,
                    Types.INT,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.LONG
                },
                new String[] {
                    "window",
                    "firstModelVersion",
                    "lastModelVersion",
                    "rows",
                    metrics[0],
                    metrics[1],
                    metrics[2],
                    metrics[3],
                    "drifts"
                });
    }

    static RowTypeInfo driftType() {
        return new RowTypeInfo(
                new TypeInformation<?>[] {Types.LONG, Types.LONG, Types.LONG, Types.DOUBLE},
                new String[] {"row", "modelVersion", "timestamp", "statistic"});
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        windowState =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "window",
                                        new CodecTypeInfo<>(Window.class, new WindowCodec())));
        window = new Window();
        window.summary = new SliceEvaluation(probabilities);
        window.detector = detectors == null ? null : new ErrorDriftMonitor(detectors.create());
        window = OperatorStateUtils.getUniqueElement(windowState, "window").orElse(window);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        windowState.clear();
        windowState.add(window);
    }

    @Override
    public void processElement(StreamRecord<BatchEvaluation> record) {
        BatchEvaluation batch = record.getValue();
        SliceEvaluation summary = batch.summary;
        window.cumulativeLoss += summary.weightedLossSum();
        window.cumulativeWeight += summary.totalWeight();
        window.rowsSeen += summary.rows();
        if (window.detector != null
                && summary.rows() > 0
                && window.detector.update(summary.squaredErrors())) {
            window.drifts++;
            output.collect(
                    DRIFTS,
                    new StreamRecord<>(
                            Row.of(
                                    window.rowsSeen,
                                    batch.modelVersion,
                                    batch.timestamp,
                                    window.detector.detector().statistic())));
        }
        if (window.firstVersion < 0) {
            window.firstVersion = batch.modelVersion;
        }
        window.lastVersion = batch.modelVersion;
        window.summary.merge(summary);
        if (++window.batches == windowBatches) {
            emitWindow();
        }
    }

    private void emitWindow() {
        SliceEvaluation summary = window.summary;
        double cumulative = window.cumulativeLoss / window.cumulativeWeight;
        Row row;
        if (probabilities) {
            BinaryClassificationSummary metrics = summary.classification();
            row =
                    Row.of(
                            window.index,
                            window.firstVersion,
                            window.lastVersion,
                            (int) summary.rows(),
                            metrics.logLoss(),
                            metrics.areaUnderROC(),
                            metrics.accuracy(),
                            cumulative,
                            window.drifts);
        } else {
            RegressionMetrics metrics = summary.regression();
            row =
                    Row.of(
                            window.index,
                            window.firstVersion,
                            window.lastVersion,
                            (int) summary.rows(),
                            metrics.rootMeanSquaredError(),
                            metrics.meanAbsoluteError(),
                            metrics.r2(),
                            Math.sqrt(cumulative),
                            window.drifts);
        }
        output.collect(new StreamRecord<>(row));
        Window next = new Window();
        next.summary = new SliceEvaluation(probabilities);
        next.index = window.index + 1;
        next.cumulativeLoss = window.cumulativeLoss;
        next.cumulativeWeight = window.cumulativeWeight;
        next.rowsSeen = window.rowsSeen;
        next.detector = window.detector;
        window = next;
    }

    @Override
    public void endInput() {
        if (window.batches > 0) {
            emitWindow();
        }
    }

    /** Writes the window field by field; the drift monitor goes in as its Java serialization. */
    static final class WindowCodec implements Codec<Window> {
        private static final long serialVersionUID = 1L;

        private static final TypeSerializer<SliceEvaluation> SUMMARIES =
                TypeInformation.of(SliceEvaluation.class).createSerializer(new ExecutionConfig());

        @Override
        public void write(Window window, DataOutputView out) throws IOException {
            out.writeLong(window.index);
            out.writeInt(window.batches);
            out.writeLong(window.firstVersion);
            out.writeLong(window.lastVersion);
            SUMMARIES.serialize(window.summary, out);
            out.writeLong(window.drifts);
            out.writeDouble(window.cumulativeLoss);
            out.writeDouble(window.cumulativeWeight);
            out.writeLong(window.rowsSeen);
            JavaSerializedObjects.write(out, window.detector);
        }

        @Override
        public Window read(DataInputView in) throws IOException {
            Window window = new Window();
            window.index = in.readLong();
            window.batches = in.readInt();
            window.firstVersion = in.readLong();
            window.lastVersion = in.readLong();
            window.summary = SUMMARIES.deserialize(in);
            window.drifts = in.readLong();
            window.cumulativeLoss = in.readDouble();
            window.cumulativeWeight = in.readDouble();
            window.rowsSeen = in.readLong();
            window.detector = JavaSerializedObjects.read(in);
            return window;
        }
    }
}
