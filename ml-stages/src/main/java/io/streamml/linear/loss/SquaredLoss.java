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

/** The squared error loss {@code ½·(y − m)²} of linear regression. */
public final class SquaredLoss implements Loss {

    private static final long serialVersionUID = 1L;

    /** The shared instance; the loss has no parameters. */
    public static final SquaredLoss INSTANCE = new SquaredLoss();

    private SquaredLoss() {}

    @Override
    public double loss(double label, double margin) {
        double residual = margin - label;
        return 0.5 * residual * residual;
    }

    @Override
    public double derivative(double label, double margin) {
        return margin - label;
    }

    @Override
    public double mean(double margin) {
        return margin;
    }

    @Override
    public double link(double mean) {
        return mean;
    }

    @Override
    public double secondDerivative(double label, double margin) {
        return 1;
    }

    /** Keeps the singleton on deserialization. */
    private Object readResolve() {
        return INSTANCE;
    }
}
