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

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.input.VectorSizes;
import io.streamml.common.minibatch.Slice;
import io.streamml.linear.SliceEvaluation;
import io.streamml.linear.training.LinearTrainingConfig;
import io.streamml.linear.training.MiniBatchGradient;
import io.streamml.linear.training.TrainingCache;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.ArrayDeque;

/**
 * Online training, one per subtask, inside the unbounded iteration, on its own partition's slices
 * (input 2, forward from this subtask's {@link io.streamml.common.minibatch.SliceCutter}: rows
 * already validated into compact {@link TrainingCache}s). It keeps the slices, reports each to the
 * {@link OnlineCoordinator} (no rows, only what the batch assembly needs), and when a request for a
 * batch arrives (input 1, broadcast) folds the slices it names into loss and gradient sums at the
 * request's model version and replies with them.
 */
class OnlineGradientWorker extends AbstractStreamOperator<WorkerMessage>
        implements TwoInputStreamOperator<ModelRequest, Slice<TrainingCache>, WorkerMessage> {
    private static final long serialVersionUID = 1L;

    private final LinearTrainingConfig config;
    private final InvalidRowPolicy invalidRows;
    private final TypeInformation<Slice<TrainingCache>> sliceType;

    private transient ArrayDeque<Slice<TrainingCache>> pending;
    private transient ListState<Slice<TrainingCache>> pendingState;

    OnlineGradientWorker(
            LinearTrainingConfig config,
            InvalidRowPolicy invalidRows,
            TypeInformation<Slice<TrainingCache>> sliceType) {
        this.config = config;
        this.invalidRows = invalidRows;
        this.sliceType = sliceType;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        pendingState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("pendingSlices", sliceType));
        pending = new ArrayDeque<>();
        pendingState.get().forEach(pending::add);
    }

    @Override
    public void open() throws Exception {
        super.open();
        // Rows of another size than the model's are rejected (counted under skip) here.
        invalidRows.open(getMetricGroup());
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        pendingState.clear();
        for (Slice<TrainingCache> slice : pending) {
            pendingState.add(slice);
        }
    }

    @Override
    public void processElement1(StreamRecord<ModelRequest> record) {
        ModelRequest request = record.getValue();
        if (request.batch < 0) {
            return;
        }
        int subtask = getRuntimeContext().getIndexOfThisSubtask();
        double[] parameters = request.parameters;
        int dim = parameters.length - (config.fitIntercept ? 1 : 0);
        MiniBatchGradient gradient = new MiniBatchGradient(config.loss, dim, config.fitIntercept);
        SliceEvaluation evaluation =
                config.scoresBeforeLearning()
                        ? new SliceEvaluation(config.loss.meanIsProbability())
                        : null;
        for (int i = 0; i < request.slices[subtask]; i++) {
            TrainingCache slice = pending.poll().content;
            invalidRows.rejectOtherSizes(
                    config.featuresCol,
                    slice.sizes(),
                    dim,
                    config.hasInitialModel
                            ? "the initial model's"
                            : "the most common size in the first mini-batch");
            TrainingCache rows = slice.rowsOfSize(dim);
            rows.addTo(gradient, parameters, evaluation, config.loss);
        }
        output.collect(
                new StreamRecord<>(
                        WorkerMessage.reply(subtask, request.batch, gradient, evaluation)));
    }

    @Override
    public void processElement2(StreamRecord<Slice<TrainingCache>> record) {
        Slice<TrainingCache> slice = record.getValue();
        VectorSizes sizes = null;
        if (slice.carriesRows()) {
            pending.add(slice);
            sizes = slice.content.sizes();
        }
        output.collect(new StreamRecord<>(WorkerMessage.report(slice.withContent(sizes))));
    }
}
