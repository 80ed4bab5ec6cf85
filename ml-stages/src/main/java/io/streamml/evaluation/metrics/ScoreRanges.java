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
import java.util.Comparator;

/**
 * Splits the scores [0, 1] into consecutive ranges, so that ranking metrics can be computed range
 * by range in parallel: range r holds the scores in (b_{r−1}, b_r], with b_{−1} = −∞ and the last
 * range open above. The range of a score depends only on the score, so equal scores always share a
 * range. {@link #fromSamples} places the boundaries at the weighted quantiles of a sample, so that
 * the ranges get about equal shares of whatever the sample stands for; repeated boundaries (a score
 * that alone holds more than a share) leave ranges empty.
 */
public final class ScoreRanges {
    /** Ascending upper bounds of all ranges but the last; at most {@code numRanges − 1}. */
    private final double[] boundaries;

    private final int numRanges;

    private ScoreRanges(double[] boundaries, int numRanges) {
        this.boundaries = boundaries;
        this.numRanges = numRanges;
    }

    /**
     * Ranges whose boundaries split the weight of the sampled scores into {@code numRanges} about
     * equal parts.
     *
     * @param scores the sampled scores, in any order
     * @param weights how much each sampled score stands for, positive
     * @param numRanges the number of ranges, at least 1
     */
    public static ScoreRanges fromSamples(double[] scores, double[] weights, int numRanges) {
        if (numRanges < 1 || scores.length != weights.length) {
            throw new IllegalArgumentException(
                    numRanges
                            + " ranges of "
                            + scores.length
                            + " scores with "
                            + weights.length
                            + " weights");
        }
        // Sorted by score, then by position, so that equal inputs give equal boundaries.
        Integer[] order = new Integer[scores.length];
        double total = 0;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            total += weights[i];
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i] + 0.0));
        double[] boundaries = new double[order.length == 0 ? 0 : numRanges - 1];
        int next = 0;
        double below = 0;
        for (int i : order) {
            below += weights[i];
            // Range next + 1 starts above the score where the sampled weight reaches its share.
            while (next < boundaries.length && below >= (next + 1) * total / numRanges) {
                boundaries[next++] = scores[i] + 0.0;
            }
        }
        // Rounding can leave the last shares a hair short of the total: they end at the maximum.
        for (; next < boundaries.length; next++) {
            boundaries[next] = scores[order[order.length - 1]] + 0.0;
        }
        return new ScoreRanges(boundaries, numRanges);
    }

    public int numRanges() {
        return numRanges;
    }

    /** The range of {@code score}: the number of boundaries below it. */
    public int rangeOf(double score) {
        int low = 0;
        int high = boundaries.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (boundaries[middle] < score) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * For per-range totals (e.g. the weight of positives in each range), the total of the ranges
     * above each range: element r is the sum of {@code perRange[r + 1 ..]}.
     */
    public static double[] totalsAbove(double[] perRange) {
        double[] above = new double[perRange.length];
        double sum = 0;
        for (int r = perRange.length - 1; r >= 0; r--) {
            above[r] = sum;
            sum += perRange[r];
        }
        return above;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(numRanges);
        out.writeInt(boundaries.length);
        for (double boundary : boundaries) {
            out.writeDouble(boundary);
        }
    }

    public static ScoreRanges readFrom(DataInput in) throws IOException {
        int numRanges = in.readInt();
        int length = in.readInt();
        if (numRanges < 1 || length < 0 || length >= numRanges) {
            throw new IOException(length + " boundaries of " + numRanges + " score ranges");
        }
        double[] boundaries = new double[length];
        for (int i = 0; i < length; i++) {
            boundaries[i] = in.readDouble();
        }
        return new ScoreRanges(boundaries, numRanges);
    }

    @Override
    public String toString() {
        return "ScoreRanges" + Arrays.toString(boundaries);
    }
}
