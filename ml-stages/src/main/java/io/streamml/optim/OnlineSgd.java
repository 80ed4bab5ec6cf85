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
 * Plain mini-batch gradient descent with an elastic-net penalty, step by step as Apache Flink ML's
 * {@code SGD} optimizer updates the model: {@code w ← w − learningRate·(Σ wᵢ·∇lossᵢ)/(Σ wᵢ)} over
 * the batch, followed by {@link ElasticNet#subgradientStep}. A batch whose total weight is not
 * positive leaves the parameters unchanged. The intercept, when fitted (the last coordinate), is
 * not penalized. It has no per-coordinate state, so it is also the update of {@link MiniBatchSgd}.
 */
public final class OnlineSgd implements OnlineOptimizer {

    private static final long serialVersionUID = 1L;

    private final double learningRate;
    private final ElasticNet penalty;
    private final boolean fitIntercept;

    /**
     * @param learningRate the step size, > 0
     * @param penalty the elastic-net penalty on the coefficients
     * @param fitIntercept whether the last parameter is an unpenalized intercept
     */
    public OnlineSgd(double learningRate, ElasticNet penalty, boolean fitIntercept) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        this.learningRate = learningRate;
        this.penalty = penalty;
        this.fitIntercept = fitIntercept;
    }

    @Override
    public void update(double[] parameters, GradientSums batch) {
        update(parameters, batch.gradientSum(), batch.totalWeight());
    }

    /** Updates {@code parameters} in place from a batch's gradient sum and total weight. */
    public void update(double[] parameters, double[] gradientSum, double totalWeight) {
        if (gradientSum.length != parameters.length) {
            throw new IllegalArgumentException("parameters and gradientSum differ in length");
        }
        if (!(totalWeight > 0)) {
            return;
        }
        double scale = -learningRate / totalWeight;
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] += scale * gradientSum[i];
        }
        int numPenalized = fitIntercept ? parameters.length - 1 : parameters.length;
        penalty.subgradientStep(parameters, numPenalized, learningRate);
    }

    public double learningRate() {
        return learningRate;
    }

    /** Returns this instance: the optimizer is immutable. */
    @Override
    public OnlineSgd copy() {
        return this;
    }
}
