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
package io.streamml.benchmarks.data;

import io.streamml.linear.loss.LogLoss;
import io.streamml.linear.loss.Loss;
import io.streamml.linear.loss.SquaredLoss;
import io.streamml.optim.Lbfgs;
import io.streamml.optim.OptimizerStep;

import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The unregularized objective both sides of a fit comparison minimize — the mean loss over all rows
 * of a {@link SyntheticRows} set — in plain Java, so every model is scored by one evaluator. With
 * L-BFGS driven to a tight tolerance it gives the optimum that a fit's gap is measured against.
 * (The hardware reference is the library's own kernel: {@code GradientLoopBenchmark}.)
 */
public final class LinearObjective {
    /** Row blocks evaluated in parallel, summed in block order so results are reproducible. */
    private static final int BLOCK_ROWS = 1 << 14;

    /** Tolerance of the optimum solve: far below any gap worth reporting. */
    private static final double OPTIMUM_TOL = 1e-12;

    private final SyntheticRows rows;
    private final Loss loss;
    private final IntToDoubleFunction label;

    private LinearObjective(SyntheticRows rows, Loss loss, IntToDoubleFunction label) {
        this.rows = rows;
        this.loss = loss;
        this.label = label;
    }

    /** Mean log-loss of the binary labels. */
    public static LinearObjective logistic(SyntheticRows rows) {
        return new LinearObjective(rows, LogLoss.INSTANCE, rows::label);
    }

    /** Mean ½·squared error of the real targets. */
    public static LinearObjective leastSquares(SyntheticRows rows) {
        return new LinearObjective(rows, SquaredLoss.INSTANCE, rows::target);
    }

    public int numRows() {
        return rows.numRows;
    }

    public int dim() {
        return rows.dim;
    }

    /**
     * Adds, over rows {@code [from, to)}, the loss and its gradient at {@code parameters}
     * (coefficients, then the intercept) into {@code sums}: {@code [Σ loss, ∂/∂β..., ∂/∂b]}. The
     * same arithmetic a training worker does per row, on one thread.
     */
    public void accumulate(double[] parameters, int from, int to, double[] sums) {
        int dim = rows.dim;
        double intercept = parameters[dim];
        for (int row = from; row < to; row++) {
            double margin = rows.margin(row, parameters, intercept);
            double y = label.applyAsDouble(row);
            double g = loss.derivative(y, margin);
            sums[0] += loss.loss(y, margin);
            for (int j = 0; j < dim; j++) {
                sums[1 + j] += g * rows.feature(row, j);
            }
            sums[1 + dim] += g;
        }
    }

    /** The mean loss at {@code parameters}; its gradient goes into {@code gradient}. */
    public double valueAndGradient(double[] parameters, double[] gradient) {
        int blocks = (rows.numRows + BLOCK_ROWS - 1) / BLOCK_ROWS;
        double[][] partial = new double[blocks][];
        IntStream.range(0, blocks)
                .parallel()
                .forEach(
                        b -> {
                            double[] sums = new double[parameters.length + 1];
                            accumulate(
                                    parameters,
                                    b * BLOCK_ROWS,
                                    Math.min(rows.numRows, (b + 1) * BLOCK_ROWS),
                                    sums);
                            partial[b] = sums;
                        });
        double[] total = new double[parameters.length + 1];
        for (double[] sums : partial) {
            for (int i = 0; i < total.length; i++) {
                total[i] += sums[i];
            }
        }
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = total[1 + i] / rows.numRows;
        }
        return total[0] / rows.numRows;
    }

    /**
     * The minimum of the objective (coefficients and intercept), from ml-stages' L-BFGS run in
     * plain Java to a gradient or objective tolerance of 1e-12 relative.
     */
    public double minimum() {
        int numParameters = rows.dim + 1;
        Lbfgs lbfgs = new Lbfgs(numParameters, 10, null, 10_000, OPTIMUM_TOL);
        double[] point = lbfgs.start(new double[numParameters]);
        double[] gradient = new double[numParameters];
        while (true) {
            OptimizerStep step = lbfgs.next(valueAndGradient(point, gradient), gradient);
            if (step.isDone()) {
                return lbfgs.bestObjective();
            }
            point = step.point();
        }
    }
}
