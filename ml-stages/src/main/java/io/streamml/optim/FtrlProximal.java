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

/**
 * Per-coordinate FTRL-Proximal (McMahan et al., "Ad click prediction: a view from the trenches",
 * KDD 2013), with the update semantics of Apache Flink ML's {@code OnlineLogisticRegression}.
 *
 * <p>Each mini-batch is reduced to one gradient {@code g}: per coordinate, the batch's gradient sum
 * divided by that coordinate's weight sum (left undivided where the weight sum is 0), all computed
 * at the parameters from before the batch. Then, per coordinate, with the state {@code z} and
 * {@code n} (both starting at 0):
 *
 * <pre>
 *   σ = (√(n + g²) − √n) / α
 *   z ← z + g − σ·w
 *   n ← n + g²
 *   w ← 0                                           if |z| ≤ l1
 *       −(z − sign(z)·l1) / ((β + √n)/α + l2)      otherwise
 * </pre>
 *
 * <p>Flink ML derives {@code l1 = elasticNet·reg} and {@code l2 = (1 − elasticNet)·reg} (see {@link
 * #withElasticNet}). The new weight depends only on z and n, so a coordinate whose gradient is 0 in
 * the first batch is reset to 0 whatever its initial value, exactly as in Flink ML. The intercept,
 * when fitted (the last coordinate), gets neither l1 nor l2.
 *
 * <p>About weights: with {@link GradientSums}, the gradient sum is weighted ({@code Σ w·(p − y)·x})
 * and the divisor is the weight sum, so the batch gradient is the weighted mean and a row of weight
 * 2 counts as two rows. For unweighted rows this is exactly Flink ML's arithmetic. Flink ML 2.3
 * itself never multiplies the gradient by the weight; with dense vectors it divides by the row
 * count and with sparse vectors by the weight sum. Its numbers for weighted data can be reproduced
 * by calling {@link #update(double[], double[], double[])} with such sums.
 */
public final class FtrlProximal implements OnlineOptimizer {

    private static final long serialVersionUID = 1L;

    private final double alpha;
    private final double beta;
    private final double l1;
    private final double l2;
    private final int numPenalized;
    private final double[] z;
    private final double[] n;

    /**
     * @param dim the number of parameters, including the intercept if {@code fitIntercept}
     * @param fitIntercept whether the last parameter is an unpenalized intercept
     * @param alpha the per-coordinate learning rate scale α (Flink ML default 0.1)
     * @param beta the learning rate smoothing β (Flink ML default 0.1)
     * @param l1 the L1 strength, ≥ 0
     * @param l2 the L2 strength, ≥ 0
     */
    public FtrlProximal(
            int dim, boolean fitIntercept, double alpha, double beta, double l1, double l2) {
        if (dim < (fitIntercept ? 1 : 0)) {
            throw new IllegalArgumentException("dim too small: " + dim);
        }
        if (!(alpha > 0) || !(beta >= 0) || !(l1 >= 0) || !(l2 >= 0)) {
            throw new IllegalArgumentException(
                    String.format(
                            "Need alpha > 0 and beta, l1, l2 >= 0; got %s, %s, %s, %s",
                            alpha, beta, l1, l2));
        }
        this.alpha = alpha;
        this.beta = beta;
        this.l1 = l1;
        this.l2 = l2;
        this.numPenalized = fitIntercept ? dim - 1 : dim;
        this.z = new double[dim];
        this.n = new double[dim];
    }

    private FtrlProximal(FtrlProximal other) {
        this.alpha = other.alpha;
        this.beta = other.beta;
        this.l1 = other.l1;
        this.l2 = other.l2;
        this.numPenalized = other.numPenalized;
        this.z = other.z.clone();
        this.n = other.n.clone();
    }

    /** Creates the optimizer with Flink ML's mapping {@code l1 = elasticNet·reg, l2 = rest}. */
    public static FtrlProximal withElasticNet(
            int dim, boolean fitIntercept, double alpha, double beta, ElasticNet penalty) {
        return new FtrlProximal(dim, fitIntercept, alpha, beta, penalty.l1(), penalty.l2());
    }

    @Override
    public void update(double[] parameters, GradientSums batch) {
        update(parameters, batch.gradientSum(), batch.weightSum());
    }

    /**
     * Updates {@code parameters} in place from a batch's per-coordinate gradient sums and the
     * divisors to turn them into means (the inputs are not modified).
     */
    public void update(double[] parameters, double[] gradientSum, double[] weightSum) {
        int dim = z.length;
        if (parameters.length != dim || gradientSum.length != dim || weightSum.length != dim) {
            throw new IllegalArgumentException("Expected arrays of length " + dim);
        }
        for (int i = 0; i < dim; i++) {
            double g = weightSum[i] != 0 ? gradientSum[i] / weightSum[i] : gradientSum[i];
            double sqrtN = Math.sqrt(n[i]);
            double sigma = (Math.sqrt(n[i] + g * g) - sqrtN) / alpha;
            z[i] += g - sigma * parameters[i];
            n[i] += g * g;
            boolean penalized = i < numPenalized;
            double shrunk = penalized ? ElasticNet.softThreshold(z[i], l1) : z[i];
            double denominator = (beta + Math.sqrt(n[i])) / alpha + (penalized ? l2 : 0);
            // Written as a branch so that a zeroed weight is +0.0, as in Flink ML.
            parameters[i] = shrunk == 0 ? 0 : -shrunk / denominator;
        }
    }

    /** Returns a copy of the accumulated z (the adjusted gradient sums). */
    public double[] z() {
        return z.clone();
    }

    /** Returns a copy of the accumulated n (the sums of squared gradients). */
    public double[] n() {
        return n.clone();
    }

    @Override
    public FtrlProximal copy() {
        return new FtrlProximal(this);
    }
}
