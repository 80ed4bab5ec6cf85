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
package io.streamml.linear;

import org.apache.flink.ml.param.Param;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;

import java.io.IOException;
import java.util.Map;

/** An online linear Estimator that can report test-then-train predictions while it learns. */
public interface TestThenTrain {
    /**
     * Trains online on {@code input} once: the run's model versions and, per mini-batch, a summary
     * of the predictions its rows got before the model learned from them (metrics and errors summed
     * by the workers, not the rows).
     */
    Run testThenTrain(Table input);

    /** One online training run, evaluated and served from the same versions. */
    final class Run {
        /** The model data Table of the run's versions, in increasing order. */
        public final Table modelData;

        /** Per mini-batch, its test-then-train summary. */
        public final DataStream<BatchEvaluation> evaluations;

        public Run(Table modelData, DataStream<BatchEvaluation> evaluations) {
            this.modelData = modelData;
            this.evaluations = evaluations;
        }
    }

    /** Whether predictions are probabilities of class 1 (logistic) rather than values. */
    boolean predictsProbabilities();

    /** Saves the Estimator, e.g. with the evaluator that runs it (every Stage has this). */
    void save(String path) throws IOException;

    /** The Estimator's params (every Stage has them). */
    Map<Param<?>, Object> getParamMap();
}
