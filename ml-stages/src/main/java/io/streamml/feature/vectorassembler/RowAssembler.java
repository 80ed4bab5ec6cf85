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

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.param.HasHandleInvalidWithKeep;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.linalg.Vector;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Assembles the values of a row's input columns into one vector: the single piece of assembly code
 * behind {@link VectorAssembler}'s bounded and streaming transform and the tests. Plain Java with
 * no state between rows.
 *
 * <p>Follows Flink ML 2.3's VectorAssembler. A number adds one entry, a vector its entries. Under
 * "error" and "skip" a null value, a NaN number, or a vector whose size differs from the declared
 * one is invalid. Under "keep" a null becomes as many NaNs as its declared size, a NaN number stays
 * NaN, and a vector of another size is assembled as it is (so that row's output has another size).
 * NaN or infinite entries of a vector, and infinite numbers, are never invalid here: the stages
 * that compute with the vector check them.
 *
 * <p>The output is dense when more than two thirds of its entries are stored, else sparse. As in
 * Flink ML 2.3 a number and each entry of a dense vector count as stored, zero or not; a sparse
 * vector adds its stored entries.
 */
@Internal
public final class RowAssembler implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * A sparse entry carries an index besides its value; Flink ML 2.3 picks dense once stored
     * entries × 1.5 exceed the size.
     */
    private static final double SPARSE_ENTRY_COST = 1.5;

    private final InvalidRowPolicy invalidRows;
    private final boolean keepInvalid;
    private final String[] inputCols;
    private final int[] inputSizes;

    /**
     * @param inputCols the input columns, for error messages
     * @param inputSizes the declared size of each input column
     * @param handleInvalid "error", "skip" or "keep"
     */
    public RowAssembler(String[] inputCols, int[] inputSizes, String handleInvalid) {
        if (inputCols.length != inputSizes.length) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s: %d input columns but %d input sizes.",
                            VectorAssembler.STAGE, inputCols.length, inputSizes.length));
        }
        this.invalidRows = new InvalidRowPolicy(VectorAssembler.STAGE, handleInvalid);
        this.keepInvalid = HasHandleInvalidWithKeep.KEEP_INVALID.equals(handleInvalid);
        this.inputCols = inputCols.clone();
        this.inputSizes = inputSizes.clone();
    }

    /** Registers the skipped rows counter; call once from the operator's open(). */
    public void open(MetricGroup metrics) {
        invalidRows.open(metrics);
    }

    /**
     * The assembled vector of one row, or null when the row is skipped.
     *
     * @param values the row's values of the input columns, in the order of the input columns
     * @throws io.streamml.common.input.InvalidInputException for an invalid value, except under
     *     "skip" (which counts the row) and where "keep" keeps it
     */
    public Vector assemble(Object[] values) {
        long size = 0;
        long stored = 0;
        for (int i = 0; i < inputCols.length; i++) {
            Object value = values[i];
            String problem;
            if (value == null) {
                problem = keepInvalid ? null : "the value is null";
                size += inputSizes[i];
                stored += inputSizes[i];
            } else if (value instanceof Number) {
                problem = numberProblem(((Number) value).doubleValue(), inputSizes[i]);
                size += 1;
                stored += 1;
            } else if (value instanceof DenseVector) {
                int n = ((DenseVector) value).values.length;
                problem = sizeProblem(n, inputSizes[i]);
                size += n;
                stored += n;
            } else if (value instanceof SparseVector) {
                SparseVector sparse = (SparseVector) value;
                problem = sizeProblem(sparse.n, inputSizes[i]);
                size += sparse.n;
                stored += sparse.indices.length;
            } else {
                problem = "expected a number or a vector but got " + value.getClass().getName();
            }
            if (problem != null) {
                invalidRows.reject(value, inputCols[i], problem);
                return null;
            }
        }
        // Only vectors kept at another size than declared can take the sum past an array's size.
        int outputSize = Math.toIntExact(size);
        return stored * SPARSE_ENTRY_COST > outputSize
                ? dense(values, outputSize)
                : sparse(values, outputSize, (int) stored);
    }

    private String numberProblem(double value, int declaredSize) {
        if (keepInvalid) {
            return null;
        }
        if (Double.isNaN(value)) {
            return "the value is NaN";
        }
        return declaredSize == 1
                ? null
                : "a number has size 1 but inputSizes declares " + declaredSize;
    }

    private String sizeProblem(int size, int declaredSize) {
        return keepInvalid || size == declaredSize
                ? null
                : "the vector has size " + size + " but inputSizes declares " + declaredSize;
    }

    private DenseVector dense(Object[] values, int size) {
        double[] out = new double[size];
        int offset = 0;
        for (int i = 0; i < inputCols.length; i++) {
            Object value = values[i];
            if (value == null) {
                Arrays.fill(out, offset, offset + inputSizes[i], Double.NaN);
                offset += inputSizes[i];
            } else if (value instanceof Number) {
                out[offset++] = ((Number) value).doubleValue();
            } else if (value instanceof DenseVector) {
                double[] dense = ((DenseVector) value).values;
                System.arraycopy(dense, 0, out, offset, dense.length);
                offset += dense.length;
            } else {
                SparseVector sparse = (SparseVector) value;
                for (int k = 0; k < sparse.indices.length; k++) {
                    out[offset + sparse.indices[k]] = sparse.values[k];
                }
                offset += sparse.n;
            }
        }
        return new DenseVector(out);
    }

    private SparseVector sparse(Object[] values, int size, int stored) {
        int[] indices = new int[stored];
        double[] out = new double[stored];
        int offset = 0;
        int entry = 0;
        for (int i = 0; i < inputCols.length; i++) {
            Object value = values[i];
            if (value == null) {
                for (int j = 0; j < inputSizes[i]; j++) {
                    indices[entry] = offset + j;
                    out[entry++] = Double.NaN;
                }
                offset += inputSizes[i];
            } else if (value instanceof Number) {
                indices[entry] = offset++;
                out[entry++] = ((Number) value).doubleValue();
            } else if (value instanceof DenseVector) {
                double[] dense = ((DenseVector) value).values;
                for (int j = 0; j < dense.length; j++) {
                    indices[entry] = offset + j;
                    out[entry++] = dense[j];
                }
                offset += dense.length;
            } else {
                SparseVector sparse = (SparseVector) value;
                for (int k = 0; k < sparse.indices.length; k++) {
                    indices[entry] = offset + sparse.indices[k];
                    out[entry++] = sparse.values[k];
                }
                offset += sparse.n;
            }
        }
        // The entries come in column order, each column's in ascending order: already sorted.
        return new SparseVector(size, indices, out);
    }
}
