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

import java.io.Serializable;

/**
 * A per-row loss of a linear model, written as a function of the label and the margin (the raw
 * model output {@code x·β + b}).
 *
 * <p>Implementations are stateless, so one instance can be shared by all rows and subtasks.
 */
public interface Loss extends Serializable {

    /** Returns the loss of predicting {@code margin} for a row whose label is {@code label}. */
    double loss(double label, double margin);

    /** Returns the first derivative of {@link #loss} with respect to the margin. */
    double derivative(double label, double margin);

    /**
     * Returns the prediction the model means by {@code margin}: the mean of the label given the
     * margin (the inverse link), e.g. the probability of class 1 for the log loss.
     */
    double mean(double margin);

    /**
     * Returns the margin whose {@link #mean} is {@code mean} (the link), clamped where the link is
     * unbounded: where a fit starts its intercept from the mean label.
     */
    double link(double mean);

    /** Returns the second derivative of {@link #loss} with respect to the margin. */
    double secondDerivative(double label, double margin);

    /**
     * Whether {@link #mean} is the probability of class 1, so predictions are evaluated as such.
     */
    default boolean meanIsProbability() {
        return false;
    }

    /** Returns why {@code label} is not a valid label for this loss, or null if it is. */
    default String labelProblem(double label) {
        return Double.isFinite(label) ? null : "the label is " + label;
    }
}
