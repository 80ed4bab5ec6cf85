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

import io.streamml.common.minibatch.Slice;
import io.streamml.common.minibatch.SliceCutter;
import io.streamml.common.table.InputBoundedness;
import io.streamml.common.window.Windows;
import io.streamml.linear.BatchEvaluation;
import io.streamml.linear.LinearModelData;
import io.streamml.linear.training.IterationLatency;
import io.streamml.linear.training.LabeledRowBatch;
import io.streamml.linear.training.LabeledRowReader;
import io.streamml.linear.training.LinearTrainingConfig;
import io.streamml.linear.training.TrainingCache;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.iteration.DataStreamList;
import org.apache.flink.iteration.IterationBodyResult;
import org.apache.flink.iteration.Iterations;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Row;

import java.util.stream.Collectors;

/**
 * Trains a linear model online with {@link Iterations#iterateUnboundedStreams}, with no row ever
 * passing through a single task: each subtask cuts its own partition into slices of the
 * mini-batches ({@link SliceCutter}: count, event or processing time, sessions) and keeps them in
 * its {@link OnlineGradientWorker}; one {@link OnlineCoordinator}, which sees only slice reports
 * and per-batch sums, decides which slices form batch b, sends the batch with the current model
 * version to the workers (the fed-back variable), combines their sums, steps the online optimizer
 * and emits version v + 1 as model data.
 */
public final class OnlineLinearTrainer {
    private final LinearTrainingConfig config;
    private final LabeledRowReader reader;

    public OnlineLinearTrainer(LinearTrainingConfig config, LabeledRowReader reader) {
        this.config = config;
        this.reader = reader;
    }

    /** The stream of model versions and, with test-then-train, of batch evaluations. */
    public static final class Result {
        public final DataStream<LinearModelData> versions;
        public final DataStream<BatchEvaluation> evaluations;

        Result(DataStream<LinearModelData> versions, DataStream<BatchEvaluation> evaluations) {
            this.versions = versions;
            this.evaluations = evaluations;
        }
    }

    /**
     * An unbounded stream of model versions trained on {@code rows}, starting from {@code
     * initialModel} (its newest version) or, when null, from zeros at version 0.
     */
    public Result fit(
            DataStream<Row> rows,
            RowTypeInfo rowType,
            Windows windows,
            DataStream<LinearModelData> initialModel) {
        int numWorkers = rows.getExecutionEnvironment().getParallelism();
        // Rows are validated where they arrive and sliced into compact primitive caches.
        TypeInformation<Slice<TrainingCache>> sliceType = Slice.type(TrainingCache.TYPE);
        DataStream<Slice<TrainingCache>> slices =
                rows.transform(
                                config.stage + ".slices",
                                sliceType,
                                new SliceCutter<>(
                                        windows,
                                        new LabeledRowBatch(reader),
                                        TrainingCache.TYPE,
                                        true,
                                        config.maxBatchDelayMs))
                        .setParallelism(numWorkers);

        boolean fitIntercept = config.fitIntercept;
        TypeInformation<ModelRequest> requestType = TypeInformation.of(ModelRequest.class);
        DataStream<ModelRequest> start =
                initialModel == null
                        ? noInitialModel(rows, requestType)
                        : initialModel
                                .map(
                                        model -> ModelRequest.initial(model, fitIntercept),
                                        requestType)
                                .setParallelism(1);

        LinearTrainingConfig config = this.config;
        LabeledRowReader reader = this.reader;
        boolean eventTime = windows.isEventTime();
        DataStreamList outputs =
                Iterations.iterateUnboundedStreams(
                        DataStreamList.of(start),
                        DataStreamList.of(slices),
                        (variables, data) -> {
                            DataStream<ModelRequest> requests = variables.get(0);
                            DataStream<Slice<TrainingCache>> ownSlices = data.get(0);
                            // Slices stay on their subtask (forward); only requests broadcast.
                            SingleOutputStreamOperator<WorkerMessage> replies =
                                    requests.broadcast()
                                            .connect(ownSlices)
                                            .transform(
                                                    config.stage + ".onlineGradients",
                                                    TypeInformation.of(WorkerMessage.class),
                                                    new OnlineGradientWorker(
                                                            config,
                                                            reader.invalidRows(),
                                                            sliceType))
                                            .setParallelism(numWorkers);
                            SingleOutputStreamOperator<ModelRequest> nextRequests =
                                    replies.connect(requests.broadcast())
                                            .transform(
                                                    config.stage + ".onlineOptimizer",
                                                    requestType,
                                                    new OnlineCoordinator(
                                                            config, numWorkers, eventTime))
                                            .setParallelism(1);
                            return new IterationBodyResult(
                                    DataStreamList.of(nextRequests),
                                    DataStreamList.of(
                                            nextRequests.getSideOutput(OnlineCoordinator.MODEL),
                                            nextRequests.getSideOutput(
                                                    OnlineCoordinator.EVALUATION)));
                        });
        Transformation<?> rowsTransformation = rows.getTransformation();
        IterationLatency.flushAtOnce(
                outputs,
                t ->
                        t.getInputs().stream()
                                .filter(input -> input != rowsTransformation)
                                .collect(Collectors.toList()));
        return new Result(outputs.get(0), outputs.get(1));
    }

    /** The request that starts training from zeros (see {@link NoInitialModelSource}). */
    private static DataStream<ModelRequest> noInitialModel(
            DataStream<Row> rows, TypeInformation<ModelRequest> requestType) {
        StreamExecutionEnvironment env = rows.getExecutionEnvironment();
        if (InputBoundedness.isBounded(rows)
                || !env.getCheckpointConfig().isCheckpointingEnabled()) {
            return env.fromElements(ModelRequest.none()).returns(requestType);
        }
        return env.addSource(new NoInitialModelSource(), "no initial model", requestType)
                .setParallelism(1);
    }
}
