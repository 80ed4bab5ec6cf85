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

import io.streamml.linear.loss.SquaredLoss;
import io.streamml.testutil.ReferenceSolvers;
import io.streamml.testutil.RegularizedObjective;
import io.streamml.testutil.SyntheticData;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Tests {@link OnlineSgd} with hand-computed updates and against the batch optimum. */
class OnlineSgdTest {

    @Test
    void stepsThenShrinksTheCoefficients() {
        OnlineSgd sgd = new OnlineSgd(0.1, new ElasticNet(0.2, 0.5), true);
        double[] w = {1, -2, 0.5};

        // Step: w − 0.1·(2, −4, 1)/4 = (0.95, −1.9, 0.475). Shrink the two coefficients by
        // 0.1·(0.1·sign(w) + 0.1·w): 0.95 − 0.0195 and −1.9 + 0.029; the intercept stays.
        sgd.update(w, new double[] {2, -4, 1}, 4);
        assertArrayEquals(new double[] {0.9305, -1.871, 0.475}, w, 1e-15);
    }

    @Test
    void ignoresBatchesWithoutWeight() {
        OnlineSgd sgd = new OnlineSgd(0.1, new ElasticNet(0.2, 0.5), false);
        double[] w = {1, -2};
        sgd.update(w, new double[] {0, 0}, 0);
        assertArrayEquals(new double[] {1, -2}, w, 0);
    }

    @Test
    void approachesTheBatchOptimumOnAStationaryStream() {
        SyntheticData data =
                SyntheticData.linear(29, 20_000, new double[] {2, -1, 0.5}, 1, 0.5, true);
        double reg = 0.01;
        double[] optimum =
                ReferenceSolvers.newton(
                        new RegularizedObjective(SquaredLoss.INSTANCE, data, 0, reg, true));

        // With only L2, the shrink is the gradient step of reg/2·‖β‖².
        OnlineSgd sgd = new OnlineSgd(0.05, new ElasticNet(reg, 0), true);
        double[] parameters = new double[4];
        OnlineOptimizerTesting.train(sgd, parameters, data, 32, 2, SquaredLoss.INSTANCE);

        OnlineOptimizerTesting.assertRelativeDistanceBelow(optimum, parameters, 0.03);
    }
}
