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

import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.iteration.DataStreamList;
import org.apache.flink.iteration.IterationBodyResult;
import org.apache.flink.iteration.IterationConfig;
import org.apache.flink.iteration.Iterations;
import org.apache.flink.iteration.ReplayableDataStreamList;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.transformations.TwoInputTransformation;
import org.apache.flink.types.Row;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Trains a linear model to the optimum of its regularized objective on bounded rows, with {@link
 * Iterations#iterateBoundedStreamsUntilTermination}: {@link GradientWorker}s (one per subtask)
 * cache the rows and return loss and gradient sums for each point, a single {@link StepCoordinator}
 * steps the optimizer and feeds the next point back. Only all-round operators and no Flink ML
 * helpers that run per round, so the job also runs from a job jar on a cluster.
 */
public final class BoundedLinearTrainer {
    private final LinearTrainingConfig config;
    private final LabeledRowReader reader;

    public BoundedLinearTrainer(LinearTrainingConfig config, LabeledRowReader reader) {
        this.config = config;
        this.reader = reader;
    }

    /**
     * Every round is one point out and one reply per subtask back; with Flink's default buffer
     * timeout each hop waits up to 100 ms for a buffer to fill, about 200 ms per round. So every
     * operator of the iteration (the framework's head and tail included) flushes each record at
     * once — except the path that carries the training rows into the workers, which stays batched.
     */
    private static void flushRoundMessagesAtOnce(DataStreamList outputs, String workerName) {
        Set<Transformation<?>> iteration = new HashSet<>();
        Deque<Transformation<?>> toVisit = new ArrayDeque<>();
        for (int i = 0; i < outputs.size(); i++) {
            toVisit.add(outputs.get(i).getTransformation());
        }
        Set<Transformation<?>> rowsPath = new HashSet<>();
        while (!toVisit.isEmpty()) {
            Transformation<?> t = toVisit.poll();
            if (rowsPath.contains(t) || !iteration.add(t)) {
                continue;
            }
            if (t instanceof TwoInputTransformation && t.getName().equals(workerName)) {
                collectAncestors(((TwoInputTransformation<?, ?, ?>) t).getInput2(), rowsPath);
                iteration.removeAll(rowsPath);
                toVisit.add(((TwoInputTransformation<?, ?, ?>) t).getInput1());
                continue;
            }
            toVisit.addAll(t.getInputs());
        }
        for (Transformation<?> t : iteration) {
            t.setBufferTimeout(0);
        }
    }

    private static void collectAncestors(Transformation<?> start, Set<Transformation<?>> into) {
        Deque<Transformation<?>> toVisit = new ArrayDeque<>();
        toVisit.add(start);
        while (!toVisit.isEmpty()) {
            Transformation<?> t = toVisit.poll();
            if (into.add(t)) {
                toVisit.addAll(t.getInputs());
            }
        }
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
        DataStream<double[]> noPoint =
                rows.getExecutionEnvironment()
                        .fromElements(new double[] {-1})
                        .returns(PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO);
        LinearTrainingConfig config = this.config;
        LabeledRowReader reader = this.reader;
        DataStreamList outputs =
                Iterations.iterateBoundedStreamsUntilTermination(
                        DataStreamList.of(noPoint),
                        ReplayableDataStreamList.notReplay(rows),
                        IterationConfig.newBuilder()
                                .setOperatorLifeCycle(IterationConfig.OperatorLifeCycle.ALL_ROUND)
                                .build(),
                        (variables, data) -> {
                            DataStream<double[]> points = variables.get(0);
                            DataStream<Row> trainingRows = data.get(0);
                            SingleOutputStreamOperator<double[]> replies =
                                    points.broadcast()
                                            .connect(trainingRows)
                                            .transform(
                                                    config.stage + ".gradients",
                                                    PrimitiveArrayTypeInfo
                                                            .DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO,
                                                    new GradientWorker(config, reader))
                                            .setParallelism(numWorkers);
                            SingleOutputStreamOperator<double[]> nextPoints =
                                    replies.transform(
                                                    config.stage + ".optimizer",
                                                    PrimitiveArrayTypeInfo
                                                            .DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO,
                                                    new StepCoordinator(
                                                            config, numWorkers, modelVersion))
                                            .setParallelism(1);
                            return new IterationBodyResult(
                                    DataStreamList.of(nextPoints),
                                    DataStreamList.of(
                                            nextPoints.getSideOutput(StepCoordinator.MODEL),
                                            nextPoints.getSideOutput(StepCoordinator.SUMMARY)));
                        });
        flushRoundMessagesAtOnce(outputs, config.stage + ".gradients");
        return new Result(outputs.get(0), outputs.get(1));
    }
}
