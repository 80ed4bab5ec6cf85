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
package io.streamml.common.model;

import io.streamml.common.table.TableEnvironments;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

import java.io.IOException;
import java.io.Serializable;

/**
 * How a model data type looks as a Table (its columns) and as a file (its binary record), so each
 * model data class states its layout once and shares the conversions.
 *
 * @param <M> the model data type
 */
public abstract class ModelDataSchema<M> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RowTypeInfo rowType;
    private final TypeInformation<M> modelType;

    protected ModelDataSchema(TypeInformation<M> modelType, RowTypeInfo rowType) {
        this.modelType = modelType;
        this.rowType = rowType;
    }

    /** The columns of the model data Table. */
    public RowTypeInfo rowType() {
        return rowType;
    }

    public TypeInformation<M> modelType() {
        return modelType;
    }

    /** The record as a Row with the columns of {@link #rowType()}. */
    protected abstract Row toRow(M modelData);

    /** The record from a Row with the columns of {@link #rowType()}, by position. */
    protected abstract M fromRow(Row row);

    /** Writes the record to a model data file. */
    protected abstract void write(M modelData, DataOutputView out) throws IOException;

    /** Reads a record written by {@link #write} from its bytes, which may be corrupted. */
    protected abstract M read(DataInputDeserializer in) throws IOException;

    /**
     * Why {@code modelData}, read from a file, cannot serve: non-finite values, mismatched sizes;
     * null if it can.
     */
    public abstract String problemOf(M modelData);

    /**
     * The model data stream as a Table. Model versions are few and their latency matters, so this
     * conversion (and {@link #fromTable}'s) sends each at once instead of waiting for a buffer.
     */
    public Table toTable(StreamTableEnvironment tEnv, DataStream<M> modelData) {
        // At the producer's parallelism, so the map chains to it: a map at the default
        // parallelism after a single-task producer would rebalance and reorder the versions.
        return tEnv.fromDataStream(
                modelData
                        .map(this::toRow, rowType)
                        .setParallelism(modelData.getParallelism())
                        .setBufferTimeout(0));
    }

    /** A model data Table (with the columns of {@link #rowType()}, in any order) as a stream. */
    public DataStream<M> fromTable(Table table) {
        String[] names = rowType.getFieldNames();
        Table ordered = table.select(columnExpressions(names));
        DataStream<Row> rows = TableEnvironments.of(table).toDataStream(ordered);
        // Chained to the Table's last operator, in order (see toTable).
        return rows.map(this::fromRow, modelType)
                .setParallelism(rows.getParallelism())
                .setBufferTimeout(0);
    }

    private static org.apache.flink.table.expressions.Expression[] columnExpressions(
            String[] names) {
        org.apache.flink.table.expressions.Expression[] columns =
                new org.apache.flink.table.expressions.Expression[names.length];
        for (int i = 0; i < names.length; i++) {
            columns[i] = org.apache.flink.table.api.Expressions.$(names[i]);
        }
        return columns;
    }

    /**
     * A vector written by {@link DenseVectorSerializer}, read as untrusted input: its length must
     * fit in what is left of the record, so a corrupted length is an error, not a huge allocation.
     */
    protected static DenseVector readVector(DataInputDeserializer in) throws IOException {
        int length = in.readInt();
        if (length < 0 || (long) length * Double.BYTES > in.available()) {
            throw new IOException(
                    "a vector of "
                            + length
                            + " values does not fit in the "
                            + in.available()
                            + " bytes left of the record");
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readDouble();
        }
        return new DenseVector(values);
    }

    /** Why {@code values}, named {@code name}, cannot be model data: null if all are finite. */
    protected static String nonFinite(String name, DenseVector values) {
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isFinite(values.get(i))) {
                return name + "[" + i + "] is " + values.get(i);
            }
        }
        return null;
    }
}
