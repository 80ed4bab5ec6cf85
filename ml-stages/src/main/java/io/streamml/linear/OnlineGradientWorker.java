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
import io.streamml.optim.MiniBatchGradient;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.iteration.operator.OperatorStateUtils;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.types.Row;

import java.util.ArrayDeque;

/**
 * Online training, one per subtask, inside the unbounded iteration: keeps the newest model version
 * (input 1, broadcast) and its mini-batch slices (input 2) and scores slice b with version v0 + b
 * (v0: the first version it saw), so every subtask computes batch b against the same version. The
 * slice's loss and gradient sums go to the {@link OnlineCoordinator}. Slices wait in state for
 * their version.
 */
class OnlineGradientWorker extends AbstractStreamOperator<OnlineReply>
        implements TwoInputStreamOperator<
                double[], Tuple4<Integer, Long, Long, Row[]>, OnlineReply> {
    private static final long serialVersionUID = 1L;

    private final LinearTrainingConfig config;
    private final LabeledRowReader reader;
    private final int featuresIndex;
    private final TypeInformation<Tuple4<Integer, Long, Long, Row[]>> sliceType;

    private transient double[] model;
    private transient long firstVersion;
    private transient boolean askedForModel;
    private transient ArrayDeque<Tuple4<Integer, Long, Long, Row[]>> pending;
    private transient ListState<double[]> modelState;
    private transient ListState<Long> progressState;
    private transient ListState<Tuple4<Integer, Long, Long, Row[]>> pendingState;

    OnlineGradientWorker(
            LinearTrainingConfig config,
            LabeledRowReader reader,
            int featuresIndex,
            TypeInformation<Tuple4<Integer, Long, Long, Row[]>> sliceType) {
        this.config = config;
        this.reader = reader;
        this.featuresIndex = featuresIndex;
        this.sliceType = sliceType;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        modelState =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "model",
                                        PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        progressState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("progress", Types.LONG));
        pendingState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("pendingSlices", sliceType));
        model = null;
        model = OperatorStateUtils.getUniqueElement(modelState, "model").orElse(model);
        long[] progress = {-1, 0};
        int i = 0;
        for (Long value : progressState.get()) {
            progress[i++] = value;
        }
        firstVersion = progress[0];
        askedForModel = progress[1] == 1;
        pending = new ArrayDeque<>();
        pendingState.get().forEach(pending::add);
    }

    @Override
    public void open() throws Exception {
        super.open();
        reader.invalidRows().open(getMetricGroup());
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        modelState.clear();
        if (model != null) {
            modelState.add(model);
        }
        progressState.clear();
        progressState.add(firstVersion);
        progressState.add(askedForModel ? 1L : 0L);
        pendingState.clear();
        for (Tuple4<Integer, Long, Long, Row[]> slice : pending) {
            pendingState.add(slice);
        }
    }

    @Override
    public void processElement1(StreamRecord<double[]> record) {
        double[] candidate = record.getValue();
        if (candidate[0] < 0 || (model != null && candidate[0] <= model[0])) {
            return;
        }
        model = candidate;
        if (firstVersion < 0) {
            firstVersion = (long) candidate[0];
        }
        drain();
    }

    @Override
    public void processElement2(StreamRecord<Tuple4<Integer, Long, Long, Row[]>> record) {
        pending.add(record.getValue());
        if (model == null && !config.hasInitialModel && !askedForModel) {
            int dim = firstDimension(record.getValue().f3);
            if (dim >= 0) {
                askedForModel = true;
                output.collect(
                        new StreamRecord<>(new OnlineReply(subtask(), -1, dim, 0, null, null)));
            }
        }
        drain();
    }

    private int firstDimension(Row[] rows) {
        for (Row row : rows) {
            Object features = row.getField(featuresIndex);
            if (features instanceof DenseVector) {
                return ((DenseVector) features).size();
            }
            if (features instanceof SparseVector) {
                return ((SparseVector) features).size();
            }
        }
        return -1;
    }

    private void drain() {
        while (model != null && !pending.isEmpty()) {
            Tuple4<Integer, Long, Long, Row[]> slice = pending.peek();
            long required = firstVersion + slice.f1;
            if ((long) model[0] < required) {
                return;
            }
            if ((long) model[0] > required) {
                throw new BadDataException(
                        config.stage
                                + ": model version "
                                + (long) model[0]
                                + " is ahead of mini-batch "
                                + slice.f1);
            }
            pending.poll();
            output.collect(new StreamRecord<>(evaluate(slice)));
        }
    }

    private OnlineReply evaluate(Tuple4<Integer, Long, Long, Row[]> slice) {
        int numParameters = model.length - 1;
        double[] parameters = new double[numParameters];
        System.arraycopy(model, 1, parameters, 0, numParameters);
        int dim = numParameters - (config.fitIntercept ? 1 : 0);
        MiniBatchGradient gradient = new MiniBatchGradient(config.loss, dim, config.fitIntercept);
        SliceEvaluation evaluation = config.scoresBeforeLearning() ? new SliceEvaluation() : null;
        BatchGradientSink sink =
                new BatchGradientSink(
                        gradient,
                        parameters,
                        dim,
                        config.fitIntercept,
                        config.loss instanceof LogLoss,
                        evaluation);
        for (Row row : slice.f3) {
            reader.addTo(sink, row);
        }
        return new OnlineReply(subtask(), slice.f1, dim, slice.f2, gradient, evaluation);
    }

    private int subtask() {
        return getRuntimeContext().getIndexOfThisSubtask();
    }

    static TypeInformation<Tuple4<Integer, Long, Long, Row[]>> sliceType(
            TypeInformation<Row> rowType) {
        return new TupleTypeInfo<>(
                Types.INT,
                Types.LONG,
                Types.LONG,
                org.apache.flink.api.java.typeutils.ObjectArrayTypeInfo.getInfoFor(
                        Row[].class, rowType));
    }
}
