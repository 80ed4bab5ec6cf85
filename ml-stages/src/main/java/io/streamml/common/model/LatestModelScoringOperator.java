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
package io.streamml.common.model;

import io.streamml.common.input.BadDataException;
import io.streamml.common.metrics.StageMetrics;
import io.streamml.common.table.InternalFields;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.graph.StreamConfig;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.LatencyMarker;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.StreamTask;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.types.Row;
import org.apache.flink.util.OutputTag;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Scores rows (input 1) with the newest model version (input 2, broadcast to every subtask).
 *
 * <ul>
 *   <li>Rows that arrive before the first version wait in state; they are not dropped.
 *   <li>With a max allowed model delay, a row with event time t waits for a version whose timestamp
 *       ≥ t − delay. When the model input ends, waiting rows take the newest version.
 *   <li>The output watermark never passes a waiting row, so waiting does not make rows late.
 *   <li>While rows wait, the output stays active even when both inputs have gone idle (an idle
 *       Kafka partition, say): a task whose output is idle drops the watermarks it emits, so the
 *       rows released later would come without the watermark that lets event-time stages after this
 *       one close their windows. Idleness goes on once no row waits.
 *   <li>Gauges {@code modelVersion} and {@code modelTimestamp} show the version in use (also as
 *       Flink ML 2.3's {@code ml.model.<class>.version} and {@code timestamp}), {@code
 *       rowsWaitingForModel} the rows held for a newer version (see {@link StageMetrics}).
 * </ul>
 *
 * <p>Each subtask keeps the highest version seen (a union list state, so rescaling works too).
 */
@Internal
public class LatestModelScoringOperator<M extends VersionedModelData>
        extends AbstractStreamOperator<RowData>
        implements TwoInputStreamOperator<RowData, M, RowData>, BoundedMultiInput {
    private static final long serialVersionUID = 1L;

    private static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final String stage;
    private final RowScorer<M> scorer;

    /** Positions of the input fields copied to the output, in order. */
    private final int[] keptFields;

    /** The input's columns: the scorer's input field and rejected rows are converted with it. */
    private final InternalFields inputFields;

    /** The scorer's output columns, converted to internal values for the output rows. */
    private final InternalFields outputFields;

    private final boolean withVersionColumn;
    private final Long maxAllowedModelDelayMs;
    private final InternalTypeInfo<RowData> inputType;
    private final TypeInformation<M> modelType;

    private transient M model;
    private transient Row scores;
    private transient TypeSerializer<RowData> rowSerializer;
    private transient ArrayDeque<Tuple2<RowData, Long>> waiting;
    private transient ListState<M> modelState;
    private transient ListState<Tuple2<RowData, Long>> waitingState;
    private transient long rowsWatermark;
    private transient long emittedWatermark;
    private transient boolean modelInputEnded;

    /** Whether Flink last called both inputs idle, and whether the output said so downstream. */
    private transient boolean inputsIdle;

    private transient boolean outputIdle;

    private transient IdlenessAfterWaitingRows idleness;

    /**
     * @param inputType the input's internal rows
     * @param inputFields the input's columns (external classes), in the same order
     * @param keptFields positions of the input fields the output starts with
     * @param outputFields the scorer's output columns (external classes)
     */
    public LatestModelScoringOperator(
            String stage,
            RowScorer<M> scorer,
            InternalTypeInfo<RowData> inputType,
            InternalFields inputFields,
            int[] keptFields,
            InternalFields outputFields,
            TypeInformation<M> modelType,
            boolean withVersionColumn,
            Long maxAllowedModelDelayMs) {
        this.stage = stage;
        this.scorer = scorer;
        this.keptFields = keptFields;
        this.inputFields = inputFields;
        this.outputFields = outputFields;
        this.inputType = inputType;
        this.modelType = modelType;
        this.withVersionColumn = withVersionColumn;
        this.maxAllowedModelDelayMs = maxAllowedModelDelayMs;
    }

    @Override
    public void setup(
            StreamTask<?, ?> containingTask,
            StreamConfig config,
            Output<StreamRecord<RowData>> output) {
        idleness = new IdlenessAfterWaitingRows(output);
        super.setup(containingTask, config, idleness);
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        modelState =
                context.getOperatorStateStore()
                        .getUnionListState(new ListStateDescriptor<>("model", modelType));
        waitingState =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "waitingRows", new TupleTypeInfo<>(inputType, Types.LONG)));
        waiting = new ArrayDeque<>();
        for (Tuple2<RowData, Long> row : waitingState.get()) {
            waiting.add(row);
        }
        for (M restored : modelState.get()) {
            if (model == null || restored.getModelVersion() > model.getModelVersion()) {
                model = restored;
            }
        }
        rowsWatermark = Long.MIN_VALUE;
        emittedWatermark = Long.MIN_VALUE;
    }

    @Override
    public void open() throws Exception {
        super.open();
        scorer.open(getMetricGroup());
        ClassLoader classLoader = getUserCodeClassloader();
        inputFields.open(classLoader);
        outputFields.open(classLoader);
        scores = new Row(scorer.numOutputs());
        rowSerializer = inputType.createSerializer(getExecutionConfig());
        if (model != null) {
            scorer.setModel(model);
        }
        Gauge<Long> version = () -> model == null ? -1L : model.getModelVersion();
        Gauge<Long> timestamp = () -> model == null ? Long.MIN_VALUE : model.getTimestamp();
        getMetricGroup().gauge(StageMetrics.MODEL_VERSION, version);
        getMetricGroup().gauge(StageMetrics.MODEL_TIMESTAMP, timestamp);
        MetricGroup flinkMl = StageMetrics.flinkMlModelGroup(getMetricGroup(), stage);
        flinkMl.gauge(StageMetrics.FLINK_ML_VERSION, version);
        flinkMl.gauge(StageMetrics.FLINK_ML_TIMESTAMP, timestamp);
        getMetricGroup()
                .gauge(StageMetrics.ROWS_WAITING_FOR_MODEL, (Gauge<Integer>) () -> waiting.size());
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        modelState.clear();
        if (model != null) {
            modelState.add(model);
        }
        waitingState.clear();
        for (Tuple2<RowData, Long> row : waiting) {
            waitingState.add(row);
        }
    }

    @Override
    public void processElement1(StreamRecord<RowData> record) {
        if (modelInputEnded && model == null) {
            throw new BadDataException(stage + ": the model data ended without any model version.");
        }
        long timestamp = record.hasTimestamp() ? record.getTimestamp() : NO_TIMESTAMP;
        // Rows are independent: one that may be scored need not wait behind rows that wait for a
        // newer version.
        if (canScore(timestamp)) {
            emit(record.getValue(), timestamp);
        } else {
            // The row outlives this call: it must not share memory with a reused input record.
            waiting.add(Tuple2.of(rowSerializer.copy(record.getValue()), timestamp));
            idleness.announce();
        }
    }

    @Override
    public void processElement2(StreamRecord<M> record) throws Exception {
        M candidate = record.getValue();
        if (model != null && candidate.getModelVersion() <= model.getModelVersion()) {
            return;
        }
        model = candidate;
        scorer.setModel(model);
        releaseWaitingRows();
    }

    private boolean canScore(long timestamp) {
        if (model == null) {
            return false;
        }
        if (modelInputEnded || maxAllowedModelDelayMs == null || timestamp == NO_TIMESTAMP) {
            return true;
        }
        return model.getTimestamp() >= timestamp - maxAllowedModelDelayMs;
    }

    /** Scores waiting rows that the current model may score, keeping their order otherwise. */
    private void releaseWaitingRows() {
        Iterator<Tuple2<RowData, Long>> it = waiting.iterator();
        while (it.hasNext()) {
            Tuple2<RowData, Long> row = it.next();
            if (canScore(row.f1)) {
                emit(row.f0, row.f1);
                it.remove();
            }
        }
        forwardWatermark();
    }

    /**
     * Only the scorer's input field is converted; the kept fields go to the output as they are, so
     * a vector passing through is never deserialized or serialized again here.
     */
    private void emit(RowData input, long timestamp) {
        int inputIndex = scorer.inputIndex();
        Object value = inputFields.external(input, inputIndex);
        String problem = scorer.problemOf(value);
        if (problem != null) {
            scorer.reject(value, problem);
            return;
        }
        scorer.score(value, scores, 0);
        int numOutputs = scores.getArity();
        GenericRowData out =
                new GenericRowData(
                        input.getRowKind(),
                        keptFields.length + numOutputs + (withVersionColumn ? 1 : 0));
        for (int i = 0; i < keptFields.length; i++) {
            out.setField(
                    i,
                    keptFields[i] == inputIndex
                            ? inputFields.internalWithExternal(input, inputIndex, value)
                            : inputFields.internal(input, keptFields[i]));
        }
        for (int j = 0; j < numOutputs; j++) {
            out.setField(keptFields.length + j, outputFields.toInternal(j, scores.getField(j)));
        }
        if (withVersionColumn) {
            out.setField(keptFields.length + numOutputs, model.getModelVersion());
        }
        if (timestamp == NO_TIMESTAMP) {
            output.collect(new StreamRecord<>(out));
        } else {
            output.collect(new StreamRecord<>(out, timestamp));
        }
    }

    @Override
    public void processWatermark1(Watermark mark) {
        rowsWatermark = mark.getTimestamp();
        forwardWatermark();
    }

    @Override
    public void processWatermark2(Watermark mark) {
        // Model versions are not scored rows: their event time must not hold back the output.
    }

    private void forwardWatermark() {
        long bound = rowsWatermark;
        for (Tuple2<RowData, Long> row : waiting) {
            if (row.f1 != NO_TIMESTAMP) {
                bound = Math.min(bound, row.f1 - 1);
            }
        }
        if (bound > emittedWatermark) {
            emittedWatermark = bound;
            output.emitWatermark(new Watermark(bound));
        }
        idleness.announce();
    }

    /**
     * The operator's output, passing on Flink's idleness of the inputs only while no row waits (see
     * the class comment); {@link #forwardWatermark} announces it once the rows are out.
     */
    private final class IdlenessAfterWaitingRows implements Output<StreamRecord<RowData>> {
        private final Output<StreamRecord<RowData>> downstream;

        IdlenessAfterWaitingRows(Output<StreamRecord<RowData>> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            inputsIdle = status.isIdle();
            announce();
        }

        void announce() {
            boolean idle = inputsIdle && waiting.isEmpty();
            if (idle != outputIdle) {
                outputIdle = idle;
                downstream.emitWatermarkStatus(
                        idle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
            }
        }

        @Override
        public void collect(StreamRecord<RowData> record) {
            downstream.collect(record);
        }

        @Override
        public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
            downstream.collect(outputTag, record);
        }

        @Override
        public void emitWatermark(Watermark mark) {
            downstream.emitWatermark(mark);
        }

        @Override
        public void emitLatencyMarker(LatencyMarker latencyMarker) {
            downstream.emitLatencyMarker(latencyMarker);
        }

        @Override
        public void close() {
            downstream.close();
        }
    }

    @Override
    public void endInput(int inputId) {
        if (inputId != 2) {
            return;
        }
        modelInputEnded = true;
        if (model == null && !waiting.isEmpty()) {
            throw new BadDataException(
                    stage
                            + ": the model data ended without any model version, so "
                            + waiting.size()
                            + " rows cannot be scored.");
        }
        releaseWaitingRows();
    }
}
