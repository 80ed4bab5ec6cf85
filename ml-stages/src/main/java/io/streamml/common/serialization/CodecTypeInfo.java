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
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.util.Objects;

/** The type of values written by a {@link Codec}: an explicit serializer, no Kryo. */
@Internal
public final class CodecTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;
    private final Codec<T> codec;

    public CodecTypeInfo(Class<T> typeClass, Codec<T> codec) {
        this.typeClass = typeClass;
        this.codec = codec;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return new CodecSerializer<>(codec);
    }

    @Override
    public String toString() {
        return typeClass.getSimpleName() + "<" + codec.getClass().getSimpleName() + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodecTypeInfo
                && typeClass.equals(((CodecTypeInfo<?>) other).typeClass)
                && codec.getClass().equals(((CodecTypeInfo<?>) other).codec.getClass());
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeClass, codec.getClass());
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof CodecTypeInfo;
    }
}
