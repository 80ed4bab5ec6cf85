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

import io.streamml.common.table.InternalFields;

import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;

import java.util.Arrays;

/**
 * The Flink side of {@link VectorAssembler}: converts a row's input columns, hands them to the
 * {@link RowAssembler} and appends its vector to the kept columns. Rows are independent, so it
 * keeps no state; the record timestamp (a rowtime) passes through.
 */
final class AssembleRowsFunction extends RichFlatMapFunction<RowData, RowData> {
    private static final long serialVersionUID = 1L;

    private final RowAssembler assembler;

    /** The input's columns: only the input columns are converted to their classes. */
    private final InternalFields inputFields;

    /** Positions of the input columns in the input rows, in the assembler's order. */
    private final int[] inputIndices;

    /** Positions of the input fields copied to the output, in order. */
    private final int[] keptFields;

    /** The output vector column. */
    private final InternalFields outputField;

    private transient Object[] values;

    /** Per kept field: its position among the input columns, or -1. */
    private transient int[] keptInputs;

    AssembleRowsFunction(
            RowAssembler assembler,
            InternalFields inputFields,
            int[] inputIndices,
            int[] keptFields,
            InternalFields outputField) {
        this.assembler = assembler;
        this.inputFields = inputFields;
        this.inputIndices = inputIndices;
        this.keptFields = keptFields;
        this.outputField = outputField;
    }

    @Override
    public void open(Configuration parameters) {
        ClassLoader classLoader = getRuntimeContext().getUserCodeClassLoader();
        inputFields.open(classLoader);
        outputField.open(classLoader);
        assembler.open(getRuntimeContext().getMetricGroup());
        values = new Object[inputIndices.length];
        keptInputs = new int[keptFields.length];
        for (int k = 0; k < keptFields.length; k++) {
            keptInputs[k] = -1;
            for (int i = 0; i < inputIndices.length; i++) {
                if (inputIndices[i] == keptFields[k]) {
                    keptInputs[k] = i;
                }
            }
        }
    }

    @Override
    public void flatMap(RowData row, Collector<RowData> out) {
        for (int i = 0; i < inputIndices.length; i++) {
            values[i] = inputFields.external(row, inputIndices[i]);
        }
        Vector assembled = assembler.assemble(values);
        if (assembled != null) {
            GenericRowData result = new GenericRowData(row.getRowKind(), keptFields.length + 1);
            for (int k = 0; k < keptFields.length; k++) {
                result.setField(k, keptField(row, k));
            }
            result.setField(keptFields.length, outputField.toInternal(0, assembled));
            out.collect(result);
        }
        // Keep no reference to this row's values: with object reuse its record is recycled.
        Arrays.fill(values, null);
    }

    /**
     * Kept field {@code k} as it is, except that an input vector read from serialized bytes passes
     * on with the object read from them, so a later conversion of the output row need not decode
     * the bytes again.
     */
    private Object keptField(RowData row, int k) {
        return keptInputs[k] >= 0
                ? inputFields.internalWithExternal(row, keptFields[k], values[keptInputs[k]])
                : inputFields.internal(row, keptFields[k]);
    }
}
