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
package io.streamml.testutil;

import java.util.Random;

/** Seeded random regression and classification data sets for the optimizer tests. */
public final class SyntheticData {

    public final double[][] features;
    public final double[] labels;
    public final double[] weights;

    private SyntheticData(double[][] features, double[] labels, double[] weights) {
        this.features = features;
        this.labels = labels;
        this.weights = weights;
    }

    public int numRows() {
        return labels.length;
    }

    public int numFeatures() {
        return features[0].length;
    }

    /**
     * Returns rows with standard normal features and 0/1 labels drawn from a logistic model with
     * the given coefficients and intercept; weights are uniform in [0.5, 1.5] when {@code
     * weighted}, else 1.
     */
    public static SyntheticData logistic(
            long seed, int numRows, double[] coefficients, double intercept, boolean weighted) {
        Random random = new Random(seed);
        double[][] x = new double[numRows][coefficients.length];
        double[] y = new double[numRows];
        double[] w = new double[numRows];
        for (int r = 0; r < numRows; r++) {
            double margin = intercept;
            for (int j = 0; j < coefficients.length; j++) {
                x[r][j] = random.nextGaussian();
                margin += coefficients[j] * x[r][j];
            }
            y[r] = random.nextDouble() < 1 / (1 + Math.exp(-margin)) ? 1 : 0;
            w[r] = weighted ? 0.5 + random.nextDouble() : 1;
        }
        return new SyntheticData(x, y, w);
    }

    /** Returns rows with standard normal features and labels x·β + b + noise·N(0, 1). */
    public static SyntheticData linear(
            long seed,
            int numRows,
            double[] coefficients,
            double intercept,
            double noise,
            boolean weighted) {
        Random random = new Random(seed);
        double[][] x = new double[numRows][coefficients.length];
        double[] y = new double[numRows];
        double[] w = new double[numRows];
        for (int r = 0; r < numRows; r++) {
            double label = intercept;
            for (int j = 0; j < coefficients.length; j++) {
                x[r][j] = random.nextGaussian();
                label += coefficients[j] * x[r][j];
            }
            y[r] = label + noise * random.nextGaussian();
            w[r] = weighted ? 0.5 + random.nextDouble() : 1;
        }
        return new SyntheticData(x, y, w);
    }
}
