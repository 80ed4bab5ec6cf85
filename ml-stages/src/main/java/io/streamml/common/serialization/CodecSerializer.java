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
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.InstantiationUtil;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Serializes and copies with a {@link Codec}; values are mutable, so copies are deep. */
@Internal
public final class CodecSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Codec<T> codec;

    public CodecSerializer(Codec<T> codec) {
        this.codec = codec;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        if (from == null) {
            return null;
        }
        try {
            return codec.copy(from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        codec.write(record, target);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return codec.read(source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return codec.read(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        codec.write(codec.read(source), target);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodecSerializer
                && codec.getClass().equals(((CodecSerializer<?>) other).codec.getClass());
    }

    @Override
    public int hashCode() {
        return codec.getClass().hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new Snapshot<>(codec);
    }

    /** Keeps the codec itself, so state restores with the codec that wrote it. */
    public static final class Snapshot<T> implements TypeSerializerSnapshot<T> {
        private Codec<T> codec;

        /** For restore. */
        public Snapshot() {}

        Snapshot(Codec<T> codec) {
            this.codec = codec;
        }

        @Override
        public int getCurrentVersion() {
            return 1;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            byte[] bytes = InstantiationUtil.serializeObject(codec);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
                throws IOException {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            try {
                codec = InstantiationUtil.deserializeObject(bytes, classLoader);
            } catch (ClassNotFoundException e) {
                throw new IOException("Cannot restore the codec of a serializer", e);
            }
        }

        @Override
        public TypeSerializer<T> restoreSerializer() {
            return new CodecSerializer<>(codec);
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
                TypeSerializer<T> newSerializer) {
            return newSerializer.equals(restoreSerializer())
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
