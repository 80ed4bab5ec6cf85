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
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.io.Serializable;

/**
 * How one type of record or state is written, field by field: what {@link CodecTypeInfo} needs so
 * that the library's messages and operator state never fall back to Kryo. A codec is stateless or
 * holds only configuration; it is Java-serialized into the serializer's snapshot, so it restores
 * with the state it wrote.
 */
@Internal
public interface Codec<T> extends Serializable {
    void write(T value, DataOutputView out) throws IOException;

    T read(DataInputView in) throws IOException;

    /** A deep copy; by default written and read back, for codecs that know no faster way. */
    default T copy(T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        write(value, out);
        return read(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    }
}
