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
package io.streamml.drift;

import io.streamml.stats.ScalarMoments;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * ADWIN (ADaptive WINdowing, the ADWIN2 variant of Bifet and Gavaldà, "Learning from Time-Changing
 * Data with Adaptive Windowing", SDM 2007): keeps a window of the most recent values that is as
 * long as possible while its mean is consistent, and detects a change of the mean in either
 * direction.
 *
 * <p>Every {@code clock} values the window W is tried at each split into an older part W0 and a
 * newer part W1 (both at least {@code minSubWindowLength} values long). The split is a cut when
 * |μ̂0 − μ̂1| &gt; ε with
 *
 * <pre>
 *   ε = sqrt(2 · (1/n0 + 1/n1) · σ̂² · ln(2/δ')) + 2/3 · (1/n0 + 1/n1) · ln(2/δ'),  δ' = δ / ln n,
 * </pre>
 *
 * where σ̂² is the variance of W and n its length (the variance-based bound of the paper, with δ' =
 * δ / ln n as in the authors' implementation). On a cut the oldest bucket is dropped and the test
 * repeated until no split is a cut; {@link #update(double)} then returns {@code true}. Dropping the
 * stale prefix is ADWIN's own reset: it keeps the values seen since the change, so {@link #mean()}
 * estimates the new level right away. As the evidence grows, the same change is often signalled
 * again at a few later checks while the rest of the stale prefix is dropped; callers that want one
 * alarm per change should debounce.
 *
 * <p>The window is stored as an exponential histogram: level i holds buckets of 2^i values each
 * (their count, sum and sum of squared deviations), at most {@code maxBucketsPerSize} per level,
 * the two oldest of a level merging when one more arrives. Memory and the time of a check are
 * therefore O(M log n), and the split points tested are the bucket boundaries. Defaults: δ = 0.002,
 * clock 32, M = 5, and minimum sub-window length 5.
 *
 * <p>A mini-batch can be fed whole ({@link #update(ScalarMoments)}): it enters as one level-0
 * bucket of its count, mean and spread, so level i then holds buckets of 2^i batches. The bound
 * above is computed from the same counts and variances as if its values had come one by one; only
 * the split points are coarser (batch boundaries), and the window is checked after every batch.
 */
public final class Adwin implements DriftDetector {
    private static final long serialVersionUID = 1L;

    public static final double DEFAULT_DELTA = 0.002;
    public static final int DEFAULT_CLOCK = 32;
    public static final int DEFAULT_MAX_BUCKETS_PER_SIZE = 5;
    public static final int DEFAULT_MIN_SUB_WINDOW_LENGTH = 5;

    private final double delta;
    private final int clock;
    private final int maxBucketsPerSize;
    private final int minSubWindowLength;

    /** {@code levels.get(i)} holds the buckets of 2^i values, oldest first. */
    private final List<BucketLevel> levels = new ArrayList<>();

    private long width;
    private double total;

    /** Sum of squared deviations from the mean over the window. */
    private double squaredDeviations;

    private long valuesSeen;
    private long driftsDetected;
    private boolean lastChangeIncreased;

    /** A detector with the defaults δ = 0.002, clock 32, M = 5 and minimum sub-window length 5. */
    public Adwin() {
        this(DEFAULT_DELTA);
    }

    /** A detector with confidence {@code delta} and the other defaults. */
    public Adwin(double delta) {
        this(delta, DEFAULT_CLOCK, DEFAULT_MAX_BUCKETS_PER_SIZE, DEFAULT_MIN_SUB_WINDOW_LENGTH);
    }

    /**
     * @param delta confidence in (0, 1): a bound on the false alarm probability per check; smaller
     *     means fewer false alarms and slower detection
     * @param clock the window is checked for a cut every {@code clock} values, ≥ 1
     * @param maxBucketsPerSize M, the number of buckets kept of each size, ≥ 2; larger is more
     *     precise (more split points) and costs more memory and time
     * @param minSubWindowLength the shortest W0 and W1 a cut may leave, ≥ 1
     */
    public Adwin(double delta, int clock, int maxBucketsPerSize, int minSubWindowLength) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        if (clock < 1) {
            throw new IllegalArgumentException("clock must be >= 1, got " + clock);
        }
        if (maxBucketsPerSize < 2) {
            throw new IllegalArgumentException(
                    "maxBucketsPerSize must be >= 2, got " + maxBucketsPerSize);
        }
        if (minSubWindowLength < 1) {
            throw new IllegalArgumentException(
                    "minSubWindowLength must be >= 1, got " + minSubWindowLength);
        }
        this.delta = delta;
        this.clock = clock;
        this.maxBucketsPerSize = maxBucketsPerSize;
        this.minSubWindowLength = minSubWindowLength;
    }

    @Override
    public boolean update(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value is " + value + ", must be finite");
        }
        valuesSeen++;
        insert(1, value, 0);
        if (valuesSeen % clock != 0) {
            return false;
        }
        return checkForCut();
    }

    /**
     * Feeds a whole mini-batch of values at once, as one bucket with their count, mean and spread,
     * then checks the window for a cut: the same test as feeding them one by one, with the split
     * points at batch boundaries (and no clock: a batch is many values).
     */
    @Override
    public boolean update(ScalarMoments batch) {
        if (batch.count() == 0) {
            return false;
        }
        if (!Double.isFinite(batch.mean()) || !Double.isFinite(batch.squaredDeviations())) {
            throw new IllegalArgumentException("the batch's mean or spread is not finite");
        }
        valuesSeen += batch.count();
        insert(batch.count(), batch.mean(), batch.squaredDeviations());
        return checkForCut();
    }

    private boolean checkForCut() {
        if (width < 2L * minSubWindowLength) {
            return false;
        }
        double meanBefore = mean();
        boolean drift = false;
        while (dropOldestBucketIfCut()) {
            drift = true;
        }
        if (drift) {
            driftsDetected++;
            // The dropped prefix was the old level: the mean moved towards the new one.
            lastChangeIncreased = mean() > meanBefore;
        }
        return drift;
    }

    /** Whether the mean went up at the last detected change. */
    @Override
    public boolean lastChangeIncreased() {
        return lastChangeIncreased;
    }

    /** The estimated mean, see {@link #mean()}. */
    @Override
    public double statistic() {
        return mean();
    }

    /** Mean of the values in the window, {@code NaN} while it is empty. */
    public double mean() {
        return width > 0 ? total / width : Double.NaN;
    }

    /** Population variance of the values in the window, {@code NaN} while it is empty. */
    public double variance() {
        return width > 0 ? Math.max(squaredDeviations, 0) / width : Double.NaN;
    }

    /** Number of values in the window: always the most recent ones. */
    public long width() {
        return width;
    }

    @Override
    public long valuesSeen() {
        return valuesSeen;
    }

    @Override
    public long driftsDetected() {
        return driftsDetected;
    }

    public double delta() {
        return delta;
    }

    /** Number of buckets in the histogram, O(M log n). */
    int bucketCount() {
        int count = 0;
        for (BucketLevel level : levels) {
            count += level.size;
        }
        return count;
    }

    /** Appends a bucket of {@code length} values with this mean and squared deviations. */
    private void insert(long length, double bucketMean, double bucketSquaredDeviations) {
        if (levels.isEmpty()) {
            levels.add(new BucketLevel(maxBucketsPerSize + 1));
        }
        levels.get(0).append(length, bucketMean * length, bucketSquaredDeviations);
        // Chan et al.'s merge of the window with the new bucket.
        double meanGap = width > 0 ? bucketMean - total / width : 0;
        squaredDeviations +=
                bucketSquaredDeviations
                        + meanGap * meanGap * ((double) width * length) / (width + length);
        width += length;
        total += bucketMean * length;
        mergeFullLevels();
    }

    /** Restores at most M buckets per level by merging the two oldest of an overfull level. */
    private void mergeFullLevels() {
        for (int i = 0; i < levels.size(); i++) {
            BucketLevel level = levels.get(i);
            if (level.size <= maxBucketsPerSize) {
                // A level only fills when the one below it overflowed, so the rest are fine.
                return;
            }
            long olderLength = level.lengths[0];
            long newerLength = level.lengths[1];
            double olderTotal = level.totals[0];
            double newerTotal = level.totals[1];
            double meanGap = olderTotal / olderLength - newerTotal / newerLength;
            // Chan et al.'s merge: the two parts' spreads plus that between their means.
            double mergedSquaredDeviations =
                    level.squaredDeviations[0]
                            + level.squaredDeviations[1]
                            + meanGap
                                    * meanGap
                                    * ((double) olderLength * newerLength)
                                    / (olderLength + newerLength);
            level.removeOldest(2);
            if (i + 1 == levels.size()) {
                levels.add(new BucketLevel(maxBucketsPerSize + 1));
            }
            levels.get(i + 1)
                    .append(
                            olderLength + newerLength,
                            olderTotal + newerTotal,
                            mergedSquaredDeviations);
        }
    }

    /**
     * Scans the splits at bucket boundaries from the oldest end; on the first cut drops the oldest
     * bucket and returns true.
     */
    private boolean dropOldestBucketIfCut() {
        long olderLength = 0;
        double olderTotal = 0;
        double logTerm = Math.log(2 * Math.log(width) / delta);
        double windowVariance = variance();
        for (int i = levels.size() - 1; i >= 0; i--) {
            BucketLevel level = levels.get(i);
            for (int k = 0; k < level.size; k++) {
                olderLength += level.lengths[k];
                olderTotal += level.totals[k];
                long newerLength = width - olderLength;
                if (newerLength < minSubWindowLength) {
                    return false;
                }
                if (olderLength < minSubWindowLength) {
                    continue;
                }
                double meanGap = olderTotal / olderLength - (total - olderTotal) / newerLength;
                double inverseLengths = 1.0 / olderLength + 1.0 / newerLength;
                double cutThreshold =
                        Math.sqrt(2 * inverseLengths * windowVariance * logTerm)
                                + 2.0 / 3.0 * inverseLengths * logTerm;
                if (Math.abs(meanGap) > cutThreshold) {
                    dropOldestBucket();
                    return true;
                }
            }
        }
        return false;
    }

    private void dropOldestBucket() {
        int oldestLevel = levels.size() - 1;
        BucketLevel level = levels.get(oldestLevel);
        long droppedLength = level.lengths[0];
        double droppedTotal = level.totals[0];
        double droppedSquaredDeviations = level.squaredDeviations[0];
        level.removeOldest(1);
        if (level.size == 0) {
            levels.remove(oldestLevel);
        }
        width -= droppedLength;
        total -= droppedTotal;
        if (width == 0) {
            squaredDeviations = 0;
            total = 0;
            return;
        }
        // Chan et al.'s merge run backwards: remove the dropped part's own spread and its share
        // of the spread between the two parts' means.
        double meanGap = droppedTotal / droppedLength - total / width;
        squaredDeviations -=
                droppedSquaredDeviations
                        + meanGap
                                * meanGap
                                * ((double) droppedLength * width)
                                / (droppedLength + width);
        squaredDeviations = Math.max(squaredDeviations, 0);
    }

    /** The buckets of one level, oldest first, in fixed arrays of capacity M + 1. */
    private static final class BucketLevel implements Serializable {
        private static final long serialVersionUID = 2L;

        private final long[] lengths;
        private final double[] totals;
        private final double[] squaredDeviations;
        private int size;

        BucketLevel(int capacity) {
            lengths = new long[capacity];
            totals = new double[capacity];
            squaredDeviations = new double[capacity];
        }

        void append(long length, double total, double bucketSquaredDeviations) {
            lengths[size] = length;
            totals[size] = total;
            squaredDeviations[size] = bucketSquaredDeviations;
            size++;
        }

        void removeOldest(int count) {
            System.arraycopy(lengths, count, lengths, 0, size - count);
            System.arraycopy(totals, count, totals, 0, size - count);
            System.arraycopy(squaredDeviations, count, squaredDeviations, 0, size - count);
            size -= count;
        }
    }
}
