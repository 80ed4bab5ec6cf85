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
 * Full-batch rounds minimizing the mean loss plus the elastic-net penalty with L-BFGS (OWL-QN for
 * the L1 part): every round is one evaluation of the objective and its gradient over all rows.
 */
public final class LbfgsRounds implements BoundedRounds {
    private static final long serialVersionUID = 1L;

    private final int numFeatures;
    private final ElasticNet penalty;
    private final Lbfgs lbfgs;
    private double[] point;
    private double objective = Double.NaN;

    LbfgsRounds(
            int numFeatures, boolean fitIntercept, ElasticNet penalty, int maxIter, double tol) {
        int numParameters = numFeatures + (fitIntercept ? 1 : 0);
        this.numFeatures = numFeatures;
        this.penalty = penalty;
        this.lbfgs =
                new Lbfgs(
                        numParameters,
                        10,
                        penalty.l1Weights(numParameters, numFeatures),
                        maxIter,
                        tol);
    }

    public static Factory factory(
            boolean fitIntercept, ElasticNet penalty, int maxIter, double tol) {
        return new Factory() {
            private static final long serialVersionUID = 1L;

            @Override
            public BoundedRounds create(int numFeatures) {
                return new LbfgsRounds(numFeatures, fitIntercept, penalty, maxIter, tol);
            }

            @Override
            public boolean usesMiniBatches() {
                return false;
            }
        };
    }

    @Override
    public void start(double[] start) {
        point = lbfgs.start(start);
    }

    @Override
    public double[] point() {
        return point;
    }

    @Override
    public boolean next(int round, GradientSums sums) {
        double totalWeight = sums.totalWeight();
        double[] gradient = sums.gradientSum().clone();
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] /= totalWeight;
        }
        double value = sums.lossSum() / totalWeight + penalty.smoothValue(point, numFeatures);
        penalty.addSmoothGradient(point, numFeatures, gradient);
        objective = value + penalty.l1Value(point, numFeatures);
        OptimizerStep step = lbfgs.next(value, gradient);
        if (step.isDone()) {
            return false;
        }
        point = step.point();
        return true;
    }

    @Override
    public double lastObjective() {
        return objective;
    }

    @Override
    public double[] result() {
        return lbfgs.bestPoint();
    }

    @Override
    public boolean converged() {
        return lbfgs.isConverged();
    }

    @Override
    public String stopReason() {
        return String.valueOf(lbfgs.stopReason());
    }

    @Override
    public boolean stuckAtStart() {
        return lbfgs.stopReason() == StopReason.LINE_SEARCH_FAILED && lbfgs.iterations() == 0;
    }

    @Override
    public String toString() {
        return "lbfgs";
    }
}
