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

import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import static org.apache.flink.table.api.Expressions.$;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TableRows} gives the rows Flink's own {@code toDataStream(table)} gives, and a Table made
 * from internal rows converts its columns to the same classes as the Table they came from.
 */
class TableRowsTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final String[] NAMES = {"id", "dense", "vector", "label", "name"};

    private static Table table(TestJob job) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Vector vector =
                    i % 3 == 0
                            ? new SparseVector(5, new int[] {i % 5}, new double[] {i})
                            : Vectors.dense(i, -i);
            rows.add(
                    Row.of(
                            i,
                            i % 7 == 0 ? null : new DenseVector(new double[] {i, i / 3.0, -1}),
                            vector,
                            i % 11 == 0 ? null : i * 0.5,
                            i % 2 == 0 ? "even " + i : null));
        }
        TypeInformation<?>[] types = {
            Types.INT,
            TypeInformation.of(DenseVector.class),
            io.streamml.common.serialization.VectorCodec.TYPE,
            Types.DOUBLE,
            Types.STRING
        };
        Table input = job.boundedTable(NAMES, types, rows);
        // A query, so some columns are computed, as a stage's input often is.
        return input.select(
                $("id"),
                $("dense"),
                $("vector"),
                $("label").times(2).as("twice"),
                $("name"),
                $("id").plus(1).cast(org.apache.flink.table.api.DataTypes.BIGINT()).as("next"));
    }

    private static List<Row> sorted(CloseableIterator<Row> it) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> closing = it) {
            closing.forEachRemaining(rows::add);
        }
        rows.sort(Comparator.comparingInt(row -> (Integer) row.getField(0)));
        return rows;
    }

    @Test
    void testRowsEqualFlinksOwnConversion() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table table = table(job);
        List<Row> expected = sorted(job.tEnv.toDataStream(table).executeAndCollect());
        List<Row> actual = sorted(TableRows.of(table).executeAndCollect());

        assertEquals(50, expected.size());
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            Row want = expected.get(r);
            Row got = actual.get(r);
            assertEquals(RowKind.INSERT, got.getKind());
            assertEquals(want.getArity(), got.getArity());
            for (int i = 0; i < want.getArity(); i++) {
                assertTrue(
                        Objects.deepEquals(want.getField(i), got.getField(i)),
                        "row " + r + ", field " + i + ": " + want + " vs " + got);
            }
        }
        // Nulls, vectors of both kinds and computed columns did occur.
        assertTrue(actual.stream().anyMatch(row -> row.getField(1) == null));
        assertTrue(actual.stream().anyMatch(row -> row.getField(2) instanceof SparseVector));
        assertEquals(50L, actual.get(49).getField(5));
    }

    @Test
    void testInternalRowsBackToATableKeepTheColumnClasses() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table table = table(job);
        ResolvedSchema schema = table.getResolvedSchema();
        List<DataType> types = schema.getColumnDataTypes();
        DataStream<RowData> internal =
                TableRows.internalOf(table)
                        .map(
                                new PassInternally(types),
                                TableRows.internalType(schema.getColumnNames(), types));
        Table back =
                TableRows.fromInternal(job.tEnv, internal, schema.getColumnNames(), types, null);

        for (int i = 0; i < types.size(); i++) {
            assertEquals(
                    types.get(i).getConversionClass(),
                    back.getResolvedSchema().getColumnDataTypes().get(i).getConversionClass(),
                    "column " + schema.getColumnNames().get(i));
        }
        List<Row> expected = sorted(job.tEnv.toDataStream(table).executeAndCollect());
        List<Row> actual = sorted(job.tEnv.toDataStream(back).executeAndCollect());
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            for (int i = 0; i < types.size(); i++) {
                assertTrue(
                        Objects.deepEquals(expected.get(r).getField(i), actual.get(r).getField(i)),
                        "row " + r + ", field " + i);
            }
        }
    }

    /**
     * Copies the internal fields unconverted, except that the "dense" column carries the object
     * read from it, as the model transform does for the column it scores.
     */
    private static final class PassInternally extends RichMapFunction<RowData, RowData> {
        private final InternalFields fields;

        PassInternally(List<DataType> types) {
            this.fields = new InternalFields(types);
        }

        @Override
        public void open(Configuration parameters) {
            fields.open(getRuntimeContext().getUserCodeClassLoader());
        }

        @Override
        public RowData map(RowData row) {
            GenericRowData out = new GenericRowData(row.getRowKind(), fields.arity());
            for (int i = 0; i < fields.arity(); i++) {
                out.setField(
                        i,
                        i == 1
                                ? fields.internalWithExternal(row, i, fields.external(row, i))
                                : fields.internal(row, i));
            }
            return out;
        }
    }
}
