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
package io.streamml.feature.vectorassembler;

import io.streamml.common.model.StageMetadata;
import io.streamml.common.serialization.VectorCodec;
import io.streamml.common.table.InternalFields;
import io.streamml.common.table.TableEnvironments;
import io.streamml.common.table.TableRows;

import org.apache.flink.ml.api.Transformer;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.util.Preconditions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines numeric and vector columns into one vector column, as Flink ML 2.3's VectorAssembler:
 * each row's {@link #getInputCols() input columns} in order, a number as one entry and a vector as
 * its entries ({@link #getInputSizes() inputSizes} declares how many), appended as {@link
 * #getOutputCol()}. The input columns stay, and so does a rowtime attribute (as the last column),
 * so event-time stages can follow.
 *
 * <p>Numeric columns are DOUBLE, FLOAT, INT, BIGINT, SMALLINT, TINYINT and DECIMAL, and a numeric
 * column's input size must be 1; vector columns hold dense or sparse vectors. Any other column
 * type, a missing column, or a numeric column declared with another size is refused when {@link
 * #transform} is called. How invalid values (null, NaN, a vector of another size) are handled under
 * "error", "skip" and "keep", and whether the output is dense or sparse: see {@link RowAssembler}.
 * Rows skipped are counted in the {@code numInvalidRowsSkipped} metric of the {@code
 * VectorAssembler.transform} operator.
 *
 * <p>Bounded and unbounded Tables go the same way, row by row, with no state.
 */
public class VectorAssembler
        implements Transformer<VectorAssembler>, VectorAssemblerParams<VectorAssembler> {
    static final String STAGE = "VectorAssembler";

    private static final Set<LogicalTypeRoot> NUMERIC_TYPES =
            Collections.unmodifiableSet(
                    EnumSet.of(
                            LogicalTypeRoot.DOUBLE,
                            LogicalTypeRoot.FLOAT,
                            LogicalTypeRoot.INTEGER,
                            LogicalTypeRoot.BIGINT,
                            LogicalTypeRoot.SMALLINT,
                            LogicalTypeRoot.TINYINT,
                            LogicalTypeRoot.DECIMAL));

    private final Map<Param<?>, Object> paramMap = new HashMap<>();

    public VectorAssembler() {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
    }

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }

    @Override
    public Table[] transform(Table... inputs) {
        Preconditions.checkArgument(inputs.length == 1, "%s takes one input table", STAGE);
        ResolvedSchema schema = inputs[0].getResolvedSchema();
        String[] inputCols = getInputCols();
        Integer[] declaredSizes = getInputSizes();
        int[] inputIndices = inputIndices(schema, inputCols, declaredSizes);
        String outputCol = getOutputCol();
        if (schema.getColumnNames().contains(outputCol)) {
            throw new IllegalArgumentException(
                    STAGE
                            + ": output column '"
                            + outputCol
                            + "' already exists in the input table.");
        }
        int[] inputSizes = Arrays.stream(declaredSizes).mapToInt(Integer::intValue).toArray();

        // The columns: the input's (a rowtime attribute leaves the rows as their record
        // timestamp and comes back last, as in every Model's transform), then the vector.
        String rowtime = TableRows.rowtimeColumn(schema);
        List<Integer> kept = new ArrayList<>();
        List<String> columnNames = new ArrayList<>();
        List<DataType> columnTypes = new ArrayList<>();
        for (int i = 0; i < schema.getColumnCount(); i++) {
            if (!schema.getColumnNames().get(i).equals(rowtime)) {
                kept.add(i);
                columnNames.add(schema.getColumnNames().get(i));
                columnTypes.add(schema.getColumnDataTypes().get(i));
            }
        }
        DataType outputType = TableRows.columnType(VectorCodec.TYPE);
        columnNames.add(outputCol);
        columnTypes.add(outputType);

        DataStream<RowData> assembled =
                TableRows.internalOf(inputs[0])
                        .flatMap(
                                new AssembleRowsFunction(
                                        new RowAssembler(inputCols, inputSizes, getHandleInvalid()),
                                        new InternalFields(schema.getColumnDataTypes()),
                                        inputIndices,
                                        kept.stream().mapToInt(Integer::intValue).toArray(),
                                        new InternalFields(Collections.singletonList(outputType))),
                                TableRows.internalType(columnNames, columnTypes))
                        .name(STAGE + ".transform");
        Schema rowtimeColumn = TableRows.rowtimeSchema(rowtime);
        return new Table[] {
            TableRows.fromInternal(
                    TableEnvironments.of(inputs[0]),
                    assembled,
                    columnNames,
                    columnTypes,
                    rowtimeColumn)
        };
    }

    /**
     * The positions of the input columns, checked before the job runs: each must exist and be a
     * numeric or vector column, and a numeric one must be declared of size 1.
     */
    private static int[] inputIndices(ResolvedSchema schema, String[] inputCols, Integer[] sizes) {
        if (inputCols.length != sizes.length) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s: inputCols has %d columns but inputSizes has %d sizes.",
                            STAGE, inputCols.length, sizes.length));
        }
        List<String> names = schema.getColumnNames();
        int[] indices = new int[inputCols.length];
        long outputSize = 0;
        for (int i = 0; i < inputCols.length; i++) {
            int index = names.indexOf(inputCols[i]);
            if (index < 0) {
                throw new IllegalArgumentException(
                        String.format(
                                "%s: input column '%s' not found; the input has %s",
                                STAGE, inputCols[i], String.join(", ", names)));
            }
            DataType type = schema.getColumnDataTypes().get(index);
            if (NUMERIC_TYPES.contains(type.getLogicalType().getTypeRoot())) {
                if (sizes[i] != 1) {
                    throw new IllegalArgumentException(
                            String.format(
                                    "%s: inputSizes declares size %d for numeric column '%s';"
                                            + " a number has size 1.",
                                    STAGE, sizes[i], inputCols[i]));
                }
            } else if (!Vector.class.isAssignableFrom(type.getConversionClass())) {
                throw new IllegalArgumentException(
                        String.format(
                                "%s: input column '%s' has type %s; expected a numeric column"
                                        + " (DOUBLE, FLOAT, INT, BIGINT, SMALLINT, TINYINT,"
                                        + " DECIMAL) or a vector column.",
                                STAGE, inputCols[i], type));
            }
            outputSize += sizes[i];
            indices[i] = index;
        }
        if (outputSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    STAGE + ": the inputSizes add up to " + outputSize + ", too large a vector.");
        }
        return indices;
    }

    @Override
    public void save(String path) throws IOException {
        StageMetadata.save(this, path);
    }

    /** Loads a VectorAssembler saved by {@link #save}. */
    public static VectorAssembler load(StreamExecutionEnvironment env, String path)
            throws IOException {
        return StageMetadata.load(path, VectorAssembler.class);
    }
}
