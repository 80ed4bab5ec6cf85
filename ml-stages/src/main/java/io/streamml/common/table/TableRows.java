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
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.conversion.DataStructureConverter;
import org.apache.flink.table.data.conversion.DataStructureConverters;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;

import java.util.List;

/**
 * A Table's rows as a {@code DataStream<Row>}, converted from Flink's internal rows here rather
 * than by {@code tEnv.toDataStream(table)}. Flink's own conversion copies each record between
 * chained operators with its external serializer, which serializes every RAW column (every vector)
 * into a fresh byte array per row and per copy: about half the CPU of a job that only reads vector
 * rows. Here the internal rows are converted field by field once, and the rows carry {@link
 * RowTypes#of} types, whose vector serializers copy arrays. Same rows, columns, kinds and record
 * timestamps as {@code toDataStream(table)}; rows are positional (no field names).
 */
@Internal
public final class TableRows {
    private TableRows() {}

    public static DataStream<Row> of(Table table) {
        StreamTableEnvironment tEnv = TableEnvironments.of(table);
        ResolvedSchema schema = table.getResolvedSchema();
        // All columns of the query, as toDataStream(table) takes them, but kept internal.
        DataType rowType = schema.toSourceRowDataType();
        DataStream<RowData> internal = tEnv.toDataStream(table, rowType.bridgedTo(RowData.class));
        return internal.map(new ToRow(schema.getColumnDataTypes()), RowTypes.of(schema))
                .name("rows of the table");
    }

    /** Converts each field with the converter Flink's own conversion would use for it. */
    private static final class ToRow extends RichMapFunction<RowData, Row> {
        private static final long serialVersionUID = 1L;

        private final List<DataType> fieldTypes;
        private transient RowData.FieldGetter[] getters;
        private transient DataStructureConverter<Object, Object>[] converters;

        ToRow(List<DataType> fieldTypes) {
            this.fieldTypes = fieldTypes;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void open(Configuration parameters) {
            int arity = fieldTypes.size();
            getters = new RowData.FieldGetter[arity];
            converters = new DataStructureConverter[arity];
            ClassLoader classLoader = getRuntimeContext().getUserCodeClassLoader();
            for (int i = 0; i < arity; i++) {
                DataType type = fieldTypes.get(i);
                getters[i] = RowData.createFieldGetter(type.getLogicalType(), i);
                converters[i] =
                        (DataStructureConverter<Object, Object>)
                                DataStructureConverters.getConverter(type);
                converters[i].open(classLoader);
            }
        }

        @Override
        public Row map(RowData internal) {
            Row row = new Row(internal.getRowKind(), getters.length);
            for (int i = 0; i < getters.length; i++) {
                row.setField(
                        i, converters[i].toExternalOrNull(getters[i].getFieldOrNull(internal)));
            }
            return row;
        }
    }
}
