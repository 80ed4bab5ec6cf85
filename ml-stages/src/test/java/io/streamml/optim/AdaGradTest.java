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
import io.streamml.testutil.ReferenceSolvers;
import io.streamml.testutil.RegularizedObjective;
import io.streamml.testutil.SyntheticData;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Tests {@link AdaGrad} with hand-computed updates and against the batch optimum. */
class AdaGradTest {

    @Test
    void followsHandComputedSequence() {
        AdaGrad adaGrad = new AdaGrad(1, false, 0.5, 0.1, 0);
        double[] w = {1};

        // g = 4/2 = 2, G = 4: w = 1 − 0.5·2/(2 + 0.1).
        adaGrad.update(w, new double[] {4}, 2);
        assertArrayEquals(new double[] {1 - 1 / 2.1}, w, 1e-15);

        // g = −3, G = 13: w += 0.5·3/(√13 + 0.1).
        adaGrad.update(w, new double[] {-3}, 1);
        assertArrayEquals(new double[] {1 - 1 / 2.1 + 1.5 / (Math.sqrt(13) + 0.1)}, w, 1e-15);
        assertArrayEquals(new double[] {13}, adaGrad.squaredGradientSum(), 1e-15);
    }

    @Test
    void penalizesCoefficientsButNotTheIntercept() {
        AdaGrad adaGrad = new AdaGrad(2, true, 0.5, 0.1, 0.2);
        double[] w = {1, 1};

        // Coefficient: g = 0.2 + 0.2·1 = 0.4, w = 1 − 0.5·0.4/(0.4 + 0.1) = 0.6.
        // Intercept: g = 0.2, w = 1 − 0.5·0.2/(0.2 + 0.1) = 2/3.
        adaGrad.update(w, new double[] {0.2, 0.2}, 1);
        assertArrayEquals(new double[] {0.6, 2.0 / 3}, w, 1e-15);
    }

    @Test
    void ignoresBatchesWithoutWeight() {
        AdaGrad adaGrad = new AdaGrad(1, false, 0.5, 0.1, 0);
        double[] w = {1};
        adaGrad.update(w, new double[] {0}, 0);
        assertArrayEquals(new double[] {1}, w, 0);
        assertArrayEquals(new double[] {0}, adaGrad.squaredGradientSum(), 0);
    }

    @Test
    void approachesTheBatchOptimumOnAStationaryStream() {
        SyntheticData data =
                SyntheticData.logistic(23, 20_000, new double[] {1, -1, 0.5}, 0.3, true);
        double l2 = 0.001;
        double[] optimum =
                ReferenceSolvers.newton(
                        new RegularizedObjective(LogLoss.INSTANCE, data, 0, l2, true));

        AdaGrad adaGrad = new AdaGrad(4, true, 0.1, 1e-8, l2);
        double[] parameters = new double[4];
        OnlineOptimizerTesting.train(adaGrad, parameters, data, 32, 3);

        OnlineOptimizerTesting.assertRelativeDistanceBelow(optimum, parameters, 0.03);
    }

    @Test
    void copyCarriesTheAccumulators() throws Exception {
        AdaGrad adaGrad = new AdaGrad(1, false, 0.5, 0.1, 0);
        double[] w = {1};
        adaGrad.update(w, new double[] {4}, 2);
        AdaGrad copy = adaGrad.copy();
        AdaGrad restored = LbfgsTest.roundTrip(adaGrad);

        double[] viaOriginal = w.clone();
        double[] viaCopy = w.clone();
        double[] viaRestored = w.clone();
        adaGrad.update(viaOriginal, new double[] {-3}, 1);
        copy.update(viaCopy, new double[] {-3}, 1);
        restored.update(viaRestored, new double[] {-3}, 1);
        assertArrayEquals(viaOriginal, viaCopy);
        assertArrayEquals(viaOriginal, viaRestored);
    }
}
