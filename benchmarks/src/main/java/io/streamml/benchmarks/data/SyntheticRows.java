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

import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded dense rows shared by both sides of every comparison: standard normal features, a binary
 * label drawn from a logistic model and a real target from a linear model with the same true
 * coefficients (no intercept, since flink-ml-lib's LogisticRegression fits none). Row i depends
 * only on the seed and i.
 *
 * <p>A benchmark generates the rows in its setup; the jobs then read them from this JVM (the
 * MiniCluster runs here), so the timed part pays for copying a row into a vector, not for drawing
 * it, and pays the same on both sides.
 */
public final class SyntheticRows {
    /** The seed of every data set in the suite. */
    public static final long SEED = 20260401L;

    /** Standard deviation of the noise added to the linear target. */
    private static final double TARGET_NOISE = 1.0;

    /** One data set per JVM: a JMH fork runs one size, and 1M × 100 rows take 800 MB. */
    private static SyntheticRows current;

    public final int numRows;
    public final int dim;

    /** The generating coefficients, norm about 4, so the optimum's log-loss is about 0.3. */
    public final double[] truth;

    /** Row-major, {@code numRows × dim}. */
    private final double[] features;

    private final double[] labels;
    private final double[] targets;

    private SyntheticRows(int numRows, int dim) {
        this.numRows = numRows;
        this.dim = dim;
        this.truth = trueCoefficients(dim);
        this.features = new double[Math.multiplyExact(numRows, dim)];
        this.labels = new double[numRows];
        this.targets = new double[numRows];
        IntStream.range(0, numRows).parallel().forEach(this::generate);
    }

    /** The rows of this size, generated on first use in this JVM. */
    public static synchronized SyntheticRows of(int numRows, int dim) {
        if (current == null || current.numRows != numRows || current.dim != dim) {
            current = null; // let the old set go before allocating the new one
            current = new SyntheticRows(numRows, dim);
        }
        return current;
    }

    /** Parses a size written {@code ROWSxDIM}, e.g. {@code 1000000x100}. */
    public static SyntheticRows of(String size) {
        String[] parts = size.split("x");
        return of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    private static double[] trueCoefficients(int dim) {
        Random random = new Random(SEED);
        double[] beta = new double[dim];
        for (int j = 0; j < dim; j++) {
            beta[j] = random.nextGaussian() * 4 / Math.sqrt(dim);
        }
        return beta;
    }

    private void generate(int row) {
        SplittableRandom random = new SplittableRandom(SEED + row * 0x9E3779B97F4A7C15L);
        int offset = row * dim;
        double margin = 0;
        for (int j = 0; j < dim; j++) {
            double x = gaussian(random);
            features[offset + j] = x;
            margin += x * truth[j];
        }
        labels[row] = random.nextDouble() < LogLoss.sigmoid(margin) ? 1 : 0;
        targets[row] = margin + TARGET_NOISE * gaussian(random);
    }

    /**
     * A standard normal draw (Marsaglia's polar method, one of the pair): SplittableRandom has no
     * nextGaussian before Java 17, and java.util.Random's is several times slower.
     */
    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** A copy of row {@code row}'s features. */
    public double[] features(int row) {
        double[] x = new double[dim];
        System.arraycopy(features, row * dim, x, 0, dim);
        return x;
    }

    /** The feature {@code j} of row {@code row}. */
    public double feature(int row, int j) {
        return features[row * dim + j];
    }

    /** The margin {@code x·β + b} of row {@code row}. */
    public double margin(int row, double[] beta, double intercept) {
        int offset = row * dim;
        double margin = intercept;
        for (int j = 0; j < dim; j++) {
            margin += features[offset + j] * beta[j];
        }
        return margin;
    }

    /** The binary label (0 or 1) of row {@code row}. */
    public double label(int row) {
        return labels[row];
    }

    /** The real-valued target of row {@code row}. */
    public double target(int row) {
        return targets[row];
    }
}
