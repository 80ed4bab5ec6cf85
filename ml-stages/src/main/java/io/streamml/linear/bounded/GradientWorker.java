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

import io.streamml.common.minibatch.Slice;
import io.streamml.linear.training.LinearTrainingConfig;
import io.streamml.linear.training.MiniBatchGradient;
import io.streamml.linear.training.TrainingCache;
import io.streamml.optim.MiniBatchSgd;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.iteration.IterationListener;
import org.apache.flink.iteration.operator.OperatorStateUtils;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.Collector;

/**
 * Bounded training, one per subtask, inside the iteration: caches its rows once (input 2, all in
 * epoch 0: slices of rows that its {@link io.streamml.common.minibatch.SliceCutter} validated into
 * compact caches before the hop into the iteration), reports their count and dimension when epoch 0
 * ends, then for every point it receives (input 1, broadcast from the {@link StepCoordinator})
 * sends back the loss and gradient sums over its rows — all of them, or its next mini-batch when
 * the optimizer {@linkplain BoundedRounds#usesMiniBatches() uses mini-batches} — from the one
 * linear kernel, {@link TrainingCache#addTo}.
 */
class GradientWorker extends AbstractStreamOperator<RoundReply>
        implements TwoInputStreamOperator<RoundPoint, Slice<TrainingCache>, RoundReply>,
                IterationListener<RoundReply> {
    private static final long serialVersionUID = 1L;

    private final LinearTrainingConfig config;

    private transient TrainingCache cache;
    private transient boolean cacheComplete;
    private transient RoundPoint pendingPoint;
    private transient int batchOffset;
    private transient ListState<TrainingCache> cacheState;
    private transient ListState<RoundPoint> pendingPointState;
    private transient ListState<Integer> progressState;

    GradientWorker(LinearTrainingConfig config) {
        this.config = config;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        cacheState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("cache", TrainingCache.TYPE));
        pendingPointState =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "pendingPoint", TypeInformation.of(RoundPoint.class)));
        progressState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("progress", Types.INT));
        cache = new TrainingCache();
        cache = OperatorStateUtils.getUniqueElement(cacheState, "cache").orElse(cache);
        for (RoundPoint point : pendingPointState.get()) {
            pendingPoint = point;
        }
        Integer[] progress = new Integer[] {0, 0};
        int i = 0;
        for (Integer value : progressState.get()) {
            progress[i++] = value;
        }
        cacheComplete = progress[0] == 1;
        batchOffset = progress[1];
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        cacheState.clear();
        cacheState.add(cache);
        pendingPointState.clear();
        if (pendingPoint != null) {
            pendingPointState.add(pendingPoint);
        }
        progressState.clear();
        progressState.add(cacheComplete ? 1 : 0);
        progressState.add(batchOffset);
    }

    @Override
    public void processElement2(StreamRecord<Slice<TrainingCache>> record) {
        if (record.getValue().carriesRows()) {
            cache.append(record.getValue().content);
        }
    }

    @Override
    public void processElement1(StreamRecord<RoundPoint> record) {
        RoundPoint point = record.getValue();
        if (point.round < 0) {
            return;
        }
        if (cacheComplete) {
            evaluate(point);
        } else {
            pendingPoint = point;
        }
    }

    @Override
    public void onEpochWatermarkIncremented(
            int epochWatermark, Context context, Collector<RoundReply> collector) {
        if (cacheComplete) {
            return;
        }
        cache.trim();
        cacheComplete = true;
        collector.collect(RoundReply.cached(subtask(), cache));
        if (pendingPoint != null) {
            evaluate(pendingPoint);
            pendingPoint = null;
        }
    }

    @Override
    public void onIterationTerminated(Context context, Collector<RoundReply> collector) {
        cache = new TrainingCache();
    }

    private void evaluate(RoundPoint point) {
        int numFeatures = point.parameters.length - (config.fitIntercept ? 1 : 0);
        // Rows of other sizes were counted (or failed the fit) where the size was decided.
        cache = cache.rowsOfSize(numFeatures);
        MiniBatchGradient sums =
                new MiniBatchGradient(config.loss, numFeatures, config.fitIntercept);
        int from = 0;
        int to = cache.numRows();
        if (config.boundedRounds.usesMiniBatches()) {
            int batch =
                    MiniBatchSgd.localBatchSize(
                            config.globalBatchSize,
                            getRuntimeContext().getNumberOfParallelSubtasks(),
                            subtask());
            from = batchOffset;
            to = Math.min(batchOffset + batch, cache.numRows());
            batchOffset = MiniBatchSgd.nextBatchOffset(batchOffset, batch, cache.numRows());
        }
        cache.addTo(sums, point.parameters, from, to, null, config.loss);
        output.collect(new StreamRecord<>(RoundReply.sums(subtask(), point.round, sums)));
    }

    private int subtask() {
        return getRuntimeContext().getIndexOfThisSubtask();
    }
}
