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

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Flink's serializer for a {@link TrainingCache}: its primitive arrays as they are, so an online
 * slice of validated rows travels and checkpoints without Kryo or per-row objects.
 */
@Internal
public final class TrainingCacheSerializer extends TypeSerializerSingleton<TrainingCache> {
    private static final long serialVersionUID = 1L;

    public static final TrainingCacheSerializer INSTANCE = new TrainingCacheSerializer();

    /** The type information of training caches. */
    public static final TypeInformation<TrainingCache> TYPE = new Info();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TrainingCache createInstance() {
        return new TrainingCache();
    }

    @Override
    public TrainingCache copy(TrainingCache from) {
        // Deep: operator state snapshots copy open (still growing) caches this way.
        return from.copy();
    }

    @Override
    public TrainingCache copy(TrainingCache from, TrainingCache reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(TrainingCache record, DataOutputView target) throws IOException {
        record.write(target);
    }

    @Override
    public TrainingCache deserialize(DataInputView source) throws IOException {
        return TrainingCache.read(source);
    }

    @Override
    public TrainingCache deserialize(TrainingCache reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<TrainingCache> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<TrainingCache> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    private static final class Info extends TypeInformation<TrainingCache> {
        private static final long serialVersionUID = 1L;

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
        public Class<TrainingCache> getTypeClass() {
            return TrainingCache.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<TrainingCache> createSerializer(ExecutionConfig config) {
            return INSTANCE;
        }

        @Override
        public String toString() {
            return "TrainingCache";
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof Info;
        }

        @Override
        public int hashCode() {
            return Info.class.hashCode();
        }

        @Override
        public boolean canEqual(Object obj) {
            return obj instanceof Info;
        }
    }
}
