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
package io.streamml.evaluation.metrics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Collects (score, label, weight) samples, e.g. of one window or of a prequential evaluation, so
 * that {@link BinaryClassificationMetrics} can be computed over them at any time.
 *
 * <p>The exact areas under the ROC and PR curves need every score, so the samples are kept as they
 * are (24 bytes each); partial accumulators from parallel subtasks combine with {@link
 * #merge(BinaryClassificationAccumulator)}. Samples are validated when added, so a bad record fails
 * where it enters rather than when the window fires.
 */
public final class BinaryClassificationAccumulator implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final int INITIAL_CAPACITY = 16;

    private double[] scores = new double[INITIAL_CAPACITY];
    private double[] labels = new double[INITIAL_CAPACITY];
    private double[] weights = new double[INITIAL_CAPACITY];
    private int size;

    public BinaryClassificationAccumulator() {}

    /** Adds a sample of weight 1. */
    public BinaryClassificationAccumulator add(double score, double label) {
        return add(score, label, 1.0);
    }

    /**
     * Adds a sample.
     *
     * @param score predicted probability of class 1, in [0, 1]
     * @param label true label, 0 or 1
     * @param weight finite, non-negative sample weight
     * @throws IllegalArgumentException if the score, label or weight is invalid
     */
    public BinaryClassificationAccumulator add(double score, double label, double weight) {
        BinaryClassificationMetrics.validateSample(size, score, label, weight);
        ensureCapacity(size + 1);
        scores[size] = score;
        labels[size] = label;
        weights[size] = weight;
        size++;
        return this;
    }

    /** Appends the samples of {@code other} to this accumulator; {@code other} is unchanged. */
    public BinaryClassificationAccumulator merge(BinaryClassificationAccumulator other) {
        int otherSize = other.size;
        ensureCapacity(size + otherSize);
        System.arraycopy(other.scores, 0, scores, size, otherSize);
        System.arraycopy(other.labels, 0, labels, size, otherSize);
        System.arraycopy(other.weights, 0, weights, size, otherSize);
        size += otherSize;
        return this;
    }

    /** Computes the metrics of the samples added so far, in O(n log n). */
    public BinaryClassificationMetrics metrics() {
        return BinaryClassificationMetrics.ofValidated(scores, labels, weights, size);
    }

    /** Number of samples added, including those of weight 0. */
    public int size() {
        return size;
    }

    /** Forgets every sample, e.g. to reuse the accumulator for the next window. */
    public void clear() {
        size = 0;
        scores = new double[INITIAL_CAPACITY];
        labels = new double[INITIAL_CAPACITY];
        weights = new double[INITIAL_CAPACITY];
    }

    private void ensureCapacity(int needed) {
        if (needed <= scores.length) {
            return;
        }
        if (needed < 0) {
            throw new IllegalStateException("too many samples for one accumulator");
        }
        // Grow by half (capped below the array limit) so that appends are amortized O(1).
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, scores.length * 3L / 2 + 1);
        capacity = Math.max(capacity, needed);
        scores = Arrays.copyOf(scores, capacity);
        labels = Arrays.copyOf(labels, capacity);
        weights = Arrays.copyOf(weights, capacity);
    }

    /** Writes the samples (not the spare capacity). */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeDouble(scores[i]);
            out.writeDouble(labels[i]);
            out.writeDouble(weights[i]);
        }
    }

    public static BinaryClassificationAccumulator readFrom(DataInput in) throws IOException {
        BinaryClassificationAccumulator accumulator = new BinaryClassificationAccumulator();
        int size = in.readInt();
        accumulator.ensureCapacity(size);
        for (int i = 0; i < size; i++) {
            accumulator.scores[i] = in.readDouble();
            accumulator.labels[i] = in.readDouble();
            accumulator.weights[i] = in.readDouble();
        }
        accumulator.size = size;
        return accumulator;
    }
}
