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
import io.streamml.common.serialization.PrimitiveArrays;
import io.streamml.drift.DriftDetector;
import io.streamml.drift.ErrorDriftMonitor;
import io.streamml.evaluation.metrics.BinaryClassificationMetrics;
import io.streamml.evaluation.metrics.RegressionMetrics;
import io.streamml.linear.BatchEvaluation;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Turns test-then-train batch evaluations (in batch order, from the single online coordinator) into
 * one metrics row per window of batches — with the model version range, the window's and the
 * cumulative loss — and feeds every row's squared error to a drift detector (see {@link
 * ErrorDriftMonitor}), whose alarms of a worsening go to a side output. All of it lives in operator
 * state.
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
        final List<double[]> scores = new ArrayList<>();
        final List<double[]> labels = new ArrayList<>();
        final List<double[]> weights = new ArrayList<>();
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
        double[] scores = batch.predictions.scores();
        double[] labels = batch.predictions.labels();
        double[] weights = batch.predictions.weights();
        for (int i = 0; i < scores.length; i++) {
            double loss = loss(scores[i], labels[i]);
            window.cumulativeLoss += weights[i] * loss;
            window.cumulativeWeight += weights[i];
            window.rowsSeen++;
            if (window.detector != null && window.detector.update(scores[i], labels[i])) {
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
        }
        if (window.firstVersion < 0) {
            window.firstVersion = batch.modelVersion;
        }
        window.lastVersion = batch.modelVersion;
        window.scores.add(scores);
        window.labels.add(labels);
        window.weights.add(weights);
        if (++window.batches == windowBatches) {
            emitWindow();
        }
    }

    /** Log loss for probabilities, squared error otherwise. */
    private double loss(double score, double label) {
        if (probabilities) {
            double p = Math.min(Math.max(score, 1e-15), 1 - 1e-15);
            return -(label * Math.log(p) + (1 - label) * Math.log(1 - p));
        }
        return (score - label) * (score - label);
    }

    private void emitWindow() {
        double[] scores = concat(window.scores);
        double[] labels = concat(window.labels);
        double[] weights = concat(window.weights);
        double cumulative = window.cumulativeLoss / window.cumulativeWeight;
        Row row;
        if (probabilities) {
            BinaryClassificationMetrics metrics =
                    BinaryClassificationMetrics.of(scores, labels, weights);
            row =
                    Row.of(
                            window.index,
                            window.firstVersion,
                            window.lastVersion,
                            scores.length,
                            metrics.logLoss(),
                            metrics.areaUnderROC(),
                            metrics.accuracy(0.5),
                            cumulative,
                            window.drifts);
        } else {
            RegressionMetrics metrics = RegressionMetrics.of(scores, labels, weights);
            row =
                    Row.of(
                            window.index,
                            window.firstVersion,
                            window.lastVersion,
                            scores.length,
                            metrics.rootMeanSquaredError(),
                            metrics.meanAbsoluteError(),
                            metrics.r2(),
                            Math.sqrt(cumulative),
                            window.drifts);
        }
        output.collect(new StreamRecord<>(row));
        Window next = new Window();
        next.index = window.index + 1;
        next.cumulativeLoss = window.cumulativeLoss;
        next.cumulativeWeight = window.cumulativeWeight;
        next.rowsSeen = window.rowsSeen;
        next.detector = window.detector;
        window = next;
    }

    private static double[] concat(List<double[]> parts) {
        int n = parts.stream().mapToInt(part -> part.length).sum();
        double[] all = new double[n];
        int offset = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
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

        @Override
        public void write(Window window, DataOutputView out) throws IOException {
            out.writeLong(window.index);
            out.writeInt(window.batches);
            out.writeLong(window.firstVersion);
            out.writeLong(window.lastVersion);
            out.writeInt(window.scores.size());
            for (int i = 0; i < window.scores.size(); i++) {
                PrimitiveArrays.writeDoubles(out, window.scores.get(i));
                PrimitiveArrays.writeDoubles(out, window.labels.get(i));
                PrimitiveArrays.writeDoubles(out, window.weights.get(i));
            }
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
            int batches = in.readInt();
            for (int i = 0; i < batches; i++) {
                window.scores.add(PrimitiveArrays.readDoubles(in));
                window.labels.add(PrimitiveArrays.readDoubles(in));
                window.weights.add(PrimitiveArrays.readDoubles(in));
            }
            window.drifts = in.readLong();
            window.cumulativeLoss = in.readDouble();
            window.cumulativeWeight = in.readDouble();
            window.rowsSeen = in.readLong();
            window.detector = JavaSerializedObjects.read(in);
            return window;
        }
    }
}
