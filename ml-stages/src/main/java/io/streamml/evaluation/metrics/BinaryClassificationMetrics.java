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

import java.io.Serializable;
import java.util.Arrays;

/**
 * Weighted evaluation metrics of a binary classifier from its scores (the predicted probability of
 * class 1), the true labels (0 or 1) and optional sample weights.
 *
 * <p>Computes:
 *
 * <ul>
 *   <li>{@link #areaUnderROC()}: the exact area under the ROC curve, equal to the weighted
 *       Mann–Whitney statistic: the weighted fraction of (positive, negative) pairs in which the
 *       positive scores higher, a tied pair counting 1/2.
 *   <li>{@link #areaUnderPR()}: the area under the precision–recall curve as <em>average
 *       precision</em> with step-wise interpolation, {@code Σ_k (R_k − R_{k−1}) · P_k}, summed over
 *       the distinct scores taken as thresholds in decreasing order (as scikit-learn's {@code
 *       average_precision_score}). Equal scores form a single threshold, so the result does not
 *       depend on the order of tied samples. This is not Spark's {@code areaUnderPR}, which
 *       interpolates linearly (trapezoids) and is known to be optimistic.
 *   <li>{@link #logLoss()}: the weighted mean binary cross-entropy, with probabilities clipped to
 *       [1e-15, 1 − 1e-15] so that a confident wrong answer costs a large but finite amount.
 *   <li>At a decision threshold t (score ≥ t predicts 1): {@link #accuracy(double)}, {@link
 *       #precision(double)}, {@link #recall(double)} and {@link #f1(double)} from weighted counts,
 *       see {@link WeightedConfusionMatrix}.
 * </ul>
 *
 * <p>Construction sorts the distinct scores once (O(n log n)) and keeps per distinct score the
 * weight of positives and negatives; every metric is then a pass over the distinct scores, and a
 * threshold metric a binary search. When only one class carries weight both areas are undefined and
 * returned as {@code NaN}; {@link #logLoss()} is {@code NaN} when the total weight is 0.
 */
public final class BinaryClassificationMetrics implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Probabilities are clipped to [EPSILON, 1 − EPSILON] in the log loss (as scikit-learn). */
    static final double LOG_LOSS_EPSILON = 1e-15;

    /** The distinct scores in decreasing order. */
    private final double[] distinctScores;

    /** Weight of the positives and negatives whose score is {@code distinctScores[g]}. */
    private final double[] positiveWeightAtScore;

    private final double[] negativeWeightAtScore;

    /** Weight of the positives (negatives) with a score ≥ {@code distinctScores[g]}. */
    private final double[] positiveWeightAtOrAbove;

    private final double[] negativeWeightAtOrAbove;

    private final double positiveWeight;
    private final double negativeWeight;
    private final double weightedLogLossSum;
    private final long count;

    private BinaryClassificationMetrics(double[] scores, double[] labels, double[] weights, int n) {
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            // +0.0 turns -0.0 into 0.0: both are the same threshold but sort as distinct values.
            sorted[i] = scores[i] + 0.0;
        }
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        double[] ascending = Arrays.copyOf(sorted, distinct);

        double[] positivesAscending = new double[distinct];
        double[] negativesAscending = new double[distinct];
        double logLossSum = 0;
        for (int i = 0; i < n; i++) {
            double weight = weights == null ? 1.0 : weights[i];
            int group = Arrays.binarySearch(ascending, scores[i] + 0.0);
            double p = Math.min(Math.max(scores[i], LOG_LOSS_EPSILON), 1.0 - LOG_LOSS_EPSILON);
            if (labels[i] == 1.0) {
                positivesAscending[group] += weight;
                logLossSum -= weight * Math.log(p);
            } else {
                negativesAscending[group] += weight;
                // log1p keeps the digits of log(1 − p) for small p.
                logLossSum -= weight * Math.log1p(-p);
            }
        }

        distinctScores = new double[distinct];
        positiveWeightAtScore = new double[distinct];
        negativeWeightAtScore = new double[distinct];
        positiveWeightAtOrAbove = new double[distinct];
        negativeWeightAtOrAbove = new double[distinct];
        double positivesSoFar = 0;
        double negativesSoFar = 0;
        for (int g = 0; g < distinct; g++) {
            int from = distinct - 1 - g;
            distinctScores[g] = ascending[from];
            positiveWeightAtScore[g] = positivesAscending[from];
            negativeWeightAtScore[g] = negativesAscending[from];
            positivesSoFar += positivesAscending[from];
            negativesSoFar += negativesAscending[from];
            positiveWeightAtOrAbove[g] = positivesSoFar;
            negativeWeightAtOrAbove[g] = negativesSoFar;
        }
        positiveWeight = positivesSoFar;
        negativeWeight = negativesSoFar;
        weightedLogLossSum = logLossSum;
        count = n;
    }

    /**
     * Metrics of unweighted samples.
     *
     * @param scores predicted probabilities of class 1, each in [0, 1]
     * @param labels true labels, each 0 or 1
     * @throws IllegalArgumentException if the arrays differ in length, a score is NaN or outside
     *     [0, 1], or a label is not 0 or 1
     */
    public static BinaryClassificationMetrics of(double[] scores, double[] labels) {
        return of(scores, labels, null);
    }

    /**
     * Metrics of weighted samples.
     *
     * @param scores predicted probabilities of class 1, each in [0, 1]
     * @param labels true labels, each 0 or 1
     * @param weights non-negative finite sample weights, or {@code null} for weight 1 each
     * @throws IllegalArgumentException if the arrays differ in length, a score is NaN or outside
     *     [0, 1], a label is not 0 or 1, or a weight is negative, NaN or infinite
     */
    public static BinaryClassificationMetrics of(
            double[] scores, double[] labels, double[] weights) {
        if (scores == null || labels == null) {
            throw new IllegalArgumentException("scores and labels must not be null");
        }
        int n = scores.length;
        if (labels.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException(
                    "scores, labels and weights must have the same length, got "
                            + n
                            + ", "
                            + labels.length
                            + (weights == null ? "" : ", " + weights.length));
        }
        for (int i = 0; i < n; i++) {
            validateSample(i, scores[i], labels[i], weights == null ? 1.0 : weights[i]);
        }
        return new BinaryClassificationMetrics(scores, labels, weights, n);
    }

    /** Creates metrics from the first {@code n} entries of already validated arrays. */
    static BinaryClassificationMetrics ofValidated(
            double[] scores, double[] labels, double[] weights, int n) {
        return new BinaryClassificationMetrics(scores, labels, weights, n);
    }

    /**
     * Throws an {@link IllegalArgumentException} naming the problem if a sample is invalid.
     *
     * @param index the sample's position, for the message
     */
    static void validateSample(int index, double score, double label, double weight) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score at index " + index + " is NaN");
        }
        if (score < 0.0 || score > 1.0) {
            throw new IllegalArgumentException(
                    "score at index "
                            + index
                            + " is "
                            + score
                            + ", but scores must be probabilities in [0, 1]");
        }
        if (label != 0.0 && label != 1.0) {
            throw new IllegalArgumentException(
                    "label at index " + index + " is " + label + ", but labels must be 0 or 1");
        }
        if (!(weight >= 0.0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(
                    "weight at index "
                            + index
                            + " is "
                            + weight
                            + ", but weights must be finite and non-negative");
        }
    }

    /**
     * Exact weighted area under the ROC curve: Σ w_i w_j ([s_i > s_j] + ½ [s_i = s_j]) / (P · N)
     * over positives i and negatives j, where P and N are the total positive and negative weights.
     * Equals the trapezoidal area under the ROC curve whose tied scores form diagonal segments.
     *
     * @return the area in [0, 1], or {@code NaN} if the positives or the negatives have no weight
     */
    public double areaUnderROC() {
        if (!(positiveWeight > 0 && negativeWeight > 0)) {
            return Double.NaN;
        }
        double area = 0;
        double positivesAbove = 0;
        for (int g = 0; g < distinctScores.length; g++) {
            // Each negative here beats no positive above it and ties with the positives here.
            area += negativeWeightAtScore[g] * (positivesAbove + 0.5 * positiveWeightAtScore[g]);
            positivesAbove += positiveWeightAtScore[g];
        }
        return area / positiveWeight / negativeWeight;
    }

    /**
     * Area under the precision–recall curve as step-wise average precision: Σ_k (R_k − R_{k−1}) ·
     * P_k, where k runs over the distinct scores in decreasing order, the threshold at k predicts 1
     * for every score ≥ that score, R_k and P_k are the weighted recall and precision there, and
     * R_0 = 0. Tied scores are a single threshold.
     *
     * @return the area in [0, 1], or {@code NaN} if the positives or the negatives have no weight
     */
    public double areaUnderPR() {
        if (!(positiveWeight > 0 && negativeWeight > 0)) {
            return Double.NaN;
        }
        double sum = 0;
        for (int g = 0; g < distinctScores.length; g++) {
            if (positiveWeightAtScore[g] > 0) {
                double truePositives = positiveWeightAtOrAbove[g];
                double precision = truePositives / (truePositives + negativeWeightAtOrAbove[g]);
                sum += positiveWeightAtScore[g] * precision;
            }
        }
        return sum / positiveWeight;
    }

    /**
     * Weighted mean of −[y log p + (1 − y) log(1 − p)] with p clipped to [1e-15, 1 − 1e-15].
     *
     * @return the log loss, or {@code NaN} if the total weight is 0
     */
    public double logLoss() {
        double totalWeight = totalWeight();
        return totalWeight > 0 ? weightedLogLossSum / totalWeight : Double.NaN;
    }

    /**
     * Weighted confusion matrix when a score ≥ {@code threshold} predicts class 1.
     *
     * @throws IllegalArgumentException if the threshold is NaN
     */
    public WeightedConfusionMatrix confusionMatrix(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        int predictedPositiveGroups = countScoresAtOrAbove(threshold);
        double truePositives =
                predictedPositiveGroups == 0
                        ? 0
                        : positiveWeightAtOrAbove[predictedPositiveGroups - 1];
        double falsePositives =
                predictedPositiveGroups == 0
                        ? 0
                        : negativeWeightAtOrAbove[predictedPositiveGroups - 1];
        // Subtracting from the totals keeps the four cells summing to the total weight.
        return new WeightedConfusionMatrix(
                truePositives,
                falsePositives,
                negativeWeight - falsePositives,
                positiveWeight - truePositives);
    }

    /** Weighted accuracy at {@code threshold}; see {@link WeightedConfusionMatrix#accuracy()}. */
    public double accuracy(double threshold) {
        return confusionMatrix(threshold).accuracy();
    }

    /** Weighted precision at {@code threshold}; see {@link WeightedConfusionMatrix#precision()}. */
    public double precision(double threshold) {
        return confusionMatrix(threshold).precision();
    }

    /** Weighted recall at {@code threshold}; see {@link WeightedConfusionMatrix#recall()}. */
    public double recall(double threshold) {
        return confusionMatrix(threshold).recall();
    }

    /** Weighted F1 score at {@code threshold}; see {@link WeightedConfusionMatrix#f1()}. */
    public double f1(double threshold) {
        return confusionMatrix(threshold).f1();
    }

    /** Total weight of the samples labelled 1. */
    public double positiveWeight() {
        return positiveWeight;
    }

    /** Total weight of the samples labelled 0. */
    public double negativeWeight() {
        return negativeWeight;
    }

    /** Total weight of all samples. */
    public double totalWeight() {
        return positiveWeight + negativeWeight;
    }

    /** Number of samples, including those of weight 0. */
    public long count() {
        return count;
    }

    /** Number of distinct scores in decreasing order that are ≥ threshold. */
    private int countScoresAtOrAbove(double threshold) {
        int low = 0;
        int high = distinctScores.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (distinctScores[middle] >= threshold) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
