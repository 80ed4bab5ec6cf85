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
package io.streamml.optim;

import java.io.Serializable;

/**
 * The elastic-net penalty {@code reg·((1 − elasticNet)/2·‖β‖² + elasticNet·‖β‖₁)} of a linear
 * model, and the pieces of it that the optimizers share.
 *
 * <p>Parameter vectors follow the library convention: the first {@code numPenalized} entries are
 * the coefficients β; an intercept, if any, is the last entry and is never penalized. Callers pass
 * {@code numPenalized = vector.length − 1} when fitting an intercept and {@code vector.length}
 * otherwise.
 */
public final class ElasticNet implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double reg;
    private final double elasticNet;

    /**
     * @param reg the overall regularization strength, ≥ 0
     * @param elasticNet the L1 share of the penalty, in [0, 1]: 0 is ridge, 1 is lasso
     */
    public ElasticNet(double reg, double elasticNet) {
        if (!(reg >= 0) || Double.isInfinite(reg)) {
            throw new IllegalArgumentException("reg must be finite and >= 0, got " + reg);
        }
        if (!(elasticNet >= 0 && elasticNet <= 1)) {
            throw new IllegalArgumentException("elasticNet must be in [0, 1], got " + elasticNet);
        }
        this.reg = reg;
        this.elasticNet = elasticNet;
    }

    public double reg() {
        return reg;
    }

    public double elasticNet() {
        return elasticNet;
    }

    /** Returns the L1 strength {@code elasticNet·reg}. */
    public double l1() {
        return elasticNet * reg;
    }

    /** Returns the L2 strength {@code (1 − elasticNet)·reg}. */
    public double l2() {
        return (1 - elasticNet) * reg;
    }

    /** Returns the full penalty of the first {@code numPenalized} entries of {@code x}. */
    public double value(double[] x, int numPenalized) {
        return smoothValue(x, numPenalized) + l1Value(x, numPenalized);
    }

    /** Returns the L2 part {@code l2/2·‖β‖²}, the part that is differentiable everywhere. */
    public double smoothValue(double[] x, int numPenalized) {
        double sumOfSquares = 0;
        for (int i = 0; i < numPenalized; i++) {
            sumOfSquares += x[i] * x[i];
        }
        return 0.5 * l2() * sumOfSquares;
    }

    /** Returns the L1 part {@code l1·‖β‖₁}. */
    public double l1Value(double[] x, int numPenalized) {
        double sumOfAbs = 0;
        for (int i = 0; i < numPenalized; i++) {
            sumOfAbs += Math.abs(x[i]);
        }
        return l1() * sumOfAbs;
    }

    /** Adds the gradient of {@link #smoothValue} ({@code l2·β}) to {@code gradient}. */
    public void addSmoothGradient(double[] x, int numPenalized, double[] gradient) {
        double l2 = l2();
        for (int i = 0; i < numPenalized; i++) {
            gradient[i] += l2 * x[i];
        }
    }

    /**
     * Returns the per-coordinate L1 weights for {@link Lbfgs}: {@link #l1()} for the first {@code
     * numPenalized} coordinates and 0 for the rest (the intercept).
     */
    public double[] l1Weights(int dim, int numPenalized) {
        double[] weights = new double[dim];
        double l1 = l1();
        for (int i = 0; i < numPenalized; i++) {
            weights[i] = l1;
        }
        return weights;
    }

    /**
     * Applies the penalty's part of one SGD step to the coefficients in place, as Apache Flink ML's
     * {@code RegularizationUtils.regularize} does after the loss-gradient step: with only L2,
     * {@code β ← (1 − lr·reg)·β}; with only L1, {@code β ← β − lr·reg·sign(β)}; otherwise {@code β
     * ← β − lr·(elasticNet·reg·sign(β) + (1 − elasticNet)·reg·β)}.
     *
     * <p>This is a subgradient step, not a proximal one: a coefficient closer to zero than {@code
     * lr·l1} jumps across zero instead of stopping at it. Kept that way for parity with Flink ML.
     */
    public void subgradientStep(double[] x, int numPenalized, double learningRate) {
        if (reg == 0) {
            return;
        }
        if (elasticNet == 0) {
            double scale = 1 - learningRate * reg;
            for (int i = 0; i < numPenalized; i++) {
                x[i] *= scale;
            }
        } else if (elasticNet == 1) {
            double l1Step = learningRate * elasticNet * reg;
            for (int i = 0; i < numPenalized; i++) {
                x[i] -= l1Step * Math.signum(x[i]);
            }
        } else {
            double l1 = elasticNet * reg;
            double l2 = (1 - elasticNet) * reg;
            for (int i = 0; i < numPenalized; i++) {
                x[i] -= learningRate * (l1 * Math.signum(x[i]) + l2 * x[i]);
            }
        }
    }

    /**
     * Returns the proximal operator of {@code threshold·|v|}: {@code sign(v)·max(|v| − threshold,
     * 0)}.
     */
    public static double softThreshold(double value, double threshold) {
        if (value > threshold) {
            return value - threshold;
        }
        if (value < -threshold) {
            return value + threshold;
        }
        return 0;
    }

    @Override
    public String toString() {
        return "ElasticNet{reg=" + reg + ", elasticNet=" + elasticNet + "}";
    }
}
