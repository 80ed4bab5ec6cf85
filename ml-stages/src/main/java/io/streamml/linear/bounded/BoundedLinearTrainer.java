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

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.minibatch.Slice;
import io.streamml.common.minibatch.SliceCutter;
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.linear.LinearModelData;
import io.streamml.linear.TrainingSummary;
import io.streamml.linear.training.IterationLatency;
import io.streamml.linear.training.LabeledRowBatch;
import io.streamml.linear.training.LabeledRowReader;
import io.streamml.linear.training.LinearTrainingConfig;
import io.streamml.linear.training.TrainingCache;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.iteration.DataStreamList;
import org.apache.flink.iteration.IterationBodyResult;
import org.apache.flink.iteration.IterationConfig;
import org.apache.flink.iteration.Iterations;
import org.apache.flink.iteration.ReplayableDataStreamList;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.transformations.TwoInputTransformation;
import org.apache.flink.types.Row;

import java.util.Collections;

/**
 * Trains a linear model to the optimum of its regularized objective on bounded rows, with {@link
 * Iterations#iterateBoundedStreamsUntilTermination}: {@link GradientWorker}s (one per subtask)
 * cache the rows and return loss and gradient sums for each point, a single {@link StepCoordinator}
 * steps the optimizer and feeds the next point back. Only all-round operators and no Flink ML
 * helpers that run per round, so the job also runs from a job jar on a cluster.
 */
@Internal
public final class BoundedLinearTrainer {
    /** Rows per slice a subtask sends into the iteration. */
    static final int SLICE_ROWS = 4096;

    private final LinearTrainingConfig config;
    private final LabeledRowReader reader;

    public BoundedLinearTrainer(LinearTrainingConfig config, LabeledRowReader reader) {
        this.config = config;
        this.reader = reader;
    }

    /** The model (one record) and the training summary (one record). */
    public static final class Result {
        public final DataStream<LinearModelData> model;
        public final DataStream<TrainingSummary> summary;

        Result(DataStream<LinearModelData> model, DataStream<TrainingSummary> summary) {
            this.model = model;
            this.summary = summary;
        }
    }

    /**
     * Fits on {@code rows}; the model gets version {@code modelVersion} and timestamp {@code
     * Long.MAX_VALUE}.
     */
    public Result fit(DataStream<Row> rows, long modelVersion) {
        int numWorkers = rows.getExecutionEnvironment().getParallelism();
        // A point with a negative round starts nothing; the workers' first replies start the fit.
        TypeInformation<RoundPoint> pointType = TypeInformation.of(RoundPoint.class);
        DataStream<RoundPoint> noPoint =
                rows.getExecutionEnvironment()
                        .fromCollection(
                                Collections.singletonList(new RoundPoint(-1, new double[0])),
                                pointType);
        // Rows are validated and packed into compact caches where they arrive (chained), so what
        // hops into the iteration is a few primitive arrays per slice, not a Row per row.
        TypeInformation<Slice<TrainingCache>> sliceType = Slice.type(TrainingCache.TYPE);
        DataStream<Slice<TrainingCache>> slices =
                rows.transform(
                                config.stage + ".slices",
                                sliceType,
                                new SliceCutter<>(
                                        CountTumblingWindows.of((long) SLICE_ROWS * numWorkers),
                                        new LabeledRowBatch(reader),
                                        TrainingCache.TYPE,
                                        false,
                                        0))
                        .setParallelism(numWorkers);
        LinearTrainingConfig config = this.config;
        InvalidRowPolicy invalidRows = reader.invalidRows();
        DataStreamList outputs =
                Iterations.iterateBoundedStreamsUntilTermination(
                        DataStreamList.of(noPoint),
                        ReplayableDataStreamList.notReplay(slices),
                        IterationConfig.newBuilder()
                                .setOperatorLifeCycle(IterationConfig.OperatorLifeCycle.ALL_ROUND)
                                .build(),
                        (variables, data) -> {
                            DataStream<RoundPoint> points = variables.get(0);
                            DataStream<Slice<TrainingCache>> trainingRows = data.get(0);
                            SingleOutputStreamOperator<RoundReply> replies =
                                    points.broadcast()
                                            .connect(trainingRows)
                                            .transform(
                                                    config.stage + ".gradients",
                                                    TypeInformation.of(RoundReply.class),
                                                    new GradientWorker(config))
                                            .setParallelism(numWorkers);
                            SingleOutputStreamOperator<RoundPoint> nextPoints =
                                    replies.transform(
                                                    config.stage + ".optimizer",
                                                    pointType,
                                                    new StepCoordinator(
                                                            config,
                                                            invalidRows,
                                                            numWorkers,
                                                            modelVersion))
                                            .setParallelism(1);
                            return new IterationBodyResult(
                                    DataStreamList.of(nextPoints),
                                    DataStreamList.of(
                                            nextPoints.getSideOutput(StepCoordinator.MODEL),
                                            nextPoints.getSideOutput(StepCoordinator.SUMMARY)));
                        });
        // The training rows enter the workers as their second input: that path stays batched.
        IterationLatency.flushAtOnce(
                outputs,
                t ->
                        t instanceof TwoInputTransformation
                                        && t.getName().equals(config.stage + ".gradients")
                                ? Collections.singletonList(
                                        ((TwoInputTransformation<?, ?, ?>) t).getInput1())
                                : t.getInputs());
        return new Result(outputs.get(0), outputs.get(1));
    }
}
