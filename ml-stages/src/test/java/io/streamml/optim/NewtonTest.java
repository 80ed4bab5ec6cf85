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
import io.streamml.linear.loss.SquaredLoss;
import io.streamml.testutil.DenseLinearAlgebra;
import io.streamml.testutil.ReferenceSolvers;
import io.streamml.testutil.RegularizedObjective;
import io.streamml.testutil.SyntheticData;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link Newton} against closed forms and an independent Newton solve. */
class NewtonTest {

    /** A twice differentiable function: writes gradient and Hessian, returns the value. */
    interface TwiceDifferentiable {
        double evaluate(double[] x, double[] gradient, double[] hessian);
    }

    static List<double[]> minimize(Newton newton, TwiceDifferentiable f, double[] x0) {
        List<double[]> requested = new ArrayList<>();
        int dim = x0.length;
        double[] x = newton.start(x0);
        while (true) {
            requested.add(x.clone());
            double[] gradient = new double[dim];
            double[] hessian = new double[dim * dim];
            double value = f.evaluate(x, gradient, hessian);
            OptimizerStep step = newton.next(value, gradient, hessian);
            if (step.isDone()) {
                return requested;
            }
            x = step.point();
        }
    }

    private static TwiceDifferentiable of(RegularizedObjective objective) {
        return (x, gradient, hessian) -> {
            double value = objective.smoothValueAndGradient(x, gradient);
            System.arraycopy(objective.smoothHessian(x), 0, hessian, 0, hessian.length);
            return value;
        };
    }

    private static TwiceDifferentiable rosenbrock() {
        return (x, g, h) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            h[0] = 2 - 400 * x[1] + 1200 * x[0] * x[0];
            h[1] = -400 * x[0];
            h[2] = -400 * x[0];
            h[3] = 200;
            return a * a + 100 * b * b;
        };
    }

    @Test
    void solvesRidgeRegressionInOneStep() {
        SyntheticData data =
                SyntheticData.linear(3, 300, new double[] {2, -1, 0.5}, 1.5, 0.3, true);
        RegularizedObjective objective =
                new RegularizedObjective(SquaredLoss.INSTANCE, data, 0, 0.1, true);
        double[] gradientAtZero = new double[objective.dim];
        objective.smoothValueAndGradient(new double[objective.dim], gradientAtZero);
        double[] expected =
                DenseLinearAlgebra.solve(
                        objective.smoothHessian(new double[objective.dim]), gradientAtZero);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = -expected[i];
        }

        Newton newton = new Newton(objective.dim, 50, 1e-12);
        minimize(newton, of(objective), new double[objective.dim]);

        assertTrue(newton.isConverged(), "stopped because " + newton.stopReason());
        assertEquals(1, newton.iterations());
        assertEquals(2, newton.evaluations());
        assertArrayEquals(expected, newton.bestPoint(), 1e-12);
    }

    @Test
    void matchesReferenceOnL2LogisticRegression() {
        SyntheticData data =
                SyntheticData.logistic(42, 500, new double[] {1.5, -2, 0.5, 0, 1}, -0.5, true);
        RegularizedObjective objective =
                new RegularizedObjective(LogLoss.INSTANCE, data, 0, 0.01, true);
        double[] expected = ReferenceSolvers.newton(objective);
        double optimum = objective.value(expected);

        Newton newton = new Newton(objective.dim, 50, 1e-12);
        minimize(newton, of(objective), new double[objective.dim]);

        assertTrue(newton.isConverged(), "stopped because " + newton.stopReason());
        assertEquals(optimum, newton.bestObjective(), 1e-12 * optimum);
        assertArrayEquals(expected, newton.bestPoint(), 1e-6);
        assertTrue(newton.evaluations() <= 10, "evaluations: " + newton.evaluations());
    }

    @Test
    void minimizesRosenbrockFromAnIndefiniteStart() {
        // At (0, 1) the Hessian has the eigenvalue ≈ −398, so the direction needs a shift.
        Newton newton = new Newton(2, 200, 1e-14);
        minimize(newton, rosenbrock(), new double[] {0, 1});

        assertTrue(newton.isConverged(), "stopped because " + newton.stopReason());
        assertArrayEquals(new double[] {1, 1}, newton.bestPoint(), 1e-7);
    }

    @Test
    void stopsAtMaxIterAndIsDeterministic() {
        Newton first = new Newton(2, 3, 1e-14);
        List<double[]> firstPoints = minimize(first, rosenbrock(), new double[] {-1.2, 1});
        Newton second = new Newton(2, 3, 1e-14);
        List<double[]> secondPoints = minimize(second, rosenbrock(), new double[] {-1.2, 1});

        assertEquals(StopReason.MAX_ITERATIONS, first.stopReason());
        assertFalse(first.isConverged());
        assertEquals(3, first.iterations());
        assertEquals(firstPoints.size(), secondPoints.size());
        for (int i = 0; i < firstPoints.size(); i++) {
            assertArrayEquals(firstPoints.get(i), secondPoints.get(i));
        }
    }

    @Test
    void resumesIdenticallyAfterSerializationAndCopy() throws Exception {
        List<double[]> uninterrupted =
                minimize(new Newton(2, 100, 1e-14), rosenbrock(), new double[] {-1.2, 1});

        Newton newton = new Newton(2, 100, 1e-14);
        double[] x = newton.start(new double[] {-1.2, 1});
        TwiceDifferentiable f = rosenbrock();
        List<double[]> resumed = new ArrayList<>();
        for (int round = 0; ; round++) {
            resumed.add(x.clone());
            if (round == 4) {
                newton = LbfgsTest.roundTrip(newton).copy();
            }
            double[] gradient = new double[2];
            double[] hessian = new double[4];
            double value = f.evaluate(x, gradient, hessian);
            OptimizerStep step = newton.next(value, gradient, hessian);
            if (step.isDone()) {
                break;
            }
            x = step.point();
        }

        assertEquals(uninterrupted.size(), resumed.size());
        for (int i = 0; i < resumed.size(); i++) {
            assertArrayEquals(uninterrupted.get(i), resumed.get(i));
        }
    }

    @Test
    void stopsAtOnceWhenTheGradientIsZero() {
        Newton newton = new Newton(2, 10, 1e-10);
        newton.start(new double[] {1, 1});
        OptimizerStep step = newton.next(0, new double[2], new double[] {1, 0, 0, 1});

        assertTrue(step.isDone());
        assertEquals(StopReason.GRADIENT_TOLERANCE, newton.stopReason());
        assertEquals(1, newton.evaluations());
    }
}
