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

import io.streamml.linear.loss.LogLoss;
import io.streamml.linear.loss.Loss;
import io.streamml.linear.training.MiniBatchGradient;
import io.streamml.testutil.SyntheticData;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs online optimizers over a data set in mini-batches and checks where they end up. */
final class OnlineOptimizerTesting {

    private OnlineOptimizerTesting() {}

    /** Feeds {@code epochs} passes of consecutive {@code batchSize}-row batches, log loss. */
    static void train(
            OnlineOptimizer optimizer,
            double[] parameters,
            SyntheticData data,
            int batchSize,
            int epochs) {
        train(optimizer, parameters, data, batchSize, epochs, LogLoss.INSTANCE);
    }

    static void train(
            OnlineOptimizer optimizer,
            double[] parameters,
            SyntheticData data,
            int batchSize,
            int epochs,
            Loss loss) {
        boolean fitIntercept = parameters.length == data.numFeatures() + 1;
        MiniBatchGradient batch = new MiniBatchGradient(loss, data.numFeatures(), fitIntercept);
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int start = 0; start < data.numRows(); start += batchSize) {
                batch.reset();
                int end = Math.min(start + batchSize, data.numRows());
                for (int r = start; r < end; r++) {
                    batch.addDense(data.features[r], data.labels[r], data.weights[r], parameters);
                }
                optimizer.update(parameters, batch);
            }
        }
    }

    static void assertRelativeDistanceBelow(double[] expected, double[] actual, double bound) {
        double distance = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            distance += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        double relative = Math.sqrt(distance / norm);
        assertTrue(
                relative <= bound,
                "relative distance " + relative + " to the batch optimum exceeds " + bound);
    }
}
