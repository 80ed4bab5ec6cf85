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

import io.streamml.common.input.BadDataException;
import io.streamml.linear.loss.LogLoss;
import io.streamml.optim.Lbfgs;
import io.streamml.optim.MiniBatchSgd;
import io.streamml.optim.OptimizerStep;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.iteration.operator.OperatorStateUtils;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Bounded training, a single task inside the iteration: adds up the {@link GradientWorker}s'
 * replies for a round in subtask order (so every run takes the same steps), applies the optimizer
 * and sends the next point back through the feedback edge. When the optimizer stops it emits the
 * model and the training summary as side outputs and sends nothing, which ends the iteration.
 */
class StepCoordinator extends AbstractStreamOperator<double[]>
        implements OneInputStreamOperator<double[], double[]> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StepCoordinator.class);

    static final OutputTag<LinearModelData> MODEL =
            new OutputTag<>("model", LinearModelData.SCHEMA.modelType());
    static final OutputTag<TrainingSummary> SUMMARY =
            new OutputTag<>("summary", TypeInformation.of(TrainingSummary.class));

    private final LinearTrainingConfig config;
    private final int numWorkers;
    private final long modelVersion;

    private transient Progress progress;
    private transient ListState<Progress> progressState;

    /** Everything needed to continue after a restore. */
    static final class Progress implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<double[]> replies = new ArrayList<>();
        int dim = -1;
        double[] point;
        Lbfgs lbfgs;
        MiniBatchSgd sgd;
        final List<Double> losses = new ArrayList<>();

        /** Wall-clock milliseconds from the workers' first replies to the end of each round. */
        final List<Long> elapsedMs = new ArrayList<>();

        long startMs;
    }

    StepCoordinator(LinearTrainingConfig config, int numWorkers, long modelVersion) {
        this.config = config;
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
                                        "progress", TypeInformation.of(Progress.class)));
        progress = new Progress();
        progress = OperatorStateUtils.getUniqueElement(progressState, "progress").orElse(progress);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        progressState.clear();
        progressState.add(progress);
    }

    @Override
    public void processElement(StreamRecord<double[]> record) {
        progress.replies.add(record.getValue());
        if (progress.replies.size() < numWorkers) {
            return;
        }
        List<double[]> replies = new ArrayList<>(progress.replies);
        progress.replies.clear();
        replies.sort(Comparator.comparingDouble(reply -> reply[0]));
        int round = (int) replies.get(0)[1];
        if (round == GradientWorker.HANDSHAKE) {
            start(replies);
        } else {
            step(round, replies);
        }
    }

    private void start(List<double[]> replies) {
        long rows = 0;
        double totalWeight = 0;
        double labelSum = 0;
        for (double[] reply : replies) {
            int dim = (int) reply[3];
            if (reply[2] > 0 && progress.dim >= 0 && dim != progress.dim) {
                throw new BadDataException(
                        String.format(
                                "%s: vectors in column '%s' have different sizes (%d and %d).",
                                config.stage, config.featuresCol, progress.dim, dim));
            }
            if (reply[2] > 0) {
                progress.dim = dim;
            }
            rows += (long) reply[2];
            totalWeight += reply[4];
            labelSum += reply[5];
        }
        if (rows == 0 || !(totalWeight > 0)) {
            throw new BadDataException(config.stage + ": The training set is empty.");
        }
        int numParameters = progress.dim + (config.fitIntercept ? 1 : 0);
        double[] start = new double[numParameters];
        if (LinearTrainingConfig.SGD.equals(config.optimizer)) {
            // Flink ML's SGD starts from zeros.
            progress.sgd =
                    new MiniBatchSgd(
                            config.maxIter,
                            config.learningRate,
                            config.globalBatchSize,
                            config.tol,
                            config.penalty,
                            config.fitIntercept);
            progress.point = start;
        } else {
            if (config.fitIntercept) {
                // The best constant model is a much better start than zero.
                start[progress.dim] = initialIntercept(labelSum / totalWeight);
            }
            progress.lbfgs =
                    new Lbfgs(
                            numParameters,
                            10,
                            config.penalty.l1Weights(numParameters, progress.dim),
                            config.maxIter,
                            config.tol);
            progress.point = progress.lbfgs.start(start);
        }
        progress.startMs = System.currentTimeMillis();
        LOG.info(
                "{}: training on {} rows with {} features ({})",
                config.stage,
                rows,
                progress.dim,
                config.optimizer);
        sendPoint(0);
    }

    private double initialIntercept(double meanLabel) {
        if (config.loss instanceof LogLoss) {
            double p = Math.min(Math.max(meanLabel, 1e-9), 1 - 1e-9);
            return Math.log(p / (1 - p));
        }
        return meanLabel;
    }

    private void step(int round, List<double[]> replies) {
        progress.elapsedMs.add(System.currentTimeMillis() - progress.startMs);
        int numParameters = progress.point.length;
        double[] sums = new double[2 + numParameters];
        for (double[] reply : replies) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += reply[2 + i];
            }
        }
        double totalWeight = sums[0];
        double[] gradient = Arrays.copyOfRange(sums, 2, sums.length);
        if (progress.sgd != null) {
            double meanLoss = totalWeight > 0 ? sums[1] / totalWeight : Double.NaN;
            progress.losses.add(meanLoss);
            LOG.info("{} round {}: mean batch loss {}", config.stage, round, meanLoss);
            if (totalWeight > 0) {
                progress.sgd.step(progress.point, gradient, totalWeight);
            }
            if (progress.sgd.shouldContinue(round, meanLoss)) {
                sendPoint(round + 1);
            } else {
                finish(progress.point, round + 1, meanLoss <= config.tol, "sgd");
            }
            return;
        }
        double[] x = progress.point;
        double value = sums[1] / totalWeight + config.penalty.smoothValue(x, progress.dim);
        for (int i = 0; i < numParameters; i++) {
            gradient[i] /= totalWeight;
        }
        config.penalty.addSmoothGradient(x, progress.dim, gradient);
        double objective = value + config.penalty.l1Value(x, progress.dim);
        progress.losses.add(objective);
        LOG.info("{} round {}: objective {}", config.stage, round, objective);
        OptimizerStep next = progress.lbfgs.next(value, gradient);
        if (next.isDone()) {
            finish(
                    progress.lbfgs.bestPoint(),
                    round + 1,
                    progress.lbfgs.isConverged(),
                    String.valueOf(next.stopReason()));
        } else {
            progress.point = next.point();
            sendPoint(round + 1);
        }
    }

    private void sendPoint(int round) {
        double[] message = new double[1 + progress.point.length];
        message[0] = round;
        System.arraycopy(progress.point, 0, message, 1, progress.point.length);
        output.collect(new StreamRecord<>(message));
    }

    private void finish(double[] parameters, int rounds, boolean converged, String reason) {
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
}
