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
package io.streamml.linear;

import io.streamml.linear.loss.Loss;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A subtask's training rows in compact primitive arrays — features, label and weight, about 8·(d +
 * 2) bytes per dense row plus a 4-byte row index — rather than Rows or vector objects, so a bounded
 * fit can pass over them once per round. Dense rows live in one flat array, sparse rows in
 * compressed-row form; row order is kept for mini-batches.
 */
public final class TrainingCache implements LabeledRowSink, Serializable {
    private static final long serialVersionUID = 1L;

    private int dim = -1;
    private int numRows;
    private double[] labels = new double[16];
    private double[] weights = new double[16];

    /** Per row: its index among dense rows (≥ 0) or −(index among sparse rows) − 1. */
    private int[] rowRefs = new int[16];

    private int numDense;
    private double[] dense = new double[0];

    private int numSparse;

    /** Sparse row k spans sparseIndices/sparseValues[sparseStarts[k], sparseStarts[k + 1]). */
    private int[] sparseStarts = new int[] {0};

    private int[] sparseIndices = new int[0];
    private double[] sparseValues = new double[0];

    /** Feature dimension, or -1 before the first row. */
    @Override
    public int dim() {
        return dim;
    }

    public int numRows() {
        return numRows;
    }

    @Override
    public void addDense(double[] features, double label, double weight) {
        checkDim(features.length);
        dense = ensure(dense, (numDense + 1) * dim);
        System.arraycopy(features, 0, dense, numDense * dim, dim);
        addRow(label, weight, numDense++);
    }

    @Override
    public void addSparse(int size, int[] indices, double[] values, double label, double weight) {
        checkDim(size);
        int start = sparseStarts[numSparse];
        sparseIndices = ensure(sparseIndices, start + indices.length);
        sparseValues = ensure(sparseValues, start + values.length);
        System.arraycopy(indices, 0, sparseIndices, start, indices.length);
        System.arraycopy(values, 0, sparseValues, start, values.length);
        sparseStarts = ensure(sparseStarts, numSparse + 2);
        sparseStarts[numSparse + 1] = start + indices.length;
        addRow(label, weight, -(numSparse++) - 1);
    }

    private void checkDim(int size) {
        if (dim < 0) {
            dim = size;
        } else if (size != dim) {
            throw new IllegalArgumentException(
                    "vector size " + size + " differs from the first row's " + dim);
        }
    }

    private void addRow(double label, double weight, int ref) {
        labels = ensure(labels, numRows + 1);
        weights = ensure(weights, numRows + 1);
        rowRefs = ensure(rowRefs, numRows + 1);
        labels[numRows] = label;
        weights[numRows] = weight;
        rowRefs[numRows] = ref;
        numRows++;
    }

    /** Drops spare capacity once all rows are in, so the cache holds just the raw data. */
    public void trim() {
        labels = Arrays.copyOf(labels, numRows);
        weights = Arrays.copyOf(weights, numRows);
        rowRefs = Arrays.copyOf(rowRefs, numRows);
        dense = Arrays.copyOf(dense, numDense * Math.max(dim, 0));
        sparseStarts = Arrays.copyOf(sparseStarts, numSparse + 1);
        int nnz = sparseStarts[numSparse];
        sparseIndices = Arrays.copyOf(sparseIndices, nnz);
        sparseValues = Arrays.copyOf(sparseValues, nnz);
    }

    /** Bytes held by the arrays (after {@link #trim()}: the cache's footprint). */
    public long sizeInBytes() {
        return 8L * (labels.length + weights.length + dense.length + sparseValues.length)
                + 4L * (rowRefs.length + sparseStarts.length + sparseIndices.length);
    }

    /**
     * Adds, over rows {@code [from, to)}, the weight, the weighted loss and the weighted loss
     * gradient at {@code parameters} (coefficients, then the intercept if {@code fitIntercept})
     * into {@code sums}: {@code [Σw, Σw·loss, ∂/∂β..., ∂/∂b]}.
     */
    public void accumulate(
            Loss loss, double[] parameters, boolean fitIntercept, int from, int to, double[] sums) {
        double intercept = fitIntercept ? parameters[dim] : 0;
        for (int row = from; row < to; row++) {
            double w = weights[row];
            double y = labels[row];
            int ref = rowRefs[row];
            double margin = intercept;
            if (ref >= 0) {
                int offset = ref * dim;
                for (int j = 0; j < dim; j++) {
                    margin += dense[offset + j] * parameters[j];
                }
            } else {
                int k = -ref - 1;
                for (int p = sparseStarts[k]; p < sparseStarts[k + 1]; p++) {
                    margin += sparseValues[p] * parameters[sparseIndices[p]];
                }
            }
            double g = w * loss.derivative(y, margin);
            sums[0] += w;
            sums[1] += w * loss.loss(y, margin);
            if (ref >= 0) {
                int offset = ref * dim;
                for (int j = 0; j < dim; j++) {
                    sums[2 + j] += g * dense[offset + j];
                }
            } else {
                int k = -ref - 1;
                for (int p = sparseStarts[k]; p < sparseStarts[k + 1]; p++) {
                    sums[2 + sparseIndices[p]] += g * sparseValues[p];
                }
            }
            if (fitIntercept) {
                sums[2 + dim] += g;
            }
        }
    }

    /** Σw over all rows. */
    public double totalWeight() {
        double sum = 0;
        for (int row = 0; row < numRows; row++) {
            sum += weights[row];
        }
        return sum;
    }

    /** Σw·label over all rows. */
    public double weightedLabelSum() {
        double sum = 0;
        for (int row = 0; row < numRows; row++) {
            sum += weights[row] * labels[row];
        }
        return sum;
    }

    private static double[] ensure(double[] array, int size) {
        return size <= array.length
                ? array
                : Arrays.copyOf(array, Math.max(size, array.length + (array.length >> 1) + 1));
    }

    private static int[] ensure(int[] array, int size) {
        return size <= array.length
                ? array
                : Arrays.copyOf(array, Math.max(size, array.length + (array.length >> 1) + 1));
    }
}
