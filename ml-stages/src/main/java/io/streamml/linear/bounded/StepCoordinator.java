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
package io.streamml.linear.bounded;

import io.streamml.common.input.BadDataException;
import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.input.VectorSizes;
import io.streamml.common.metrics.StageMetrics;
import io.streamml.common.serialization.Codec;
import io.streamml.common.serialization.CodecTypeInfo;
import io.streamml.common.serialization.JavaSerializedObjects;
import io.streamml.common.serialization.PrimitiveArrays;
import io.streamml.linear.LinearModelData;
import io.streamml.linear.TrainingSummary;
import io.streamml.linear.training.LinearTrainingConfig;
import io.streamml.linear.training.MiniBatchGradient;
import io.streamml.optim.BoundedRounds;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.iteration.operator.OperatorStateUtils;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
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
 * Bounded training, a single task inside the iteration: adds up the {@link GradientWorker}s'
 * replies for a round in subtask order (so every run takes the same steps), hands the sums to the
 * {@link BoundedRounds} the params chose and sends its next point back through the feedback edge.
 * When the optimizer stops it emits the model and the training summary as side outputs and sends
 * nothing, which ends the iteration.
 */
class StepCoordinator extends AbstractStreamOperator<RoundPoint>
        implements OneInputStreamOperator<RoundReply, RoundPoint> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StepCoordinator.class);

    static final OutputTag<LinearModelData> MODEL =
            new OutputTag<>("model", LinearModelData.SCHEMA.modelType());
    static final OutputTag<TrainingSummary> SUMMARY =
            new OutputTag<>("summary", TypeInformation.of(TrainingSummary.class));

    private final LinearTrainingConfig config;
    private final InvalidRowPolicy invalidRows;
    private final int numWorkers;
    private final long modelVersion;

    private transient Progress progress;
    private transient volatile int roundsDone;
    private transient volatile double lastObjective;
    private transient ListState<Progress> progressState;

    /** Everything needed to continue after a restore. */
    static final class Progress {
        final List<RoundReply> replies = new ArrayList<>();
        int dim = -1;
        BoundedRounds rounds;
        final List<Double> losses = new ArrayList<>();

        /** Wall-clock milliseconds from the workers' first replies to the end of each round. */
        final List<Long> elapsedMs = new ArrayList<>();

        long startMs;

        /** Whether the objective or gradient overflowed at a point the optimizer tried. */
        boolean overflowed;
    }

    StepCoordinator(
            LinearTrainingConfig config,
            InvalidRowPolicy invalidRows,
            int numWorkers,
            long modelVersion) {
        this.config = config;
        this.invalidRows = invalidRows;
        this.numWorkers = numWorkers;
        this.modelVersion = modelVersion;
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
    }

    @Override
    public void open() throws Exception {
        super.open();
        // Rows skipped for their vector size are counted here, where the size is decided.
        invalidRows.open(getMetricGroup());
        updateGauges();
        getMetricGroup().gauge(StageMetrics.ROUNDS, (Gauge<Integer>) () -> roundsDone);
        getMetricGroup().gauge(StageMetrics.OBJECTIVE, (Gauge<Double>) () -> lastObjective);
    }

    /** Copies progress for the metric reporter's thread, which must not read the lists. */
    private void updateGauges() {
        roundsDone = progress.losses.size();
        lastObjective =
                roundsDone == 0 ? Double.NaN : progress.losses.get(progress.losses.size() - 1);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        progressState.clear();
        progressState.add(progress);
    }

    @Override
    public void processElement(StreamRecord<RoundReply> record) {
        progress.replies.add(record.getValue());
        if (progress.replies.size() < numWorkers) {
            return;
        }
        List<RoundReply> replies = new ArrayList<>(progress.replies);
        progress.replies.clear();
        replies.sort(Comparator.comparingInt(reply -> reply.subtask));
        int round = replies.get(0).round;
        if (round == RoundReply.CACHED) {
            start(replies);
        } else {
            step(round, replies);
        }
    }

    private void start(List<RoundReply> replies) {
        // The feature size is the one most rows have; rows of other sizes are the invalid ones.
        VectorSizes sizes = new VectorSizes();
        replies.forEach(reply -> sizes.merge(reply.sizes));
        int dim = sizes.mostCommon();
        long rows = sizes.rowsOf(dim);
        invalidRows.rejectOtherSizes(
                config.featuresCol, sizes, dim, "the size of most rows (" + rows + ")");
        double totalWeight = 0;
        double labelSum = 0;
        for (RoundReply reply : replies) {
            int at = Arrays.binarySearch(reply.sizes.sizes, dim);
            if (at >= 0) {
                totalWeight += reply.totalWeights[at];
                labelSum += reply.labelSums[at];
            }
        }
        progress.dim = dim;
        if (rows == 0 || !(totalWeight > 0)) {
            throw new BadDataException(config.stage + ": The training set is empty.");
        }
        double[] start = new double[progress.dim + (config.fitIntercept ? 1 : 0)];
        if (config.fitIntercept) {
            // The best constant model is a much better start than zero.
            start[progress.dim] = config.loss.link(labelSum / totalWeight);
        }
        progress.rounds = config.boundedRounds.create(progress.dim);
        progress.rounds.start(start);
        progress.startMs = System.currentTimeMillis();
        LOG.info(
                "{}: training on {} rows with {} features ({})",
                config.stage,
                rows,
                progress.dim,
                progress.rounds);
        sendPoint(0);
    }

    private void step(int round, List<RoundReply> replies) {
        progress.elapsedMs.add(System.currentTimeMillis() - progress.startMs);
        MiniBatchGradient sums = replies.get(0).sums;
        for (int i = 1; i < replies.size(); i++) {
            sums.merge(replies.get(i).sums);
        }
        BoundedRounds rounds = progress.rounds;
        boolean finite = isFinite(sums.lossSum()) && allFinite(sums.gradientSum());
        if (round == 0) {
            config.checkFinite(
                    "the objective or its gradient at the starting point", sums.lossSum());
            config.checkFinite("the gradient at the starting point", sums.gradientSum());
        }
        progress.overflowed |= !finite;
        boolean more = rounds.next(round, sums);
        progress.losses.add(rounds.lastObjective());
        updateGauges();
        LOG.info("{} round {}: objective {}", config.stage, round, rounds.lastObjective());
        if (more) {
            sendPoint(round + 1);
        } else {
            finish(rounds.result(), round + 1, rounds.converged(), rounds.stopReason());
        }
    }

    private void sendPoint(int round) {
        output.collect(new StreamRecord<>(new RoundPoint(round, progress.rounds.point().clone())));
    }

    private void finish(double[] parameters, int rounds, boolean converged, String reason) {
        config.checkFinite("the fitted model", parameters);
        if (progress.rounds.stuckAtStart()) {
            // Typically a column thousands of orders of magnitude larger than the others: no
            // step size suits every coefficient, and the start point is not a fitted model.
            throw new BadDataException(
                    String.format(
                            "%s: the optimizer found no step that lowers the objective from its"
                                    + " starting point; the values in column '%s' are probably on"
                                    + " wildly different scales; scale them first, e.g. with"
                                    + " StandardScaler.",
                            config.stage, config.featuresCol));
        }
        if (progress.overflowed) {
            // Steps whose objective overflowed leave the optimizer stuck at a point it could not
            // improve on, whatever it reports: not a model to return.
            config.checkFinite("the objective along the optimizer's steps", Double.NaN);
        }
        int dim = progress.dim;
        double intercept = config.fitIntercept ? parameters[dim] : 0;
        LinearModelData model =
                new LinearModelData(
                        new DenseVector(Arrays.copyOf(parameters, dim)),
                        intercept,
                        modelVersion,
                        Long.MAX_VALUE);
        double[] losses = progress.losses.stream().mapToDouble(Double::doubleValue).toArray();
        long[] elapsedMs = progress.elapsedMs.stream().mapToLong(Long::longValue).toArray();
        LOG.info(
                "{}: finished after {} rounds, converged: {} ({})",
                config.stage,
                rounds,
                converged,
                reason);
        output.collect(MODEL, new StreamRecord<>(model));
        output.collect(
                SUMMARY,
                new StreamRecord<>(
                        new TrainingSummary(rounds, losses, elapsedMs, converged, reason)));
    }

    private static boolean isFinite(double value) {
        return Double.isFinite(value);
    }

    private static boolean allFinite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the progress field by field; the optimizer's own state (L-BFGS history, SGD step),
     * plain Java in {@code optim}, goes in as its Java serialization.
     */
    static final class ProgressCodec implements Codec<Progress> {
        private static final long serialVersionUID = 1L;

        private transient TypeSerializer<RoundReply> replySerializer;

        private TypeSerializer<RoundReply> replySerializer() {
            if (replySerializer == null) {
                replySerializer =
                        TypeInformation.of(RoundReply.class)
                                .createSerializer(new ExecutionConfig());
            }
            return replySerializer;
        }

        @Override
        public void write(Progress progress, DataOutputView out) throws IOException {
            out.writeInt(progress.replies.size());
            for (RoundReply reply : progress.replies) {
                replySerializer().serialize(reply, out);
            }
            out.writeInt(progress.dim);
            out.writeLong(progress.startMs);
            out.writeBoolean(progress.overflowed);
            PrimitiveArrays.writeDoubles(
                    out, progress.losses.stream().mapToDouble(Double::doubleValue).toArray());
            PrimitiveArrays.writeLongs(
                    out, progress.elapsedMs.stream().mapToLong(Long::longValue).toArray());
            JavaSerializedObjects.write(out, progress.rounds);
        }

        @Override
        public Progress read(DataInputView in) throws IOException {
            Progress progress = new Progress();
            int replies = in.readInt();
            for (int i = 0; i < replies; i++) {
                progress.replies.add(replySerializer().deserialize(in));
            }
            progress.dim = in.readInt();
            progress.startMs = in.readLong();
            progress.overflowed = in.readBoolean();
            for (double loss : PrimitiveArrays.readDoubles(in)) {
                progress.losses.add(loss);
            }
            for (long elapsed : PrimitiveArrays.readLongs(in)) {
                progress.elapsedMs.add(elapsed);
            }
            progress.rounds = JavaSerializedObjects.read(in);
            return progress;
        }
    }
}
