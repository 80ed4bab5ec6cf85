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
package io.streamml.linear.online;

import io.streamml.common.input.VectorSizes;
import io.streamml.common.metrics.StageMetrics;
import io.streamml.common.minibatch.AssemblerState;
import io.streamml.common.minibatch.BatchAssembler;
import io.streamml.common.minibatch.Slice;
import io.streamml.common.serialization.Codec;
import io.streamml.common.serialization.CodecTypeInfo;
import io.streamml.common.serialization.JavaSerializedObjects;
import io.streamml.common.serialization.PrimitiveArrays;
import io.streamml.drift.DriftReaction;
import io.streamml.linear.BatchEvaluation;
import io.streamml.linear.LinearModelData;
import io.streamml.linear.SliceEvaluation;
import io.streamml.linear.training.LinearTrainingConfig;
import io.streamml.linear.training.MiniBatchGradient;
import io.streamml.optim.OnlineOptimizer;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.iteration.operator.OperatorStateUtils;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Online training, a single task inside the unbounded iteration that never sees a row: it assembles
 * the workers' slice reports into mini-batches ({@link BatchAssembler}), sends each batch to the
 * workers with the current model version, adds up their sums for it in subtask order, lets the
 * online optimizer (FTRL-Proximal, AdaGrad or SGD) produce the next version and emits it as model
 * data. The optimizer's accumulators, the parameters, the version and the assembly live in operator
 * state, so after a failure the version sequence continues exactly.
 */
class OnlineCoordinator extends AbstractStreamOperator<ModelRequest>
        implements TwoInputStreamOperator<WorkerMessage, ModelRequest, ModelRequest> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OnlineCoordinator.class);

    static final OutputTag<LinearModelData> MODEL =
            new OutputTag<>("model", LinearModelData.SCHEMA.modelType());
    static final OutputTag<BatchEvaluation> EVALUATION =
            new OutputTag<>("evaluation", TypeInformation.of(BatchEvaluation.class));

    private final LinearTrainingConfig config;
    private final int numWorkers;
    private final boolean eventTime;

    private transient Progress progress;
    private transient Counter versionsEmitted;
    private transient Counter rowsTrained;
    private transient ListState<Progress> progressState;
    private transient AssemblerState<VectorSizes> slices;

    /** Everything needed to continue after a restore, besides the batch assembly. */
    static final class Progress {
        double[] parameters;
        long version = -1;
        OnlineOptimizer optimizer;

        /** Batches requested so far. */
        long batches;

        /** The batch the workers are computing, or -1; its timestamp. */
        long inFlight = -1;

        long inFlightTimestamp;
        final List<WorkerMessage> replies = new ArrayList<>();

        /** The fit's drift reaction (with its detector's state), once created. */
        DriftReaction drift;

        long resets;
    }

    OnlineCoordinator(LinearTrainingConfig config, int numWorkers, boolean eventTime) {
        this.config = config;
        this.numWorkers = numWorkers;
        this.eventTime = eventTime;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        progressState =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "progress",
                                        new CodecTypeInfo<>(Progress.class, new ProgressCodec())));
        progress = new Progress();
        progress = OperatorStateUtils.getUniqueElement(progressState, "progress").orElse(progress);
        slices =
                AssemblerState.restore(
                        context,
                        TypeInformation.of(VectorSizes.class),
                        numWorkers,
                        eventTime,
                        config.maxBatchDelayMs,
                        now());
    }

    @Override
    public void open() throws Exception {
        super.open();
        versionsEmitted = getMetricGroup().counter(StageMetrics.MODEL_VERSIONS_EMITTED);
        rowsTrained = getMetricGroup().counter(StageMetrics.ROWS_TRAINED);
        getMetricGroup().gauge(StageMetrics.DRIFT_RESETS, (Gauge<Long>) () -> progress.resets);
        requestNextBatch();
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        progressState.clear();
        progressState.add(progress);
        slices.snapshot();
    }

    /** The initial model (or this task's own requests coming back, which it ignores). */
    @Override
    public void processElement2(StreamRecord<ModelRequest> record) {
        ModelRequest request = record.getValue();
        if (request.batch >= 0 || request.version < 0 || progress.version >= 0) {
            return;
        }
        start(request.version, request.parameters.clone());
        requestNextBatch();
    }

    @Override
    public void processElement1(StreamRecord<WorkerMessage> record) {
        WorkerMessage message = record.getValue();
        if (message.report != null) {
            slices.assembler().add(message.report, now());
        } else {
            progress.replies.add(message);
            if (progress.replies.size() == numWorkers) {
                step();
            }
        }
        requestNextBatch();
    }

    private long now() {
        return getProcessingTimeService().getCurrentProcessingTime();
    }

    /** Sends the next batch that can close to the workers, with the current model version. */
    private void requestNextBatch() {
        if (progress.inFlight >= 0 || (progress.version < 0 && config.hasInitialModel)) {
            return;
        }
        BatchAssembler<VectorSizes> assembler = slices.assembler();
        VectorSizes waiting = null;
        if (progress.version < 0) {
            // No initial model: nothing to train until some slice has rows.
            waiting = sizesOf(assembler.pending());
            if (waiting.isEmpty()) {
                return;
            }
        }
        List<Slice<VectorSizes>> batch = assembler.next(now());
        if (batch == null) {
            // A timed-out batch is noticed at the next message: the cutters tick for that.
            return;
        }
        if (progress.version < 0) {
            // Start from zeros with the size most rows of the first batch have, so a few rows
            // of another size are rejected even when they come first (the rows waiting decide
            // if the first batch has none).
            VectorSizes first = sizesOf(batch);
            int dim = first.isEmpty() ? waiting.mostCommon() : first.mostCommon();
            start(0, new double[dim + (config.fitIntercept ? 1 : 0)]);
        }
        int[] counts = new int[numWorkers];
        for (Slice<VectorSizes> slice : batch) {
            counts[slice.subtask]++;
        }
        progress.inFlight = progress.batches++;
        progress.inFlightTimestamp = BatchAssembler.timestamp(batch);
        output.collect(
                new StreamRecord<>(
                        new ModelRequest(
                                progress.version,
                                progress.parameters.clone(),
                                progress.inFlight,
                                counts)));
    }

    private static VectorSizes sizesOf(List<Slice<VectorSizes>> slices) {
        VectorSizes sizes = new VectorSizes();
        for (Slice<VectorSizes> slice : slices) {
            if (slice.content != null) {
                sizes.merge(slice.content);
            }
        }
        return sizes;
    }

    /** All workers replied: merge their sums in subtask order and step the optimizer. */
    private void step() {
        List<WorkerMessage> replies = new ArrayList<>(progress.replies);
        progress.replies.clear();
        replies.sort(Comparator.comparingInt(r -> r.subtask));
        MiniBatchGradient total = replies.get(0).gradient;
        for (WorkerMessage other : replies.subList(1, replies.size())) {
            total.merge(other.gradient);
        }
        long timestamp = progress.inFlightTimestamp;
        if (config.scoresBeforeLearning()) {
            // Each worker summarized its own rows; merged in subtask order, as the gradients.
            SliceEvaluation predictions = replies.get(0).evaluation;
            for (WorkerMessage other : replies.subList(1, replies.size())) {
                predictions.merge(other.evaluation);
            }
            if (config.testThenTrain) {
                output.collect(
                        EVALUATION,
                        new StreamRecord<>(
                                new BatchEvaluation(
                                        progress.inFlight,
                                        progress.version,
                                        timestamp,
                                        predictions)));
            }
            if (config.driftReactions != null
                    && predictions.rows() > 0
                    && restartOptimizer(predictions)) {
                // A new concept: accumulators tuned to the old one would only slow relearning.
                progress.optimizer = config.onlineOptimizers.create(progress.parameters.length);
                progress.resets++;
                LOG.info(
                        "{}: drift at model version {}, optimizer restarted ({} so far)",
                        config.stage,
                        progress.version,
                        progress.resets);
            }
        }
        if (total.totalWeight() > 0) {
            // An infinite loss with a finite gradient means infinite margins (a diverged model).
            config.checkFinite("the mini-batch's loss", total.lossSum());
            config.checkFinite("the mini-batch's gradient", total.gradientSum());
            progress.optimizer.update(progress.parameters, total);
            config.checkFinite("the model after the mini-batch", progress.parameters);
        }
        progress.version++;
        progress.inFlight = -1;
        versionsEmitted.inc();
        rowsTrained.inc(total.count());
        int dim = total.dim() - (config.fitIntercept ? 1 : 0);
        output.collect(
                MODEL,
                new StreamRecord<>(
                        new LinearModelData(
                                new DenseVector(Arrays.copyOf(progress.parameters, dim)),
                                config.fitIntercept ? progress.parameters[dim] : 0,
                                progress.version,
                                timestamp)));
    }

    /** Asks the fit's drift reaction whether this batch's errors call for a restart. */
    private boolean restartOptimizer(SliceEvaluation predictions) {
        if (progress.drift == null) {
            progress.drift = config.driftReactions.create();
        }
        return progress.drift.restartOptimizer(predictions.squaredErrors());
    }

    private void start(long version, double[] parameters) {
        progress.version = version;
        progress.parameters = parameters;
        progress.optimizer = config.onlineOptimizers.create(parameters.length);
    }

    /**
     * Writes the progress field by field; the optimizer's accumulators and the drift monitor, plain
     * Java in {@code optim} and {@code drift}, go in as their Java serialization.
     */
    static final class ProgressCodec implements Codec<Progress> {
        private static final long serialVersionUID = 1L;

        private transient TypeSerializer<WorkerMessage> replySerializer;

        private TypeSerializer<WorkerMessage> replySerializer() {
            if (replySerializer == null) {
                replySerializer =
                        TypeInformation.of(WorkerMessage.class)
                                .createSerializer(new ExecutionConfig());
            }
            return replySerializer;
        }

        @Override
        public void write(Progress progress, DataOutputView out) throws IOException {
            PrimitiveArrays.writeDoubles(out, progress.parameters);
            out.writeLong(progress.version);
            out.writeLong(progress.batches);
            out.writeLong(progress.inFlight);
            out.writeLong(progress.inFlightTimestamp);
            out.writeLong(progress.resets);
            out.writeInt(progress.replies.size());
            for (WorkerMessage reply : progress.replies) {
                replySerializer().serialize(reply, out);
            }
            JavaSerializedObjects.write(out, progress.optimizer);
            JavaSerializedObjects.write(out, progress.drift);
        }

        @Override
        public Progress read(DataInputView in) throws IOException {
            Progress progress = new Progress();
            progress.parameters = PrimitiveArrays.readDoubles(in);
            progress.version = in.readLong();
            progress.batches = in.readLong();
            progress.inFlight = in.readLong();
            progress.inFlightTimestamp = in.readLong();
            progress.resets = in.readLong();
            int replies = in.readInt();
            for (int i = 0; i < replies; i++) {
                progress.replies.add(replySerializer().deserialize(in));
            }
            progress.optimizer = JavaSerializedObjects.read(in);
            progress.drift = JavaSerializedObjects.read(in);
            return progress;
        }
    }
}
