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

import io.streamml.linear.loss.Loss;
import io.streamml.linear.training.MiniBatchGradient;

/**
 * {@link MiniBatchSgd} on in-memory rows as one subtask would run it: the reference the distributed
 * trainer and Flink ML's published results are checked against.
 */
final class SequentialMiniBatchSgd {
    private final MiniBatchSgd sgd;
    private final int globalBatchSize;
    private final double tol;
    private final boolean fitIntercept;

    /** The same arguments as {@link MiniBatchSgd#MiniBatchSgd}. */
    SequentialMiniBatchSgd(
            int maxIter,
            double learningRate,
            int globalBatchSize,
            double tol,
            ElasticNet penalty,
            boolean fitIntercept) {
        this.sgd =
                new MiniBatchSgd(
                        maxIter, learningRate, globalBatchSize, tol, penalty, fitIntercept);
        this.globalBatchSize = globalBatchSize;
        this.tol = tol;
        this.fitIntercept = fitIntercept;
    }

    /**
     * Trains on in-memory rows, starting from {@code initialParameters} (zeros when null).
     *
     * @param weights the row weights, or null for all 1
     */
    Result fit(
            Loss loss,
            double[][] features,
            double[] labels,
            double[] weights,
            double[] initialParameters) {
        int numRows = features.length;
        if (numRows == 0 || labels.length != numRows) {
            throw new IllegalArgumentException("Need at least one row and one label per row");
        }
        int numFeatures = features[0].length;
        MiniBatchGradient batch = new MiniBatchGradient(loss, numFeatures, fitIntercept);
        double[] parameters =
                initialParameters == null ? new double[batch.dim()] : initialParameters.clone();
        if (parameters.length != batch.dim()) {
            throw new IllegalArgumentException(
                    "Expected " + batch.dim() + " initial parameters, got " + parameters.length);
        }
        int offset = 0;
        for (int round = 0; ; round++) {
            batch.reset();
            int end = Math.min(offset + globalBatchSize, numRows);
            for (int row = offset; row < end; row++) {
                batch.addDense(
                        features[row], labels[row], weights == null ? 1 : weights[row], parameters);
            }
            offset = MiniBatchSgd.nextBatchOffset(offset, globalBatchSize, numRows);
            double meanLoss = batch.lossSum() / batch.totalWeight();
            sgd.step(parameters, batch.gradientSum(), batch.totalWeight());
            if (!sgd.shouldContinue(round, meanLoss)) {
                return new Result(parameters, round + 1, meanLoss, meanLoss <= tol);
            }
        }
    }

    /** The outcome of {@link #fit}. */
    static final class Result {
        private final double[] parameters;
        private final int rounds;
        private final double lastBatchLoss;
        private final boolean reachedTolerance;

        Result(double[] parameters, int rounds, double lastBatchLoss, boolean reachedTolerance) {
            this.parameters = parameters;
            this.rounds = rounds;
            this.lastBatchLoss = lastBatchLoss;
            this.reachedTolerance = reachedTolerance;
        }

        /** The trained parameters (intercept last, if fitted). */
        double[] parameters() {
            return parameters.clone();
        }

        /** The number of rounds, which is also the number of updates applied. */
        int rounds() {
            return rounds;
        }

        /** The mean loss of the last batch, measured before its update. */
        double lastBatchLoss() {
            return lastBatchLoss;
        }

        /** Whether training stopped because the batch loss reached {@code tol}. */
        boolean reachedTolerance() {
            return reachedTolerance;
        }
    }
}
