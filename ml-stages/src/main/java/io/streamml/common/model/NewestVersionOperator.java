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
package io.streamml.common.model;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.iteration.operator.OperatorStateUtils;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Reduces a bounded stream of model versions (e.g. every version an online fit saved) to the one
 * with the highest version, emitted when the input ends.
 */
public class NewestVersionOperator<M extends VersionedModelData> extends AbstractStreamOperator<M>
        implements OneInputStreamOperator<M, M>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<M> modelType;
    private transient M newest;
    private transient ListState<M> newestState;

    private NewestVersionOperator(TypeInformation<M> modelType) {
        this.modelType = modelType;
    }

    /** The newest version of a bounded stream of versions, as a one-record stream. */
    public static <M extends VersionedModelData> DataStream<M> of(
            DataStream<M> versions, TypeInformation<M> modelType) {
        return versions.transform(
                        "newestModelVersion", modelType, new NewestVersionOperator<>(modelType))
                .setParallelism(1);
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        newestState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("newest", modelType));
        newest = OperatorStateUtils.getUniqueElement(newestState, "newest").orElse(newest);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        newestState.clear();
        if (newest != null) {
            newestState.add(newest);
        }
    }

    @Override
    public void processElement(StreamRecord<M> record) {
        if (newest == null || record.getValue().getModelVersion() > newest.getModelVersion()) {
            newest = record.getValue();
        }
    }

    @Override
    public void endInput() {
        if (newest != null) {
            output.collect(new StreamRecord<>(newest));
        }
    }
}
