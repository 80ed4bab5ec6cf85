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

/**
 * The exact metrics of binary classification samples computed range by range (see {@link
 * ScoreRanges}): each range of scores is swept on its own, knowing only the weight of positives and
 * negatives in the ranges above it, and the summaries of all ranges add up to the metrics of all
 * samples — the same sums {@link BinaryClassificationMetrics} computes in one sweep.
 *
 * <p>Sweeping the distinct scores s_g in decreasing order, with P_g and N_g the weights of the
 * positives and negatives at s_g and TP_g, FP_g those at or above s_g:
 *
 * <ul>
 *   <li>the area under the ROC curve is Σ_g N_g (TP_g − P_g / 2) / (P N) (each negative beats no
 *       positive above it and ties with those at its score);
 *   <li>the average precision is Σ_g P_g TP_g / (TP_g + FP_g) / P;
 * </ul>
 *
 * and TP_g = (positives in the ranges above) + (positives of the range at or above s_g), so a
 * range's terms need the two totals of the ranges above and nothing else. The log loss and the
 * confusion matrix at the threshold are plain sums over the scores.
 */
public final class ScoreRangeSummary {
    private long distinctScores;
    private double positiveWeight;
    private double negativeWeight;
    private double rocArea;
    private double precisionSum;
    private double weightedLogLossSum;
    private double truePositives;
    private double falsePositives;
    private double threshold;

    private ScoreRangeSummary() {}

    /**
     * Sweeps one range's scores.
     *
     * @param scores the range's scores in decreasing order; equal scores, adjacent, count as one
     * @param positives weight of the positives at each score
     * @param negatives weight of the negatives at each score
     * @param length how many entries of the arrays are used
     * @param positivesAbove weight of the positives in the ranges above this one
     * @param negativesAbove weight of the negatives in the ranges above this one
     * @param threshold a score ≥ threshold predicts class 1, for the confusion matrix
     */
    public static ScoreRangeSummary sweep(
            double[] scores,
            double[] positives,
            double[] negatives,
            int length,
            double positivesAbove,
            double negativesAbove,
            double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        ScoreRangeSummary summary = new ScoreRangeSummary();
        summary.threshold = threshold;
        double truePositivesAtOrAbove = positivesAbove;
        double falsePositivesAtOrAbove = negativesAbove;
        for (int start = 0; start < length; ) {
            double score = scores[start];
            if (start > 0 && !(score < scores[start - 1])) {
                throw new IllegalArgumentException(
                        "scores must be in decreasing order, got "
                                + scores[start - 1]
                                + " then "
                                + score);
            }
            double positive = 0;
            double negative = 0;
            int end = start;
            for (; end < length && scores[end] == score; end++) {
                positive += positives[end];
                negative += negatives[end];
            }
            summary.add(score, positive, negative, truePositivesAtOrAbove);
            truePositivesAtOrAbove += positive;
            falsePositivesAtOrAbove += negative;
            if (positive > 0) {
                summary.precisionSum +=
                        positive
                                * truePositivesAtOrAbove
                                / (truePositivesAtOrAbove + falsePositivesAtOrAbove);
            }
            start = end;
        }
        return summary;
    }

    /** Adds the terms of one distinct score but the precision, which needs the sums after it. */
    private void add(double score, double positive, double negative, double positivesAbove) {
        distinctScores++;
        positiveWeight += positive;
        negativeWeight += negative;
        rocArea += negative * (positivesAbove + 0.5 * positive);
        double p =
                Math.min(
                        Math.max(score, BinaryClassificationMetrics.LOG_LOSS_EPSILON),
                        1.0 - BinaryClassificationMetrics.LOG_LOSS_EPSILON);
        // log1p keeps the digits of log(1 − p) for small p.
        weightedLogLossSum -= positive * Math.log(p) + negative * Math.log1p(-p);
        if (score >= threshold) {
            truePositives += positive;
            falsePositives += negative;
        }
    }

    /**
     * Adds the summary of another range (of the same sweep: the totals above each range must be
     * those of the ranges actually summed); {@code other} is unchanged.
     */
    public ScoreRangeSummary merge(ScoreRangeSummary other) {
        if (Double.compare(threshold, other.threshold) != 0) {
            throw new IllegalArgumentException(
                    "summaries at thresholds " + threshold + " and " + other.threshold);
        }
        distinctScores += other.distinctScores;
        positiveWeight += other.positiveWeight;
        negativeWeight += other.negativeWeight;
        rocArea += other.rocArea;
        precisionSum += other.precisionSum;
        weightedLogLossSum += other.weightedLogLossSum;
        truePositives += other.truePositives;
        falsePositives += other.falsePositives;
        return this;
    }

    /** Whether no score was swept (samples of weight 0 count). */
    public boolean isEmpty() {
        return distinctScores == 0;
    }

    /**
     * As {@link BinaryClassificationMetrics#areaUnderROC()}: NaN unless both classes have weight.
     */
    public double areaUnderROC() {
        if (!(positiveWeight > 0 && negativeWeight > 0)) {
            return Double.NaN;
        }
        return rocArea / positiveWeight / negativeWeight;
    }

    /**
     * As {@link BinaryClassificationMetrics#areaUnderPR()}: NaN unless both classes have weight.
     */
    public double areaUnderPR() {
        if (!(positiveWeight > 0 && negativeWeight > 0)) {
            return Double.NaN;
        }
        return precisionSum / positiveWeight;
    }

    /** As {@link BinaryClassificationMetrics#logLoss()}: NaN if the total weight is 0. */
    public double logLoss() {
        double total = positiveWeight + negativeWeight;
        return total > 0 ? weightedLogLossSum / total : Double.NaN;
    }

    /** The weighted confusion matrix at the threshold the summaries were swept with. */
    public WeightedConfusionMatrix confusionMatrix() {
        return new WeightedConfusionMatrix(
                truePositives,
                falsePositives,
                negativeWeight - falsePositives,
                positiveWeight - truePositives);
    }

    public double positiveWeight() {
        return positiveWeight;
    }

    public double negativeWeight() {
        return negativeWeight;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(distinctScores);
        out.writeDouble(positiveWeight);
        out.writeDouble(negativeWeight);
        out.writeDouble(rocArea);
        out.writeDouble(precisionSum);
        out.writeDouble(weightedLogLossSum);
        out.writeDouble(truePositives);
        out.writeDouble(falsePositives);
        out.writeDouble(threshold);
    }

    public static ScoreRangeSummary readFrom(DataInput in) throws IOException {
        ScoreRangeSummary summary = new ScoreRangeSummary();
        summary.distinctScores = in.readLong();
        summary.positiveWeight = in.readDouble();
        summary.negativeWeight = in.readDouble();
        summary.rocArea = in.readDouble();
        summary.precisionSum = in.readDouble();
        summary.weightedLogLossSum = in.readDouble();
        summary.truePositives = in.readDouble();
        summary.falsePositives = in.readDouble();
        summary.threshold = in.readDouble();
        return summary;
    }
}
