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
package io.streamml.linear.online;

import io.streamml.linear.LinearModelData;

import org.apache.flink.annotation.Internal;

/**
 * The online coordinator's message to the workers, fed back through the iteration: model version
 * {@code version} with its parameters (coefficients, then the intercept when fitted) and, for batch
 * {@code batch} ≥ 0, how many of its pending slices each subtask folds into that batch. The initial
 * model travels as batch -1; version -1 means there is none.
 */
@Internal
public class ModelRequest {
    public long version;
    public double[] parameters;
    public long batch;

    /** Per subtask: how many of its next slices form the batch. */
    public int[] slices;

    public ModelRequest() {}

    ModelRequest(long version, double[] parameters, long batch, int[] slices) {
        this.version = version;
        this.parameters = parameters;
        this.batch = batch;
        this.slices = slices;
    }

    /** No initial model: training starts from zeros once the feature dimension is known. */
    static ModelRequest none() {
        return new ModelRequest(-1, new double[0], -1, new int[0]);
    }

    /** An initial model's newest version. */
    static ModelRequest initial(LinearModelData model, boolean fitIntercept) {
        double[] beta = model.coefficient.values;
        double[] parameters = new double[beta.length + (fitIntercept ? 1 : 0)];
        System.arraycopy(beta, 0, parameters, 0, beta.length);
        if (fitIntercept) {
            parameters[beta.length] = model.intercept;
        }
        return new ModelRequest(model.modelVersion, parameters, -1, new int[0]);
    }
}
