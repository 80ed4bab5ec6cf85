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
 * Weighted regression metrics accumulated in one pass: root mean squared error, mean absolute
 * error, the coefficient of determination R² and the explained variance.
 *
 * <p>With residuals r = y − ŷ, weights w and W = Σ w:
 *
 * <ul>
 *   <li>RMSE = sqrt(Σ w r² / W), MAE = Σ w |r| / W;
 *   <li>R² = 1 − SS_res / SS_tot with SS_res = Σ w r² and SS_tot = Σ w (y − ȳ)², ȳ the weighted
 *       mean label;
 *   <li>explained variance = 1 − Var_w(r) / Var_w(y), which unlike R² ignores a constant bias.
 * </ul>
 *
 * <p>Sums of squares cancel catastrophically when the labels are large and their spread small, so
 * the label and the residual each keep a weighted mean and sum of squared deviations, updated with
 * West's weighted form of Welford's algorithm and merged with Chan et al.'s formula. Partial
 * results from parallel subtasks therefore combine with {@link #merge(RegressionMetrics)} into what
 * one pass over all rows gives, up to rounding. Rows of weight 0 are ignored.
 *
 * <p>Every metric is {@code NaN} while the total weight is 0; R² and the explained variance are
 * also {@code NaN} when all labels are equal (SS_tot = 0), where they are undefined.
 */
public final class RegressionMetrics implements Serializable {
    private static final long serialVersionUID = 1L;

    private double totalWeight;
    private double labelMean;
    private double labelSquaredDeviations;
    private double residualMean;
    private double residualSquaredDeviations;
    private double weightedAbsoluteResidualSum;

    /** Creates empty metrics, to be filled with {@link #accumulate(double, double, double)}. */
    public RegressionMetrics() {}

    /**
     * Metrics of the given rows.
     *
     * @param predictions predicted values ŷ
     * @param labels true values y
     * @param weights non-negative finite weights, or {@code null} for weight 1 each
     * @throws IllegalArgumentException if the arrays differ in length or a value is invalid
     */
    public static RegressionMetrics of(double[] predictions, double[] labels, double[] weights) {
        if (predictions == null || labels == null) {
            throw new IllegalArgumentException("predictions and labels must not be null");
        }
        int n = predictions.length;
        if (labels.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException(
                    "predictions, labels and weights must have the same length, got "
                            + n
                            + ", "
                            + labels.length
                            + (weights == null ? "" : ", " + weights.length));
        }
        RegressionMetrics metrics = new RegressionMetrics();
        for (int i = 0; i < n; i++) {
            metrics.accumulate(predictions[i], labels[i], weights == null ? 1.0 : weights[i]);
        }
        return metrics;
    }

    /** Adds one row of weight 1. */
    public RegressionMetrics accumulate(double prediction, double label) {
        return accumulate(prediction, label, 1.0);
    }

    /**
     * Adds one weighted row.
     *
     * @throws IllegalArgumentException if the prediction or label is not finite, or the weight is
     *     negative, NaN or infinite
     */
    public RegressionMetrics accumulate(double prediction, double label, double weight) {
        if (!Double.isFinite(prediction)) {
            throw new IllegalArgumentException("prediction is " + prediction + ", must be finite");
        }
        if (!Double.isFinite(label)) {
            throw new IllegalArgumentException("label is " + label + ", must be finite");
        }
        if (!(weight >= 0.0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(
                    "weight is " + weight + ", but weights must be finite and non-negative");
        }
        if (weight == 0.0) {
            return this;
        }
        double residual = label - prediction;
        double newWeight = totalWeight + weight;
        double fraction = weight / newWeight;

        double labelDelta = label - labelMean;
        labelMean += labelDelta * fraction;
        labelSquaredDeviations += weight * labelDelta * (label - labelMean);

        double residualDelta = residual - residualMean;
        residualMean += residualDelta * fraction;
        residualSquaredDeviations += weight * residualDelta * (residual - residualMean);

        weightedAbsoluteResidualSum += weight * Math.abs(residual);
        totalWeight = newWeight;
        return this;
    }

    /**
     * Adds the rows summarized by {@code other} (e.g. another subtask's partial result) to this;
     * {@code other} is unchanged.
     */
    public RegressionMetrics merge(RegressionMetrics other) {
        if (other.totalWeight == 0) {
            return this;
        }
        double newWeight = totalWeight + other.totalWeight;
        double fraction = other.totalWeight / newWeight;
        double crossWeight = totalWeight * fraction;

        double labelDelta = other.labelMean - labelMean;
        labelMean += labelDelta * fraction;
        labelSquaredDeviations +=
                other.labelSquaredDeviations + labelDelta * labelDelta * crossWeight;

        double residualDelta = other.residualMean - residualMean;
        residualMean += residualDelta * fraction;
        residualSquaredDeviations +=
                other.residualSquaredDeviations + residualDelta * residualDelta * crossWeight;

        weightedAbsoluteResidualSum += other.weightedAbsoluteResidualSum;
        totalWeight = newWeight;
        return this;
    }

    /** sqrt(Σ w (y − ŷ)² / W). */
    public double rootMeanSquaredError() {
        return Math.sqrt(meanSquaredError());
    }

    /** Σ w (y − ŷ)² / W. */
    public double meanSquaredError() {
        return totalWeight > 0 ? weightedSquaredErrorSum() / totalWeight : Double.NaN;
    }

    /** Σ w |y − ŷ| / W. */
    public double meanAbsoluteError() {
        return totalWeight > 0 ? weightedAbsoluteResidualSum / totalWeight : Double.NaN;
    }

    /** 1 − Σ w (y − ŷ)² / Σ w (y − ȳ)²; can be negative for a model worse than the mean. */
    public double r2() {
        if (!(totalWeight > 0 && labelSquaredDeviations > 0)) {
            return Double.NaN;
        }
        return 1.0 - weightedSquaredErrorSum() / labelSquaredDeviations;
    }

    /** 1 − Var_w(y − ŷ) / Var_w(y); the weight normalizations of the two variances cancel. */
    public double explainedVariance() {
        if (!(totalWeight > 0 && labelSquaredDeviations > 0)) {
            return Double.NaN;
        }
        return 1.0 - residualSquaredDeviations / labelSquaredDeviations;
    }

    /** Total weight of the accumulated rows. */
    public double totalWeight() {
        return totalWeight;
    }

    /** Weighted mean label ȳ, {@code NaN} while empty. */
    public double labelMean() {
        return totalWeight > 0 ? labelMean : Double.NaN;
    }

    /** Σ w (y − ŷ)², the weighted squared error. */
    public double weightedSquaredErrorSum() {
        // Σ w r² split as spread plus bias: both terms are non-negative, so nothing cancels.
        return residualSquaredDeviations + totalWeight * residualMean * residualMean;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeDouble(totalWeight);
        out.writeDouble(labelMean);
        out.writeDouble(labelSquaredDeviations);
        out.writeDouble(residualMean);
        out.writeDouble(residualSquaredDeviations);
        out.writeDouble(weightedAbsoluteResidualSum);
    }

    public static RegressionMetrics readFrom(DataInput in) throws IOException {
        RegressionMetrics metrics = new RegressionMetrics();
        metrics.totalWeight = in.readDouble();
        metrics.labelMean = in.readDouble();
        metrics.labelSquaredDeviations = in.readDouble();
        metrics.residualMean = in.readDouble();
        metrics.residualSquaredDeviations = in.readDouble();
        metrics.weightedAbsoluteResidualSum = in.readDouble();
        return metrics;
    }
}
