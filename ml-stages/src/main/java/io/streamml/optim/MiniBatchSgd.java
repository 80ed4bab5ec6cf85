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
 * Bounded-data mini-batch SGD with the semantics of Apache Flink ML's (2.1+) {@code SGD} optimizer,
 * which trains its {@code LogisticRegression} and {@code LinearRegression}:
 *
 * <ul>
 *   <li>Each subtask walks its own rows in order, {@link #localBatchSize} rows per round (the
 *       global batch size split evenly, the first {@code globalBatchSize % numSubtasks} subtasks
 *       taking one more). A batch is {@code rows[offset, min(offset + size, numRows))}, so it can
 *       be short at the end; then the offset wraps to 0 (see {@link #nextBatchOffset}).
 *   <li>Per round the subtasks' sums of {@code wᵢ·∇lossᵢ}, {@code wᵢ} and {@code wᵢ·lossᵢ} at the
 *       current parameters are added up, and every subtask applies {@link OnlineSgd}: a step of
 *       {@code −learningRate·Σwᵢ∇lossᵢ/Σwᵢ}, then {@link ElasticNet#subgradientStep}.
 *   <li>Training stops after the round whose mean batch loss {@code Σwᵢlossᵢ/Σwᵢ} (data loss only,
 *       measured before that round's update) is at most {@code tol}, or after {@code maxIter}
 *       rounds. The stopping round's update is still applied, so exactly {@code maxIter} updates
 *       happen when the tolerance is never met.
 *   <li>The initial parameters are zeros.
 * </ul>
 *
 * <p>The distributed trainer uses {@link #localBatchSize}, {@link #nextBatchOffset}, {@link #step}
 * and {@link #shouldContinue}; the tests run the same algorithm on one in-memory partition.
 */
public final class MiniBatchSgd implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int maxIter;
    private final double tol;
    private final OnlineSgd update;

    /**
     * @param maxIter the number of rounds (updates) at most, ≥ 1 (Flink ML default 20)
     * @param learningRate the step size (Flink ML default 0.1)
     * @param globalBatchSize the rows per round over all subtasks (Flink ML default 32)
     * @param tol stop once the mean batch loss is at most this (Flink ML default 1e-6)
     * @param penalty the elastic-net penalty on the coefficients
     * @param fitIntercept whether the last parameter is an unpenalized intercept
     */
    public MiniBatchSgd(
            int maxIter,
            double learningRate,
            int globalBatchSize,
            double tol,
            ElasticNet penalty,
            boolean fitIntercept) {
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
        }
        if (globalBatchSize < 1) {
            throw new IllegalArgumentException(
                    "globalBatchSize must be >= 1, got " + globalBatchSize);
        }
        this.maxIter = maxIter;
        this.tol = tol;
        this.update = new OnlineSgd(learningRate, penalty, fitIntercept);
    }

    /** Returns how many rows subtask {@code subtaskIndex} of {@code numSubtasks} uses per round. */
    public static int localBatchSize(int globalBatchSize, int numSubtasks, int subtaskIndex) {
        int size = globalBatchSize / numSubtasks;
        return subtaskIndex < globalBatchSize % numSubtasks ? size + 1 : size;
    }

    /** Returns where a subtask's next batch starts, after one that started at {@code offset}. */
    public static int nextBatchOffset(int offset, int localBatchSize, int numRows) {
        int next = offset + localBatchSize;
        return next >= numRows ? 0 : next;
    }

    /** Applies one round's update to {@code parameters} in place from the summed batch. */
    public void step(double[] parameters, double[] gradientSum, double totalWeight) {
        update.update(parameters, gradientSum, totalWeight);
    }

    /**
     * Returns whether another round follows round {@code round} (0-based), whose mean batch loss
     * was {@code meanLoss}; the update of round {@code round} is applied either way.
     */
    public boolean shouldContinue(int round, double meanLoss) {
        return round + 1 < maxIter && meanLoss > tol;
    }
}
