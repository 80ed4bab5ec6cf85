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
package io.streamml.common.table;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.table.data.RawValueData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.binary.BinaryRawValueData;
import org.apache.flink.table.data.conversion.DataStructureConverter;
import org.apache.flink.table.data.conversion.DataStructureConverters;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RawType;
import org.apache.flink.types.Row;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts the fields of Flink's internal rows to the classes a Table's columns declare (a vector,
 * a {@code Double}, a {@code String} …) and back, with the converters Flink's own {@code
 * toDataStream}/{@code fromDataStream} use, one field at a time so that a stage converts only the
 * fields it reads or writes. Call {@link #open} before converting.
 */
@Internal
public final class InternalFields implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<DataType> fieldTypes;
    private transient RowData.FieldGetter[] getters;
    private transient DataStructureConverter<Object, Object>[] converters;

    /** Per RAW field converted to its class: the class's serializer, else null. */
    private transient TypeSerializer<Object>[] rawSerializers;

    private transient DataInputDeserializer rawInput;

    /**
     * @param fieldTypes the columns' data types, whose conversion classes are the external ones
     */
    public InternalFields(List<DataType> fieldTypes) {
        this.fieldTypes = new ArrayList<>(fieldTypes);
    }

    @SuppressWarnings("unchecked")
    public void open(ClassLoader classLoader) {
        int arity = fieldTypes.size();
        getters = new RowData.FieldGetter[arity];
        converters = new DataStructureConverter[arity];
        rawSerializers = new TypeSerializer[arity];
        rawInput = new DataInputDeserializer();
        for (int i = 0; i < arity; i++) {
            DataType type = fieldTypes.get(i);
            getters[i] = RowData.createFieldGetter(type.getLogicalType(), i);
            converters[i] =
                    (DataStructureConverter<Object, Object>)
                            DataStructureConverters.getConverter(type);
            converters[i].open(classLoader);
            if (type.getLogicalType() instanceof RawType
                    && type.getConversionClass() != RawValueData.class) {
                rawSerializers[i] =
                        ((RawType<Object>) type.getLogicalType()).getTypeSerializer().duplicate();
            }
        }
    }

    public int arity() {
        return fieldTypes.size();
    }

    /** Field {@code i} of {@code row}, internal (no conversion), or null. */
    public Object internal(RowData row, int i) {
        return getters[i].getFieldOrNull(row);
    }

    /**
     * Field {@code i} of {@code row}, internal, carrying {@code external} (what {@link #external}
     * returned for it) along with its bytes, so that Flink's own conversion of this value to its
     * class later returns that object instead of deserializing the bytes again. The caller must not
     * change {@code external} afterwards.
     */
    public Object internalWithExternal(RowData row, int i, Object external) {
        Object internal = getters[i].getFieldOrNull(row);
        if (rawSerializers[i] == null || internal == null) {
            return internal;
        }
        BinaryRawValueData<Object> raw = (BinaryRawValueData<Object>) internal;
        // Not serialized yet (a conversion chained before with object reuse hands on the object
        // alone; asking for its bytes would throw), or holding its object already.
        if (raw.getBinarySection() == null || raw.getJavaObject() != null) {
            return raw;
        }
        return new BinaryRawValueData<>(
                raw.getSegments(), raw.getOffset(), raw.getSizeInBytes(), external);
    }

    /** Field {@code i} of {@code row} as its column's external class, or null. */
    public Object external(RowData row, int i) {
        Object internal = getters[i].getFieldOrNull(row);
        if (internal == null) {
            return null;
        }
        return rawSerializers[i] == null
                ? converters[i].toExternal(internal)
                : rawObject((BinaryRawValueData<Object>) internal, rawSerializers[i]);
    }

    /**
     * The object of a RAW value. Flink's converter deserializes through a {@code java.io} stream
     * that reads a vector one synchronized call per double, the largest cost of reading a vector
     * column; here the same serializer reads straight from the bytes.
     */
    private Object rawObject(BinaryRawValueData<Object> raw, TypeSerializer<Object> serializer) {
        Object object = raw.getJavaObject();
        if (object != null) {
            return object;
        }
        rawInput.setBuffer(raw.toBytes(serializer));
        try {
            return serializer.deserialize(rawInput);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An external value of field {@code i} as Flink's internal data structure. */
    public Object toInternal(int i, Object external) {
        return converters[i].toInternalOrNull(external);
    }

    /** The whole row with every field external, keeping its kind. */
    public Row toRow(RowData row) {
        Row result = new Row(row.getRowKind(), getters.length);
        for (int i = 0; i < getters.length; i++) {
            result.setField(i, external(row, i));
        }
        return result;
    }
}
