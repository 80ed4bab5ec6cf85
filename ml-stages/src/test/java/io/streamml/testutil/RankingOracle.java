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
package io.streamml.testutil;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The areas under the ROC and precision–recall curves of weighted binary samples by one sort and
 * one sweep over all of them, for tests of code that computes them in parts: the samples are sorted
 * by decreasing score and each group of equal scores is one step of the curves.
 */
public final class RankingOracle {
    private RankingOracle() {}

    /**
     * Σ over positive–negative pairs of w_i w_j ([s_i > s_j] + ½ [s_i = s_j]) / (P N): the
     * trapezoids under the ROC curve, a group of ties being one diagonal step.
     */
    public static double areaUnderRoc(double[] scores, double[] labels, double[] weights) {
        return sweep(scores, labels, weights)[0];
    }

    /** Σ_k (R_k − R_{k−1}) P_k over the distinct scores k taken as thresholds, decreasing. */
    public static double averagePrecision(double[] scores, double[] labels, double[] weights) {
        return sweep(scores, labels, weights)[1];
    }

    private static double[] sweep(double[] scores, double[] labels, double[] weights) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
        double positives = 0;
        double negatives = 0;
        double rocArea = 0;
        double precisionSum = 0;
        for (int start = 0; start < order.length; ) {
            double positivesHere = 0;
            double negativesHere = 0;
            int end = start;
            for (; end < order.length && scores[order[end]] == scores[order[start]]; end++) {
                double weight = weights == null ? 1 : weights[order[end]];
                if (labels[order[end]] == 1) {
                    positivesHere += weight;
                } else {
                    negativesHere += weight;
                }
            }
            // A negative here is beaten by every positive above, and ties with those here.
            rocArea += negativesHere * (positives + positivesHere / 2);
            positives += positivesHere;
            negatives += negativesHere;
            if (positivesHere > 0) {
                // Recall rises by positivesHere / P at precision positives / (all above).
                precisionSum += positivesHere * positives / (positives + negatives);
            }
            start = end;
        }
        return new double[] {
            rocArea / positives / negatives, precisionSum / positives,
        };
    }
}
