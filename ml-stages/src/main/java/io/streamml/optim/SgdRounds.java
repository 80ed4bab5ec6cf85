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
 * Flink ML's bounded SGD: each round one global mini-batch (each worker's next share of {@code
 * globalBatchSize} rows, cycling), one step; stops after {@code maxIter} rounds or once the mean
 * batch loss is at most {@code tol}. Starts from zeros, as Flink ML.
 */
public final class SgdRounds implements BoundedRounds {
    private static final long serialVersionUID = 1L;

    private final MiniBatchSgd sgd;
    private final double tol;
    private double[] point;
    private double meanLoss = Double.NaN;

    public SgdRounds(MiniBatchSgd sgd, double tol) {
        this.sgd = sgd;
        this.tol = tol;
    }

    public static Factory factory(
            boolean fitIntercept,
            ElasticNet penalty,
            int maxIter,
            double tol,
            double learningRate,
            int globalBatchSize) {
        return new Factory() {
            private static final long serialVersionUID = 1L;

            @Override
            public BoundedRounds create(int numFeatures) {
                return new SgdRounds(
                        new MiniBatchSgd(
                                maxIter, learningRate, globalBatchSize, tol, penalty, fitIntercept),
                        tol);
            }

            @Override
            public boolean usesMiniBatches() {
                return true;
            }
        };
    }

    @Override
    public void start(double[] start) {
        point = new double[start.length];
    }

    @Override
    public double[] point() {
        return point;
    }

    @Override
    public boolean next(int round, GradientSums sums) {
        double totalWeight = sums.totalWeight();
        meanLoss = totalWeight > 0 ? sums.lossSum() / totalWeight : Double.NaN;
        if (totalWeight > 0) {
            sgd.step(point, sums.gradientSum(), totalWeight);
        }
        return sgd.shouldContinue(round, meanLoss);
    }

    @Override
    public double lastObjective() {
        return meanLoss;
    }

    @Override
    public double[] result() {
        return point;
    }

    @Override
    public boolean converged() {
        return meanLoss <= tol;
    }

    @Override
    public String stopReason() {
        return "sgd";
    }

    @Override
    public String toString() {
        return "sgd";
    }
}
