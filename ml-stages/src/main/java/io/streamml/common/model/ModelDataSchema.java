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

import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

import java.io.EOFException;
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

    /** Reads a record written by {@link #write}. */
    protected abstract M read(DataInputView in) throws IOException;

    /**
     * The model data stream as a Table. Model versions are few and their latency matters, so this
     * conversion (and {@link #fromTable}'s) sends each at once instead of waiting for a buffer.
     */
    public Table toTable(StreamTableEnvironment tEnv, DataStream<M> modelData) {
        return tEnv.fromDataStream(modelData.map(this::toRow, rowType).setBufferTimeout(0));
    }

    /** A model data Table (with the columns of {@link #rowType()}, in any order) as a stream. */
    public DataStream<M> fromTable(Table table) {
        String[] names = rowType.getFieldNames();
        Table ordered = table.select(columnExpressions(names));
        return TableEnvironments.of(table)
                .toDataStream(ordered)
                .map(this::fromRow, modelType)
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

    /** Encoder for the model data files ({@link ModelDataFiles#save}). */
    public Encoder<M> encoder() {
        return (element, stream) -> write(element, new DataOutputViewStreamWrapper(stream));
    }

    /** Decoder for the model data files ({@link ModelDataFiles#loadNewest}). */
    public SimpleStreamFormat<M> decoder() {
        return new Decoder<>(this);
    }

    private static final class Decoder<M> extends SimpleStreamFormat<M> {
        private static final long serialVersionUID = 1L;
        private final ModelDataSchema<M> schema;

        Decoder(ModelDataSchema<M> schema) {
            this.schema = schema;
        }

        @Override
        public StreamFormat.Reader<M> createReader(Configuration config, FSDataInputStream stream) {
            DataInputView in = new DataInputViewStreamWrapper(stream);
            return new StreamFormat.Reader<M>() {
                @Override
                public M read() throws IOException {
                    try {
                        return schema.read(in);
                    } catch (EOFException e) {
                        return null;
                    }
                }

                @Override
                public void close() throws IOException {
                    stream.close();
                }
            };
        }

        @Override
        public TypeInformation<M> getProducedType() {
            return schema.modelType;
        }
    }
}
