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
package io.streamml.linear.loss;

/**
 * The logistic (binary cross-entropy) loss for labels in {0, 1}: {@code −y·log σ(m) − (1−y)·log(1 −
 * σ(m))} where {@code σ(m) = 1 / (1 + e^−m)}.
 *
 * <p>Every quantity is evaluated in a form that neither overflows nor cancels for large margins:
 * the loss as {@code y·softplus(−m) + (1−y)·softplus(m)} and the derivative as {@code (1−y)·σ(m) −
 * y·σ(−m)}, so {@code |m| = 800} still gives finite, accurate values.
 */
public final class LogLoss implements Loss {

    private static final long serialVersionUID = 1L;

    /** The shared instance; the loss has no parameters. */
    public static final LogLoss INSTANCE = new LogLoss();

    private LogLoss() {}

    @Override
    public String labelProblem(double label) {
        return label == 0 || label == 1 ? null : "the label is " + label + " but must be 0 or 1";
    }

    @Override
    public double loss(double label, double margin) {
        return label * softplus(-margin) + (1 - label) * softplus(margin);
    }

    @Override
    public double derivative(double label, double margin) {
        return (1 - label) * sigmoid(margin) - label * sigmoid(-margin);
    }

    @Override
    public double mean(double margin) {
        return sigmoid(margin);
    }

    @Override
    public boolean meanIsProbability() {
        return true;
    }

    /** The logit, of the mean clamped to [1e-9, 1 − 1e-9]. */
    @Override
    public double link(double mean) {
        double p = Math.min(Math.max(mean, 1e-9), 1 - 1e-9);
        return Math.log(p / (1 - p));
    }

    @Override
    public double secondDerivative(double label, double margin) {
        return sigmoid(margin) * sigmoid(-margin);
    }

    /** Returns {@code 1 / (1 + e^−m)} without overflowing {@code e^−m} for very negative m. */
    public static double sigmoid(double margin) {
        if (margin >= 0) {
            return 1 / (1 + Math.exp(-margin));
        }
        double e = Math.exp(margin);
        return e / (1 + e);
    }

    /**
     * Returns {@code log(1 + e^m)}, written so that it neither overflows nor loses small values.
     */
    static double softplus(double margin) {
        return Math.max(margin, 0) + Math.log1p(Math.exp(-Math.abs(margin)));
    }

    /** Keeps the singleton on deserialization. */
    private Object readResolve() {
        return INSTANCE;
    }
}
