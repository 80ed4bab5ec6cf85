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
 * Makes a fresh online optimizer (its accumulators at their start) for a model of {@code
 * numParameters} parameters. A stage picks one from its params once, at plan time; the runtime only
 * calls it, at the start and when a drift policy restarts the accumulators.
 */
@FunctionalInterface
public interface OnlineOptimizerFactory extends Serializable {
    OnlineOptimizer create(int numParameters);

    /** FTRL-Proximal with an elastic-net penalty. */
    static OnlineOptimizerFactory ftrl(
            boolean fitIntercept, double alpha, double beta, ElasticNet penalty) {
        return n -> FtrlProximal.withElasticNet(n, fitIntercept, alpha, beta, penalty);
    }

    /** AdaGrad with an L2 penalty. */
    static OnlineOptimizerFactory adaGrad(
            boolean fitIntercept, double learningRate, ElasticNet penalty) {
        return n -> new AdaGrad(n, fitIntercept, learningRate, 1e-8, penalty.l2());
    }

    /** Plain SGD, the same step for every mini-batch. */
    static OnlineOptimizerFactory sgd(
            boolean fitIntercept, double learningRate, ElasticNet penalty) {
        return n -> new OnlineSgd(learningRate, penalty, fitIntercept);
    }
}
