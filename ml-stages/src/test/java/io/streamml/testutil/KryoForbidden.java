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
package io.streamml.testutil;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.iteration.operator.headprocessor.HeadOperatorState;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Registered as Kryo's default serializer for {@code Object}, so any value that falls back to Kryo
 * — a record, or operator state at a checkpoint — fails the job, naming its class.
 *
 * <p>What {@code ExecutionConfig.disableGenericTypes()} would do, had Flink ML 2.0.0 not built
 * every iteration with a {@code GenericTypeInfo<Object>} of its own ({@code
 * Iterations.unionAllTails}, a filter that drops every record): that one serializer is created but
 * never writes, so it passes here while every real Kryo use fails. Flink ML's iteration head keeps
 * one piece of Kryo state of its own ({@link HeadOperatorState}, no POJO); it gets an explicit
 * serializer here so that the guard can stay on for everything else.
 */
public final class KryoForbidden extends Serializer<Object> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Forbids Kryo in jobs run with {@code config}, except for Flink ML's own head state. */
    public static void install(ExecutionConfig config) {
        config.addDefaultKryoSerializer(Object.class, KryoForbidden.class);
        config.registerTypeWithKryoSerializer(
                HeadOperatorState.class, HeadOperatorStateSerializer.class);
    }

    @Override
    public void write(Kryo kryo, Output output, Object value) {
        throw fallback(value.getClass());
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<Object> type) {
        throw fallback(type);
    }

    @Override
    public Object copy(Kryo kryo, Object original) {
        throw fallback(original.getClass());
    }

    private static UnsupportedOperationException fallback(Class<?> type) {
        return new UnsupportedOperationException(
                "Kryo fallback for " + type.getName() + ": give it an explicit serializer");
    }

    /** Flink ML 2.0.0's head operator state, field by field. */
    public static final class HeadOperatorStateSerializer extends Serializer<HeadOperatorState>
            implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public void write(Kryo kryo, Output output, HeadOperatorState state) {
            Map<Integer, Long> records = state.getNumFeedbackRecordsEachRound();
            output.writeInt(records.size());
            for (Map.Entry<Integer, Long> entry : records.entrySet()) {
                output.writeInt(entry.getKey());
                output.writeLong(entry.getValue());
            }
            output.writeInt(state.getLatestRoundAligned());
            output.writeInt(state.getLatestRoundGloballyAligned());
        }

        @Override
        public HeadOperatorState read(Kryo kryo, Input input, Class<HeadOperatorState> type) {
            int size = input.readInt();
            Map<Integer, Long> records = new HashMap<>();
            for (int i = 0; i < size; i++) {
                records.put(input.readInt(), input.readLong());
            }
            return new HeadOperatorState(records, input.readInt(), input.readInt());
        }

        @Override
        public HeadOperatorState copy(Kryo kryo, HeadOperatorState state) {
            return new HeadOperatorState(
                    new HashMap<>(state.getNumFeedbackRecordsEachRound()),
                    state.getLatestRoundAligned(),
                    state.getLatestRoundGloballyAligned());
        }
    }
}
