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

import io.streamml.common.input.VectorChecks;
import io.streamml.common.table.InternalFields;
import io.streamml.common.table.RowTypes;
import io.streamml.common.table.TableEnvironments;
import io.streamml.common.table.TableRows;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The transform every Model shares: joins the input rows with the model data stream in a {@link
 * LatestModelScoringOperator} and appends the scorer's outputs (and optionally the model version)
 * as new columns. Bounded and unbounded model data go through the same path.
 */
@Internal
public final class ModelScoring<M extends VersionedModelData> {
    private final String stage;
    private final TypeInformation<M> modelType;
    private final String[] outputNames;
    private final TypeInformation<?>[] outputTypes;
    private String modelVersionCol;
    private Long maxAllowedModelDelayMs;

    /**
     * @param stage the model's name, for errors and operator names
     * @param modelType type of the model data records
     * @param outputNames names of the columns the scorer writes
     * @param outputTypes their types
     */
    public ModelScoring(
            String stage,
            TypeInformation<M> modelType,
            String[] outputNames,
            TypeInformation<?>[] outputTypes) {
        this.stage = stage;
        this.modelType = modelType;
        this.outputNames = outputNames;
        this.outputTypes = outputTypes;
    }

    /** Adds a column with the model version that scored each row (null: none). */
    public ModelScoring<M> withModelVersionCol(String modelVersionCol) {
        this.modelVersionCol = modelVersionCol;
        return this;
    }

    /** Enables event-time alignment (null: disabled). */
    public ModelScoring<M> withMaxAllowedModelDelayMs(Long maxAllowedModelDelayMs) {
        this.maxAllowedModelDelayMs = maxAllowedModelDelayMs;
        return this;
    }

    /**
     * Scores {@code input} with {@code modelData}.
     *
     * @param scorerFactory builds the scorer from the input's row type (to find its columns)
     */
    public Table transform(
            Table input,
            DataStream<M> modelData,
            Function<RowTypeInfo, RowScorer<M>> scorerFactory) {
        StreamTableEnvironment tEnv = TableEnvironments.of(input);
        RowTypeInfo inputType = RowTypes.of(input.getResolvedSchema());
        for (String name : outputNames) {
            checkNewColumn(inputType, name);
        }
        String[] names = outputNames;
        TypeInformation<?>[] types = outputTypes;
        if (modelVersionCol != null) {
            checkNewColumn(inputType, modelVersionCol);
            names = concat(names, new String[] {modelVersionCol});
            types = concat(types, new TypeInformation<?>[] {Types.LONG});
        }
        String rowtime = TableRows.rowtimeColumn(input.getResolvedSchema());
        int[] keptFields =
                IntStream.range(0, inputType.getArity())
                        .filter(i -> !inputType.getFieldNames()[i].equals(rowtime))
                        .toArray();
        ResolvedSchema inputSchema = input.getResolvedSchema();
        List<String> columnNames = new ArrayList<>();
        List<DataType> columnTypes = new ArrayList<>();
        for (int i : keptFields) {
            columnNames.add(inputType.getFieldNames()[i]);
            columnTypes.add(inputSchema.getColumnDataTypes().get(i));
        }
        List<DataType> scoreTypes = new ArrayList<>();
        for (TypeInformation<?> type : types) {
            scoreTypes.add(TableRows.columnType(type));
        }
        columnNames.addAll(Arrays.asList(names));
        columnTypes.addAll(scoreTypes);

        // Internal rows end to end: only the scored column is converted, and the columns that
        // pass through keep their serialized form (see LatestModelScoringOperator#emit).
        DataStream<RowData> rows = TableRows.internalOf(input);
        DataStream<RowData> scored =
                rows.connect(modelData.broadcast())
                        .transform(
                                stage + ".transform",
                                TableRows.internalType(columnNames, columnTypes),
                                new LatestModelScoringOperator<>(
                                        stage,
                                        scorerFactory.apply(inputType),
                                        InternalTypeInfo.of(
                                                (RowType)
                                                        inputSchema
                                                                .toSourceRowDataType()
                                                                .getLogicalType()),
                                        new InternalFields(inputSchema.getColumnDataTypes()),
                                        keptFields,
                                        new InternalFields(
                                                scoreTypes.subList(0, outputTypes.length)),
                                        modelType,
                                        modelVersionCol != null,
                                        maxAllowedModelDelayMs));
        // A rowtime attribute leaves the rows as their record timestamp and comes back as the
        // last column, so the output keeps event time for the stages after this one.
        Schema rowtimeColumn = TableRows.rowtimeSchema(rowtime);
        return TableRows.fromInternal(tEnv, scored, columnNames, columnTypes, rowtimeColumn);
    }

    private void checkNewColumn(RowTypeInfo inputType, String name) {
        if (inputType.getFieldIndex(name) >= 0) {
            throw new IllegalArgumentException(
                    stage + ": output column '" + name + "' already exists in the input table.");
        }
    }

    private static <T> T[] concat(T[] first, T[] second) {
        T[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }

    /** Position of a column the scorer reads, with a clear error when it is missing. */
    public static int columnIndex(String stage, RowTypeInfo inputType, String column) {
        int index = inputType.getFieldIndex(column);
        if (index < 0) {
            throw new IllegalArgumentException(
                    stage
                            + ": input column '"
                            + column
                            + "' not found; the input has "
                            + String.join(", ", inputType.getFieldNames()));
        }
        return index;
    }

    /**
     * Position of a column that must hold vectors: a missing column or one of another type (a
     * STRING or DOUBLE column) is a clear error when the job is built, not at the first row.
     */
    public static int vectorColumnIndex(String stage, RowTypeInfo inputType, String column) {
        int index = columnIndex(stage, inputType, column);
        Class<?> type = inputType.getTypeAt(index).getTypeClass();
        // A column declared as a generic Object may hold anything: its rows are checked one by one.
        if (type != Object.class && !VectorChecks.isFeatureClass(type)) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s: input column '%s' has type %s; expected a vector column"
                                    + " (DenseVector, SparseVector) or an array of doubles.",
                            stage, column, inputType.getTypeAt(index)));
        }
        return index;
    }

    /** Position of a column that must hold numbers (labels, weights), checked like vectors. */
    public static int numberColumnIndex(String stage, RowTypeInfo inputType, String column) {
        return typedColumnIndex(stage, inputType, column, Number.class, "a numeric column");
    }

    private static int typedColumnIndex(
            String stage,
            RowTypeInfo inputType,
            String column,
            Class<?> expected,
            String description) {
        int index = columnIndex(stage, inputType, column);
        Class<?> type = inputType.getTypeAt(index).getTypeClass();
        // A column declared as a generic Object may hold anything: its rows are checked one by one.
        boolean unknown = type == Object.class;
        boolean fits =
                expected.isAssignableFrom(type)
                        || expected == Number.class
                                && type.isPrimitive()
                                && type != boolean.class
                                && type != char.class;
        if (!unknown && !fits) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s: input column '%s' has type %s; expected %s.",
                            stage, column, inputType.getTypeAt(index), description));
        }
        return index;
    }
}
