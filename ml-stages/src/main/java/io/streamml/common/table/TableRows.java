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
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.types.Row;

import java.util.ArrayList;
import java.util.List;

import static org.apache.flink.table.api.Expressions.$;

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
        ResolvedSchema schema = table.getResolvedSchema();
        return internalOf(table)
                .map(new ToRow(schema.getColumnDataTypes()), RowTypes.of(schema))
                .name("rows of the table");
    }

    /**
     * The Table's rows as Flink's internal rows, with all columns of the query as {@code
     * toDataStream(table)} takes them; {@link InternalFields} converts the fields a stage reads.
     */
    public static DataStream<RowData> internalOf(Table table) {
        StreamTableEnvironment tEnv = TableEnvironments.of(table);
        DataType rowType = table.getResolvedSchema().toSourceRowDataType();
        return tEnv.toDataStream(table, rowType.bridgedTo(RowData.class));
    }

    /**
     * The type of internal rows with these columns, for a stream that {@link #fromInternal} turns
     * into a Table.
     */
    public static InternalTypeInfo<RowData> internalType(List<String> names, List<DataType> types) {
        DataTypes.Field[] fields = new DataTypes.Field[names.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = DataTypes.FIELD(names.get(i), types.get(i));
        }
        return InternalTypeInfo.of((RowType) DataTypes.ROW(fields).getLogicalType());
    }

    /**
     * A Table of internal rows (typed {@link #internalType} with the same {@code names} and {@code
     * types}) whose columns convert to the external classes of {@code types}. Flink 1.14 types the
     * columns of a {@code fromDataStream} of internal rows with the internal classes (a user's
     * {@code toDataStream} would return {@code RawValueData} instead of vectors), so each column is
     * cast to its own type, which only changes the class it converts to. The rows go into the Table
     * unconverted: a vector that passes through keeps its serialized bytes.
     *
     * @param declared non-physical columns (a rowtime from the record timestamp), or null
     */
    public static Table fromInternal(
            StreamTableEnvironment tEnv,
            DataStream<RowData> rows,
            List<String> names,
            List<DataType> types,
            Schema declared) {
        Table table =
                declared == null ? tEnv.fromDataStream(rows) : tEnv.fromDataStream(rows, declared);
        List<Expression> columns = new ArrayList<>();
        for (String column : table.getResolvedSchema().getColumnNames()) {
            int index = names.indexOf(column);
            columns.add(index < 0 ? $(column) : $(column).cast(types.get(index)).as(column));
        }
        return table.select(columns.toArray(new Expression[0]));
    }

    /**
     * The column type {@code fromDataStream} gives a field of this type information: basic types
     * map to their SQL types, any other class to RAW with the type's own serializer.
     */
    public static <T> DataType columnType(TypeInformation<T> type) {
        if (type instanceof BasicTypeInfo) {
            return TypeConversions.fromLegacyInfoToDataType(type);
        }
        return DataTypes.RAW(type.getTypeClass(), type.createSerializer(new ExecutionConfig()));
    }

    /** Converts each field with the converter Flink's own conversion would use for it. */
    private static final class ToRow extends RichMapFunction<RowData, Row> {
        private static final long serialVersionUID = 1L;

        private final InternalFields fields;

        ToRow(List<DataType> fieldTypes) {
            this.fields = new InternalFields(fieldTypes);
        }

        @Override
        public void open(Configuration parameters) {
            fields.open(getRuntimeContext().getUserCodeClassLoader());
        }

        @Override
        public Row map(RowData internal) {
            return fields.toRow(internal);
        }
    }

    /** The name of the schema's rowtime attribute, or null. */
    public static String rowtimeColumn(ResolvedSchema schema) {
        for (Column column : schema.getColumns()) {
            if (LogicalTypeChecks.isRowtimeAttribute(column.getDataType().getLogicalType())) {
                return column.getName();
            }
        }
        return null;
    }

    /**
     * The declared column that brings a rowtime attribute back, as the last column, from the rows'
     * record timestamps and watermarks (for {@link #fromInternal}), or null without one: a
     * transform keeps event time for the stages after it.
     */
    public static Schema rowtimeSchema(String rowtime) {
        return rowtime == null
                ? null
                : Schema.newBuilder()
                        .columnByMetadata(rowtime, "TIMESTAMP_LTZ(3)")
                        .watermark(rowtime, "SOURCE_WATERMARK()")
                        .build();
    }
}
