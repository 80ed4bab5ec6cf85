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
package io.streamml.common.param;

import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.ParamValidators;
import org.apache.flink.ml.param.StringParam;
import org.apache.flink.ml.param.WithParams;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Interface for the optimizer of a linear model. Bounded fits: "lbfgs" (L-BFGS, OWL-QN when
 * elasticNet > 0; reaches the optimum) or "sgd" (Flink ML's mini-batch SGD). Online fits: "ftrl",
 * "adagrad" or "sgd". The default picks lbfgs for bounded and ftrl for online input.
 */
public interface HasOptimizer<T> extends WithParams<T> {
    String AUTO = "auto";
    String LBFGS = "lbfgs";
    String SGD = "sgd";
    String FTRL = "ftrl";
    String ADAGRAD = "adagrad";

    /** Every value of {@link #OPTIMIZER}. */
    List<String> OPTIMIZERS =
            Collections.unmodifiableList(Arrays.asList(AUTO, LBFGS, SGD, FTRL, ADAGRAD));

    Param<String> OPTIMIZER =
            new StringParam(
                    "optimizer",
                    "Optimizer: auto, lbfgs, sgd (bounded); auto, ftrl, adagrad, sgd (online).",
                    AUTO,
                    ParamValidators.inArray(OPTIMIZERS.toArray(new String[0])));

    default String getOptimizer() {
        return get(OPTIMIZER);
    }

    default T setOptimizer(String value) {
        return set(OPTIMIZER, value);
    }
}
