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
package io.streamml.linear.training;

import io.streamml.common.input.VectorSizes;
import io.streamml.common.serialization.Codec;
import io.streamml.common.serialization.CodecTypeInfo;
import io.streamml.linear.SliceEvaluation;
import io.streamml.linear.loss.Loss;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A subtask's training rows in compact primitive arrays — features, label and weight, about 8·(d +
 * 2) bytes per dense row plus a 4-byte row index — rather than Rows or vector objects, so a bounded
 * fit can pass over them once per round. Dense rows live in one flat array, sparse rows in
 * compressed-row form; row order is kept for mini-batches.
 *
 * <p>A cache takes rows of any size: rows whose size differs from its first row's go to a nested
 * cache per size, and the trainer picks the fit's size later ({@link #sizes()}, {@link
 * #rowsOfSize}), so a few rows of a wrong size are rejected even when they come first. {@link
 * #numRows()}, {@link #addTo}, {@link #totalWeight()} and the like see the first size's rows only.
 */
public final class TrainingCache implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The type of caches in messages and operator state: written as {@link #write} does. */
    public static final TypeInformation<TrainingCache> TYPE =
            new CodecTypeInfo<>(TrainingCache.class, new RowsCodec());

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

    /** Rows of other sizes than {@link #dim}, one cache per size; null while there are none. */
    private List<TrainingCache> otherSizes;

    public TrainingCache() {}

    /** An empty cache that takes only rows of {@code dim} features (any, if negative). */
    public TrainingCache(int dim) {
        this.dim = dim;
    }

    /**
     * An empty cache for rows of {@code dim} features with room for {@code rows} dense rows, so
     * filling it does not grow its arrays.
     */
    public TrainingCache(int dim, int rows) {
        this(dim);
        int capacity = Math.max(rows, 16);
        labels = new double[capacity];
        weights = new double[capacity];
        rowRefs = new int[capacity];
        if (dim > 0) {
            dense = new double[capacity * dim];
        }
    }

    /** Feature dimension, or -1 before the first row. */
    public int dim() {
        return dim;
    }

    public int numRows() {
        return numRows;
    }

    public void addDense(double[] features, double label, double weight) {
        groupOf(features.length).addDenseOfSize(features, label, weight);
    }

    private void addDenseOfSize(double[] features, double label, double weight) {
        dense = ensure(dense, (numDense + 1) * dim);
        System.arraycopy(features, 0, dense, numDense * dim, dim);
        addRow(label, weight, numDense++);
    }

    public void addSparse(int size, int[] indices, double[] values, double label, double weight) {
        groupOf(size).addSparseOfSize(indices, values, label, weight);
    }

    private void addSparseOfSize(int[] indices, double[] values, double label, double weight) {
        int start = sparseStarts[numSparse];
        sparseIndices = ensure(sparseIndices, start + indices.length);
        sparseValues = ensure(sparseValues, start + values.length);
        System.arraycopy(indices, 0, sparseIndices, start, indices.length);
        System.arraycopy(values, 0, sparseValues, start, values.length);
        sparseStarts = ensure(sparseStarts, numSparse + 2);
        sparseStarts[numSparse + 1] = start + indices.length;
        addRow(label, weight, -(numSparse++) - 1);
    }

    /**
     * The cache for rows of {@code size}: this one (which takes its first row's size) or one
     * nested.
     */
    private TrainingCache groupOf(int size) {
        if (dim < 0) {
            dim = size;
        }
        if (size == dim) {
            return this;
        }
        if (otherSizes == null) {
            otherSizes = new ArrayList<>();
        }
        for (TrainingCache other : otherSizes) {
            if (other.dim == size) {
                return other;
            }
        }
        TrainingCache other = new TrainingCache(size);
        otherSizes.add(other);
        return other;
    }

    /** How many rows of each size the cache holds. */
    public VectorSizes sizes() {
        VectorSizes sizes = new VectorSizes();
        for (TrainingCache group : groups()) {
            sizes.add(group.dim, group.numRows);
        }
        return sizes;
    }

    /** The cache's rows grouped by size, each group a cache of one size. */
    public List<TrainingCache> groups() {
        List<TrainingCache> groups = new ArrayList<>();
        if (numRows > 0) {
            groups.add(this);
        }
        if (otherSizes != null) {
            for (TrainingCache other : otherSizes) {
                if (other.numRows > 0) {
                    groups.add(other);
                }
            }
        }
        return groups;
    }

    /**
     * The rows of {@code size} alone, dropping the others: this cache (without its nested ones), a
     * nested one, or an empty cache of that size.
     */
    public TrainingCache rowsOfSize(int size) {
        if (dim == size || (dim < 0 && numRows == 0 && otherSizes == null)) {
            otherSizes = null;
            dim = size;
            return this;
        }
        if (otherSizes != null) {
            for (TrainingCache other : otherSizes) {
                if (other.dim == size) {
                    return other;
                }
            }
        }
        return new TrainingCache(size);
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
        if (otherSizes != null) {
            otherSizes.forEach(TrainingCache::trim);
        }
        labels = Arrays.copyOf(labels, numRows);
        weights = Arrays.copyOf(weights, numRows);
        rowRefs = Arrays.copyOf(rowRefs, numRows);
        dense = Arrays.copyOf(dense, numDense * Math.max(dim, 0));
        sparseStarts = Arrays.copyOf(sparseStarts, numSparse + 1);
        int nnz = sparseStarts[numSparse];
        sparseIndices = Arrays.copyOf(sparseIndices, nnz);
        sparseValues = Arrays.copyOf(sparseValues, nnz);
    }

    /** Bytes of the rows themselves, what the cache writes; O(1). */
    public long contentBytes() {
        long others = 0;
        if (otherSizes != null) {
            for (TrainingCache other : otherSizes) {
                others += other.contentBytes();
            }
        }
        int nnz = sparseStarts[numSparse];
        return others
                + 8L * (2L * numRows + (long) numDense * Math.max(dim, 0) + nnz)
                + 4L * (numRows + numSparse + nnz);
    }

    /** Bytes held by the arrays (after {@link #trim()}: the cache's footprint). */
    public long sizeInBytes() {
        long others = 0;
        if (otherSizes != null) {
            for (TrainingCache other : otherSizes) {
                others += other.sizeInBytes();
            }
        }
        return others
                + 8L * (labels.length + weights.length + dense.length + sparseValues.length)
                + 4L * (rowRefs.length + sparseStarts.length + sparseIndices.length);
    }

    /**
     * Adds every row, in order, to a mini-batch's sums at {@code parameters} and, when {@code
     * evaluation} is given, first records the row's prediction {@code loss.mean(margin)} there.
     */
    public void addTo(
            MiniBatchGradient gradient,
            double[] parameters,
            SliceEvaluation evaluation,
            Loss loss) {
        addTo(gradient, parameters, 0, numRows, evaluation, loss);
    }

    /**
     * Adds rows {@code [from, to)}, in order, to a mini-batch's sums at {@code parameters}: the one
     * linear gradient kernel of bounded rounds, online batches and test-then-train. With {@code
     * evaluation}, each row's prediction {@code loss.mean(margin)} is recorded there first.
     */
    public void addTo(
            MiniBatchGradient gradient,
            double[] parameters,
            int from,
            int to,
            SliceEvaluation evaluation,
            Loss loss) {
        for (int row = from; row < to; row++) {
            int ref = rowRefs[row];
            double margin =
                    ref >= 0
                            ? gradient.addDense(
                                    dense, ref * dim, labels[row], weights[row], parameters)
                            : gradient.addSparse(
                                    sparseIndices,
                                    sparseValues,
                                    sparseStarts[-ref - 1],
                                    sparseStarts[-ref],
                                    labels[row],
                                    weights[row],
                                    parameters);
            if (evaluation != null) {
                evaluation.add(loss.mean(margin), labels[row], weights[row]);
            }
        }
    }

    /** An independent copy of the rows (without spare capacity). */
    public TrainingCache copy() {
        TrainingCache copy = new TrainingCache(dim);
        copy.numRows = numRows;
        copy.numDense = numDense;
        copy.numSparse = numSparse;
        copy.labels = Arrays.copyOf(labels, numRows);
        copy.weights = Arrays.copyOf(weights, numRows);
        copy.rowRefs = Arrays.copyOf(rowRefs, numRows);
        copy.dense = Arrays.copyOf(dense, numDense * Math.max(dim, 0));
        copy.sparseStarts = Arrays.copyOf(sparseStarts, numSparse + 1);
        int nnz = sparseStarts[numSparse];
        copy.sparseIndices = Arrays.copyOf(sparseIndices, nnz);
        copy.sparseValues = Arrays.copyOf(sparseValues, nnz);
        if (otherSizes != null) {
            copy.otherSizes = new ArrayList<>();
            for (TrainingCache other : otherSizes) {
                copy.otherSizes.add(other.copy());
            }
        }
        return copy;
    }

    /**
     * Appends {@code other}'s rows after this cache's (those of each size after its own), in bulk.
     */
    public void append(TrainingCache other) {
        for (TrainingCache group : other.groups()) {
            groupOf(group.dim).appendOfSize(group);
        }
    }

    private void appendOfSize(TrainingCache other) {
        int denseLength = other.numDense * dim;
        dense = ensure(dense, numDense * dim + denseLength);
        System.arraycopy(other.dense, 0, dense, numDense * dim, denseLength);
        int start = sparseStarts[numSparse];
        int nnz = other.sparseStarts[other.numSparse];
        sparseIndices = ensure(sparseIndices, start + nnz);
        sparseValues = ensure(sparseValues, start + nnz);
        System.arraycopy(other.sparseIndices, 0, sparseIndices, start, nnz);
        System.arraycopy(other.sparseValues, 0, sparseValues, start, nnz);
        sparseStarts = ensure(sparseStarts, numSparse + other.numSparse + 1);
        for (int k = 1; k <= other.numSparse; k++) {
            sparseStarts[numSparse + k] = start + other.sparseStarts[k];
        }
        labels = ensure(labels, numRows + other.numRows);
        weights = ensure(weights, numRows + other.numRows);
        rowRefs = ensure(rowRefs, numRows + other.numRows);
        System.arraycopy(other.labels, 0, labels, numRows, other.numRows);
        System.arraycopy(other.weights, 0, weights, numRows, other.numRows);
        for (int row = 0; row < other.numRows; row++) {
            int ref = other.rowRefs[row];
            // Dense refs shift by this cache's dense rows; sparse ones, −k − 1, by its sparse rows.
            rowRefs[numRows + row] = ref >= 0 ? ref + numDense : ref - numSparse;
        }
        numRows += other.numRows;
        numDense += other.numDense;
        numSparse += other.numSparse;
    }

    /** Writes the rows (not the spare capacity). */
    void write(DataOutputView out) throws IOException {
        int denseLength = numDense * Math.max(dim, 0);
        int nnz = sparseStarts[numSparse];
        out.writeInt(dim);
        out.writeInt(numRows);
        out.writeInt(numDense);
        out.writeInt(numSparse);
        writeDoubles(out, labels, numRows);
        writeDoubles(out, weights, numRows);
        writeInts(out, rowRefs, numRows);
        writeDoubles(out, dense, denseLength);
        writeInts(out, sparseStarts, numSparse + 1);
        writeInts(out, sparseIndices, nnz);
        writeDoubles(out, sparseValues, nnz);
        out.writeInt(otherSizes == null ? 0 : otherSizes.size());
        if (otherSizes != null) {
            for (TrainingCache other : otherSizes) {
                other.write(out);
            }
        }
    }

    /** Reads what {@link #write} wrote. */
    static TrainingCache read(DataInputView in) throws IOException {
        TrainingCache cache = new TrainingCache(in.readInt());
        cache.numRows = in.readInt();
        cache.numDense = in.readInt();
        cache.numSparse = in.readInt();
        cache.labels = readDoubles(in);
        cache.weights = readDoubles(in);
        cache.rowRefs = readInts(in);
        cache.dense = readDoubles(in);
        cache.sparseStarts = readInts(in);
        cache.sparseIndices = readInts(in);
        cache.sparseValues = readDoubles(in);
        int others = in.readInt();
        if (others > 0) {
            cache.otherSizes = new ArrayList<>();
            for (int i = 0; i < others; i++) {
                cache.otherSizes.add(read(in));
            }
        }
        return cache;
    }

    /** Element by element: straight into the output's buffer, no intermediate array. */
    private static void writeDoubles(DataOutputView out, double[] values, int length)
            throws IOException {
        out.writeInt(length);
        for (int i = 0; i < length; i++) {
            out.writeDouble(values[i]);
        }
    }

    private static void writeInts(DataOutputView out, int[] values, int length) throws IOException {
        out.writeInt(length);
        for (int i = 0; i < length; i++) {
            out.writeInt(values[i]);
        }
    }

    private static double[] readDoubles(DataInputView in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    private static int[] readInts(DataInputView in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
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

    /** The rows in bulk, without spare capacity; copies are deep. */
    static final class RowsCodec implements Codec<TrainingCache> {
        private static final long serialVersionUID = 1L;

        @Override
        public void write(TrainingCache cache, DataOutputView out) throws IOException {
            cache.write(out);
        }

        @Override
        public TrainingCache read(DataInputView in) throws IOException {
            return TrainingCache.read(in);
        }

        @Override
        public TrainingCache copy(TrainingCache cache) {
            // Operator state snapshots copy open (still growing) caches this way.
            return cache.copy();
        }
    }
}
