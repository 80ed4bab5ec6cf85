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

import io.streamml.common.window.WindowBatchOperator;
import io.streamml.common.window.Windows;

import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.iteration.DataStreamList;
import org.apache.flink.iteration.IterationBodyResult;
import org.apache.flink.iteration.Iterations;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.types.Row;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Trains a linear model online with {@link Iterations#iterateUnboundedStreams}: one task cuts the
 * rows into mini-batches ({@link Windows}: count, event or processing time, sessions) and slices
 * each over the workers; the current model version is the fed-back variable; every worker scores
 * its slice of batch b against the same version, and one coordinator combines the sums, steps the
 * online optimizer and emits version v + 1 — to the workers and as model data.
 */
public final class OnlineLinearTrainer {
    private final LinearTrainingConfig config;
    private final LabeledRowReader reader;
    private final int featuresIndex;

    public OnlineLinearTrainer(
            LinearTrainingConfig config, LabeledRowReader reader, int featuresIndex) {
        this.config = config;
        this.reader = reader;
        this.featuresIndex = featuresIndex;
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
        TypeInformation<Tuple2<List<Row>, Long>> batchType =
                new TupleTypeInfo<>(new ListTypeInfo<>(rowType), Types.LONG);
        TypeInformation<Tuple4<Integer, Long, Long, Row[]>> sliceType =
                OnlineGradientWorker.sliceType(rowType);
        DataStream<Tuple4<Integer, Long, Long, Row[]>> slices =
                rows.transform(
                                config.stage + ".batches",
                                batchType,
                                new WindowBatchOperator<>(
                                        windows, new RowBatch(), new ListTypeInfo<>(rowType), true))
                        .setParallelism(1)
                        .transform(
                                config.stage + ".slices", sliceType, new BatchSplitter(numWorkers))
                        .setParallelism(1);

        boolean fitIntercept = config.fitIntercept;
        DataStream<double[]> start =
                initialModel == null
                        ? rows.getExecutionEnvironment()
                                .fromElements(new double[] {-1})
                                .returns(PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO)
                        : initialModel
                                .map(
                                        model -> message(model, fitIntercept),
                                        PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO)
                                .setParallelism(1);

        LinearTrainingConfig config = this.config;
        LabeledRowReader reader = this.reader;
        int featuresIndex = this.featuresIndex;
        DataStreamList outputs =
                Iterations.iterateUnboundedStreams(
                        DataStreamList.of(start),
                        DataStreamList.of(slices),
                        (variables, data) -> {
                            DataStream<double[]> models = variables.get(0);
                            DataStream<Tuple4<Integer, Long, Long, Row[]>> batchSlices =
                                    data.get(0);
                            SingleOutputStreamOperator<OnlineReply> replies =
                                    models.broadcast()
                                            .connect(
                                                    batchSlices.partitionCustom(
                                                            (worker, n) -> worker,
                                                            slice -> slice.f0))
                                            .transform(
                                                    config.stage + ".onlineGradients",
                                                    TypeInformation.of(OnlineReply.class),
                                                    new OnlineGradientWorker(
                                                            config,
                                                            reader,
                                                            featuresIndex,
                                                            sliceType))
                                            .setParallelism(numWorkers);
                            SingleOutputStreamOperator<double[]> nextModels =
                                    replies.connect(models.broadcast())
                                            .transform(
                                                    config.stage + ".onlineOptimizer",
                                                    PrimitiveArrayTypeInfo
                                                            .DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO,
                                                    new OnlineCoordinator(config, numWorkers))
                                            .setParallelism(1);
                            return new IterationBodyResult(
                                    DataStreamList.of(nextModels),
                                    DataStreamList.of(
                                            nextModels.getSideOutput(StepCoordinator.MODEL),
                                            nextModels.getSideOutput(
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

    /** A model version as the iteration's message: [version, coefficients..., intercept?]. */
    static double[] message(LinearModelData model, boolean fitIntercept) {
        double[] beta = model.coefficient.values;
        double[] message = new double[1 + beta.length + (fitIntercept ? 1 : 0)];
        message[0] = model.modelVersion;
        System.arraycopy(beta, 0, message, 1, beta.length);
        if (fitIntercept) {
            message[1 + beta.length] = model.intercept;
        }
        return message;
    }
}
