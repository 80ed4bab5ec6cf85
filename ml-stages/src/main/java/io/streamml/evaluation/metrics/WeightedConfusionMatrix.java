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

/**
 * The weighted 2×2 confusion matrix of a binary classifier at one decision threshold, and the
 * accuracy, precision, recall and F1 score it implies.
 *
 * <p>Each cell is a sum of sample weights rather than a count. Every ratio whose denominator is 0
 * is defined as 0 (e.g. the precision when nothing is predicted positive), so that the metrics of
 * an empty window are well-defined numbers.
 */
public final class WeightedConfusionMatrix implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double truePositives;
    private final double falsePositives;
    private final double trueNegatives;
    private final double falseNegatives;

    public WeightedConfusionMatrix(
            double truePositives,
            double falsePositives,
            double trueNegatives,
            double falseNegatives) {
        this.truePositives = truePositives;
        this.falsePositives = falsePositives;
        this.trueNegatives = trueNegatives;
        this.falseNegatives = falseNegatives;
    }

    public double truePositives() {
        return truePositives;
    }

    public double falsePositives() {
        return falsePositives;
    }

    public double trueNegatives() {
        return trueNegatives;
    }

    public double falseNegatives() {
        return falseNegatives;
    }

    /** (TP + TN) / (TP + FP + TN + FN), or 0 if the total weight is 0. */
    public double accuracy() {
        return ratioOrZero(
                truePositives + trueNegatives,
                truePositives + falsePositives + trueNegatives + falseNegatives);
    }

    /** TP / (TP + FP), or 0 if nothing is predicted positive. */
    public double precision() {
        return ratioOrZero(truePositives, truePositives + falsePositives);
    }

    /** TP / (TP + FN), or 0 if there are no positives. */
    public double recall() {
        return ratioOrZero(truePositives, truePositives + falseNegatives);
    }

    /**
     * 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall, or 0 if the denominator
     * is 0. The count form stays defined when precision or recall alone is undefined.
     */
    public double f1() {
        return ratioOrZero(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    private static double ratioOrZero(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : 0.0;
    }

    @Override
    public String toString() {
        return "WeightedConfusionMatrix{TP="
                + truePositives
                + ", FP="
                + falsePositives
                + ", TN="
                + trueNegatives
                + ", FN="
                + falseNegatives
                + '}';
    }
}
