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
package io.streamml.common.minibatch;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.StateInitializationContext;

import java.util.List;

/**
 * A {@link BatchAssembler} kept in operator state: what a coordinator that assembles batches from
 * slices holds across a failure. Slices are stored with their POJO serializer, no Kryo.
 *
 * @param <A> the slices' content
 */
@Internal
public final class AssemblerState<A> {
    private final BatchAssembler<A> assembler;
    private final ListState<Slice<A>> pendingState;
    private final ListState<Long> statusState;

    private AssemblerState(
            BatchAssembler<A> assembler,
            ListState<Slice<A>> pendingState,
            ListState<Long> statusState) {
        this.assembler = assembler;
        this.pendingState = pendingState;
        this.statusState = statusState;
    }

    /**
     * Creates the assembler and restores it from {@code context}, at processing time {@code now}.
     */
    public static <A> AssemblerState<A> restore(
            StateInitializationContext context,
            TypeInformation<A> contentType,
            int numSubtasks,
            boolean eventTime,
            long maxBatchDelayMs,
            long now)
            throws Exception {
        ListState<Slice<A>> pending =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "pendingSlices", Slice.type(contentType)));
        ListState<Long> status =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("subtaskStatus", Types.LONG));
        BatchAssembler<A> assembler = new BatchAssembler<>(numSubtasks, eventTime, maxBatchDelayMs);
        assembler.restore(pending.get(), status.get(), now);
        return new AssemblerState<>(assembler, pending, status);
    }

    public BatchAssembler<A> assembler() {
        return assembler;
    }

    public void snapshot() throws Exception {
        List<Slice<A>> pending = assembler.pending();
        pendingState.update(pending);
        statusState.update(assembler.subtaskStatus());
    }
}
