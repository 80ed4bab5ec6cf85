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
 * AdaGrad (Duchi, Hazan and Singer 2011) with an optional L2 penalty: per mini-batch and
 * coordinate, with {@code g} the batch's weighted mean gradient plus {@code l2·w} for penalized
 * coordinates,
 *
 * <pre>
 *   G ← G + g²
 *   w ← w − learningRate·g / (√G + epsilon)
 * </pre>
 *
 * <p>The intercept, when fitted (the last coordinate), is not penalized.
 */
public final class AdaGrad implements OnlineOptimizer {

    private static final long serialVersionUID = 1L;

    private final double learningRate;
    private final double epsilon;
    private final double l2;
    private final int numPenalized;
    private final double[] squaredGradientSum;

    /**
     * @param dim the number of parameters, including the intercept if {@code fitIntercept}
     * @param fitIntercept whether the last parameter is an unpenalized intercept
     * @param learningRate the base step size, > 0
     * @param epsilon keeps the first steps finite, > 0 (1e-8 is usual)
     * @param l2 the L2 strength, ≥ 0
     */
    public AdaGrad(int dim, boolean fitIntercept, double learningRate, double epsilon, double l2) {
        if (dim < (fitIntercept ? 1 : 0)) {
            throw new IllegalArgumentException("dim too small: " + dim);
        }
        if (!(learningRate > 0) || !(epsilon > 0) || !(l2 >= 0)) {
            throw new IllegalArgumentException(
                    String.format(
                            "Need learningRate > 0, epsilon > 0 and l2 >= 0; got %s, %s, %s",
                            learningRate, epsilon, l2));
        }
        this.learningRate = learningRate;
        this.epsilon = epsilon;
        this.l2 = l2;
        this.numPenalized = fitIntercept ? dim - 1 : dim;
        this.squaredGradientSum = new double[dim];
    }

    private AdaGrad(AdaGrad other) {
        this.learningRate = other.learningRate;
        this.epsilon = other.epsilon;
        this.l2 = other.l2;
        this.numPenalized = other.numPenalized;
        this.squaredGradientSum = other.squaredGradientSum.clone();
    }

    @Override
    public void update(double[] parameters, GradientSums batch) {
        update(parameters, batch.gradientSum(), batch.totalWeight());
    }

    /**
     * Updates {@code parameters} in place from a batch's gradient sum and total weight; a batch
     * without weight changes nothing.
     */
    public void update(double[] parameters, double[] gradientSum, double totalWeight) {
        int dim = squaredGradientSum.length;
        if (parameters.length != dim || gradientSum.length != dim) {
            throw new IllegalArgumentException("Expected arrays of length " + dim);
        }
        if (!(totalWeight > 0)) {
            return;
        }
        for (int i = 0; i < dim; i++) {
            double g = gradientSum[i] / totalWeight;
            if (i < numPenalized) {
                g += l2 * parameters[i];
            }
            squaredGradientSum[i] += g * g;
            parameters[i] -= learningRate * g / (Math.sqrt(squaredGradientSum[i]) + epsilon);
        }
    }

    /** Returns a copy of the per-coordinate sums of squared gradients. */
    public double[] squaredGradientSum() {
        return squaredGradientSum.clone();
    }

    @Override
    public AdaGrad copy() {
        return new AdaGrad(this);
    }
}
