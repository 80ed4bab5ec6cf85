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
package io.streamml.common.serialization;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * For plain-Java classes that write themselves with {@code writeTo(DataOutput)} and read themselves
 * with a static {@code readFrom(DataInput)} (statistics, metric accumulators): they stay free of
 * Flink types and still never fall back to Kryo.
 */
@Internal
public final class SelfSerializingCodec<T> implements Codec<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private transient MethodHandle writeTo;
    private transient MethodHandle readFrom;

    private SelfSerializingCodec(Class<T> type) {
        this.type = type;
    }

    /** The type information of {@code type}, which must have both methods. */
    public static <T> TypeInformation<T> typeOf(Class<T> type) {
        SelfSerializingCodec<T> codec = new SelfSerializingCodec<>(type);
        codec.resolve();
        return new CodecTypeInfo<>(type, codec);
    }

    private void resolve() {
        if (readFrom != null) {
            return;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            writeTo =
                    lookup.findVirtual(
                            type, "writeTo", MethodType.methodType(void.class, DataOutput.class));
            readFrom =
                    lookup.findStatic(
                            type, "readFrom", MethodType.methodType(type, DataInput.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                    type.getName()
                            + " needs public writeTo(DataOutput) and static readFrom(DataInput)",
                    e);
        }
    }

    @Override
    public void write(T value, DataOutputView out) throws IOException {
        resolve();
        try {
            writeTo.invoke(value, (DataOutput) out);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }

    @Override
    public T read(DataInputView in) throws IOException {
        resolve();
        try {
            return type.cast(readFrom.invoke((DataInput) in));
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }
}
