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

/**
 * A mergeable summary of binary classification samples whose size does not grow with their number,
 * for metrics that many tasks accumulate in parallel and one task merges (the prequential windows
 * of online training): exact weighted log loss and accuracy at threshold 0.5, and the area under
 * the ROC curve from a histogram of the scores' log-odds.
 *
 * <p>Each score p is binned by its log-odds log(p / (1 − p)) into {@value #BINS} equal bins over
 * [−{@value #LOG_ODDS_RANGE}, {@value #LOG_ODDS_RANGE}] (width 1/128; the end bins also take what
 * lies beyond, i.e. p below about 1.1e-7 or above 1 − 1.1e-7). The binning is monotone, so a
 * positive and a negative in different bins are ordered exactly; in the same bin they count as a
 * tie (½). The area therefore differs from the exact {@link
 * BinaryClassificationMetrics#areaUnderROC()} by at most {@link #areaUnderROCErrorBound()} = Σ_b
 * P_b · N_b / (2 P N), the share of positive–negative pairs that share a bin, and equals it when no
 * bin holds both classes at different scores.
 *
 * <p>Merging adds the sums and the histograms, so the result does not depend on how the samples
 * were split; a merge of summaries in a fixed order is deterministic to the last bit.
 */
public final class BinaryClassificationSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    static final int BINS = 4096;
    static final double LOG_ODDS_RANGE = 16;
    private static final double BINS_PER_UNIT = BINS / (2 * LOG_ODDS_RANGE);

    private long count;
    private double positiveWeight;
    private double negativeWeight;
    private double weightedLogLossSum;
    private double correctWeight;

    /** Weight of positives and of negatives per log-odds bin; null until the first sample. */
    private double[] positivesInBin;

    private double[] negativesInBin;

    /**
     * Adds a sample.
     *
     * @param score predicted probability of class 1, in [0, 1]
     * @param label true label, 0 or 1
     * @param weight finite, non-negative sample weight
     * @throws IllegalArgumentException if the score, label or weight is invalid
     */
    public BinaryClassificationSummary add(double score, double label, double weight) {
        BinaryClassificationMetrics.validateSample(
                (int) Math.min(count, Integer.MAX_VALUE), score, label, weight);
        allocateBins();
        int bin = bin(score);
        double p =
                Math.min(
                        Math.max(score, BinaryClassificationMetrics.LOG_LOSS_EPSILON),
                        1.0 - BinaryClassificationMetrics.LOG_LOSS_EPSILON);
        if (label == 1.0) {
            positiveWeight += weight;
            positivesInBin[bin] += weight;
            weightedLogLossSum -= weight * Math.log(p);
            correctWeight += score >= 0.5 ? weight : 0;
        } else {
            negativeWeight += weight;
            negativesInBin[bin] += weight;
            weightedLogLossSum -= weight * Math.log1p(-p);
            correctWeight += score < 0.5 ? weight : 0;
        }
        count++;
        return this;
    }

    /** Adds {@code other}'s samples to this summary; {@code other} is unchanged. */
    public BinaryClassificationSummary merge(BinaryClassificationSummary other) {
        count += other.count;
        positiveWeight += other.positiveWeight;
        negativeWeight += other.negativeWeight;
        weightedLogLossSum += other.weightedLogLossSum;
        correctWeight += other.correctWeight;
        if (other.positivesInBin != null) {
            allocateBins();
            for (int b = 0; b < BINS; b++) {
                positivesInBin[b] += other.positivesInBin[b];
                negativesInBin[b] += other.negativesInBin[b];
            }
        }
        return this;
    }

    /** The log-odds bin of a probability; monotone non-decreasing in it. */
    static int bin(double score) {
        // log(p / (1 − p)) is ±∞ at 0 and 1, which the clamp sends to the end bins.
        double logOdds = Math.log(score / (1.0 - score));
        double position = Math.floor((logOdds + LOG_ODDS_RANGE) * BINS_PER_UNIT);
        return (int) Math.max(0, Math.min(BINS - 1, position));
    }

    private void allocateBins() {
        if (positivesInBin == null) {
            positivesInBin = new double[BINS];
            negativesInBin = new double[BINS];
        }
    }

    /** Weighted mean log loss (p clipped as {@link BinaryClassificationMetrics#logLoss()}). */
    public double logLoss() {
        double total = totalWeight();
        return total > 0 ? weightedLogLossSum / total : Double.NaN;
    }

    /** Weighted sum of the log losses, for losses accumulated over many summaries. */
    public double weightedLogLossSum() {
        return weightedLogLossSum;
    }

    /** Weighted accuracy when a score ≥ 0.5 predicts class 1; NaN without weight. */
    public double accuracy() {
        double total = totalWeight();
        return total > 0 ? correctWeight / total : Double.NaN;
    }

    /**
     * The area under the ROC curve over the log-odds bins (see the class comment), or NaN if the
     * positives or the negatives have no weight.
     */
    public double areaUnderROC() {
        if (!(positiveWeight > 0 && negativeWeight > 0)) {
            return Double.NaN;
        }
        double area = 0;
        double negativesBelow = 0;
        for (int b = 0; b < BINS; b++) {
            area += positivesInBin[b] * (negativesBelow + 0.5 * negativesInBin[b]);
            negativesBelow += negativesInBin[b];
        }
        return area / positiveWeight / negativeWeight;
    }

    /** The most {@link #areaUnderROC()} can differ from the exact area: Σ_b P_b N_b / (2 P N). */
    public double areaUnderROCErrorBound() {
        if (!(positiveWeight > 0 && negativeWeight > 0)) {
            return Double.NaN;
        }
        double shared = 0;
        for (int b = 0; b < BINS; b++) {
            shared += positivesInBin[b] * negativesInBin[b];
        }
        return shared / 2 / positiveWeight / negativeWeight;
    }

    public double positiveWeight() {
        return positiveWeight;
    }

    public double negativeWeight() {
        return negativeWeight;
    }

    public double totalWeight() {
        return positiveWeight + negativeWeight;
    }

    /** Number of samples added, including those of weight 0. */
    public long count() {
        return count;
    }

    /** Writes the sums and the non-empty bins only, so a small summary stays small. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeDouble(positiveWeight);
        out.writeDouble(negativeWeight);
        out.writeDouble(weightedLogLossSum);
        out.writeDouble(correctWeight);
        int used = 0;
        for (int b = 0; positivesInBin != null && b < BINS; b++) {
            used += positivesInBin[b] != 0 || negativesInBin[b] != 0 ? 1 : 0;
        }
        out.writeInt(used);
        for (int b = 0; used > 0 && b < BINS; b++) {
            if (positivesInBin[b] != 0 || negativesInBin[b] != 0) {
                out.writeShort(b);
                out.writeDouble(positivesInBin[b]);
                out.writeDouble(negativesInBin[b]);
            }
        }
    }

    public static BinaryClassificationSummary readFrom(DataInput in) throws IOException {
        BinaryClassificationSummary summary = new BinaryClassificationSummary();
        summary.count = in.readLong();
        summary.positiveWeight = in.readDouble();
        summary.negativeWeight = in.readDouble();
        summary.weightedLogLossSum = in.readDouble();
        summary.correctWeight = in.readDouble();
        int used = in.readInt();
        if (used < 0 || used > BINS) {
            throw new IOException("a binary classification summary with " + used + " bins");
        }
        if (used > 0) {
            summary.allocateBins();
        }
        for (int i = 0; i < used; i++) {
            int bin = in.readUnsignedShort();
            if (bin >= BINS) {
                throw new IOException("bin " + bin + " is out of range");
            }
            summary.positivesInBin[bin] = in.readDouble();
            summary.negativesInBin[bin] = in.readDouble();
        }
        return summary;
    }
}
