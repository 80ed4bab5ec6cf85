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
import java.util.Arrays;

/**
 * The weight of positives and of negatives per distinct score of a stream of (score, label, weight)
 * samples. Samples are appended and, whenever the buffer is full, folded into one entry per
 * distinct score; so the memory follows the number of distinct scores (at most twice it, plus the
 * samples since the last fold), not the number of samples. Every exact ranking metric (areas under
 * the ROC and PR curves, the confusion matrix at any threshold) and the log loss depend only on
 * these weights.
 *
 * <p>A fold adds the weights of equal scores in the order they were appended, so the result is
 * deterministic for a given order of samples.
 */
public final class ScoreHistogram {
    private static final int INITIAL_CAPACITY = 64;

    private double[] scores = new double[INITIAL_CAPACITY];
    private double[] positives = new double[INITIAL_CAPACITY];
    private double[] negatives = new double[INITIAL_CAPACITY];

    /** Entries in use: the first {@code folded} are distinct and ascending, the rest appended. */
    private int size;

    private int folded;

    /** Number of samples added, including those of weight 0. */
    private long samples;

    /**
     * Adds a sample.
     *
     * @param score predicted probability of class 1, in [0, 1]
     * @param label true label, 0 or 1
     * @param weight finite, non-negative sample weight
     * @throws IllegalArgumentException if the score, label or weight is invalid
     */
    public ScoreHistogram add(double score, double label, double weight) {
        BinaryClassificationMetrics.validateSample(
                (int) Math.min(samples, Integer.MAX_VALUE), score, label, weight);
        append(score, label == 1.0 ? weight : 0.0, label == 1.0 ? 0.0 : weight);
        samples++;
        return this;
    }

    /** Adds the samples of {@code other}; {@code other} is unchanged. */
    public ScoreHistogram merge(ScoreHistogram other) {
        other.fold();
        for (int i = 0; i < other.size; i++) {
            append(other.scores[i], other.positives[i], other.negatives[i]);
        }
        samples += other.samples;
        return this;
    }

    private void append(double score, double positive, double negative) {
        if (size == scores.length) {
            fold();
            // Still more than half full: the scores are mostly distinct, so grow instead of
            // folding again soon.
            if (size > scores.length / 2) {
                resize((int) Math.min(Integer.MAX_VALUE - 8L, 2L * scores.length));
            }
        }
        // +0.0 turns -0.0 into 0.0: both are the same threshold but sort as distinct values.
        scores[size] = score + 0.0;
        positives[size] = positive;
        negatives[size] = negative;
        size++;
    }

    /** Folds the samples appended since the last fold, so that entries are distinct ascending. */
    private void fold() {
        if (folded == size) {
            return;
        }
        double[] distinct = Arrays.copyOf(scores, size);
        Arrays.sort(distinct);
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (count == 0 || distinct[i] != distinct[count - 1]) {
                distinct[count++] = distinct[i];
            }
        }
        double[] positiveSums = new double[count];
        double[] negativeSums = new double[count];
        for (int i = 0; i < size; i++) {
            int entry = Arrays.binarySearch(distinct, 0, count, scores[i]);
            positiveSums[entry] += positives[i];
            negativeSums[entry] += negatives[i];
        }
        System.arraycopy(distinct, 0, scores, 0, count);
        System.arraycopy(positiveSums, 0, positives, 0, count);
        System.arraycopy(negativeSums, 0, negatives, 0, count);
        size = count;
        folded = count;
    }

    private void resize(int capacity) {
        if (capacity <= size) {
            throw new IllegalStateException("too many distinct scores for one histogram");
        }
        scores = Arrays.copyOf(scores, capacity);
        positives = Arrays.copyOf(positives, capacity);
        negatives = Arrays.copyOf(negatives, capacity);
    }

    /** Number of samples added, including those of weight 0. */
    public long samples() {
        return samples;
    }

    /** Number of distinct scores. */
    public int distinctScores() {
        fold();
        return size;
    }

    /** The {@code i}-th smallest distinct score. */
    public double score(int i) {
        fold();
        return scores[checkEntry(i)];
    }

    /** Weight of the positives with the {@code i}-th smallest distinct score. */
    public double positiveWeight(int i) {
        fold();
        return positives[checkEntry(i)];
    }

    /** Weight of the negatives with the {@code i}-th smallest distinct score. */
    public double negativeWeight(int i) {
        fold();
        return negatives[checkEntry(i)];
    }

    private int checkEntry(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("entry " + i + " of " + size);
        }
        return i;
    }

    /**
     * At most {@code count} of the distinct scores, evenly spaced by rank (all of them if there are
     * no more), ascending: a sample of where the scores lie that does not depend on the order in
     * which they were added. Each stands for {@link #distinctScores()} / length entries.
     */
    public double[] evenlySpacedScores(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        fold();
        if (size <= count) {
            return Arrays.copyOf(scores, size);
        }
        double[] sample = new double[count];
        for (int j = 0; j < count; j++) {
            // The middle rank of the j-th of count equal slices.
            sample[j] = scores[(int) ((j + 0.5) * size / count)];
        }
        return sample;
    }

    /** Entries the buffers can hold, for tests of the memory use. */
    int capacity() {
        return scores.length;
    }

    /** Forgets every sample and returns the memory. */
    public void clear() {
        scores = new double[INITIAL_CAPACITY];
        positives = new double[INITIAL_CAPACITY];
        negatives = new double[INITIAL_CAPACITY];
        size = 0;
        folded = 0;
        samples = 0;
    }

    /** Writes the folded entries. */
    public void writeTo(DataOutput out) throws IOException {
        fold();
        out.writeLong(samples);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeDouble(scores[i]);
            out.writeDouble(positives[i]);
            out.writeDouble(negatives[i]);
        }
    }

    public static ScoreHistogram readFrom(DataInput in) throws IOException {
        ScoreHistogram histogram = new ScoreHistogram();
        long samples = in.readLong();
        int size = in.readInt();
        if (size < 0 || samples < size) {
            throw new IOException(
                    "a score histogram with " + size + " entries of " + samples + " samples");
        }
        histogram.resize(Math.max(INITIAL_CAPACITY, 2 * size));
        for (int i = 0; i < size; i++) {
            histogram.scores[i] = in.readDouble();
            histogram.positives[i] = in.readDouble();
            histogram.negatives[i] = in.readDouble();
        }
        histogram.size = size;
        histogram.folded = size;
        histogram.samples = samples;
        return histogram;
    }
}
