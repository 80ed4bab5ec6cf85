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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link Lbfgs} against closed forms and independent reference solvers. */
class LbfgsTest {

    /** A smooth function that writes its gradient and returns its value. */
    interface SmoothFunction {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** Drives {@code lbfgs} to the end and returns every point it asked for. */
    static List<double[]> minimize(Lbfgs lbfgs, SmoothFunction f, double[] x0) {
        List<double[]> requested = new ArrayList<>();
        double[] x = lbfgs.start(x0);
        double[] gradient = new double[x0.length];
        while (true) {
            requested.add(x.clone());
            double value = f.valueAndGradient(x, gradient);
            OptimizerStep step = lbfgs.next(value, gradient);
            if (step.isDone()) {
                assertEquals(lbfgs.stopReason(), step.stopReason());
                return requested;
            }
            x = step.point();
        }
    }

    private static SmoothFunction smoothPart(RegularizedObjective objective) {
        return objective::smoothValueAndGradient;
    }

    private static SmoothFunction rosenbrock() {
        return (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };
    }

    @Test
    void minimizesQuadraticToClosedForm() {
        int dim = 8;
        Random random = new Random(7);
        double[] m = new double[dim * dim];
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextGaussian();
        }
        // A = MᵀM + I is symmetric positive definite; the minimizer of ½xᵀAx − bᵀx is A⁻¹b.
        double[] a = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                double sum = i == j ? 1 : 0;
                for (int k = 0; k < dim; k++) {
                    sum += m[k * dim + i] * m[k * dim + j];
                }
                a[i * dim + j] = sum;
            }
        }
        double[] b = new double[dim];
        for (int i = 0; i < dim; i++) {
            b[i] = random.nextGaussian();
        }
        double[] expected = DenseLinearAlgebra.solve(a, b);
        SmoothFunction quadratic =
                (x, g) -> {
                    double value = 0;
                    for (int i = 0; i < dim; i++) {
                        double ax = 0;
                        for (int j = 0; j < dim; j++) {
                            ax += a[i * dim + j] * x[j];
                        }
                        g[i] = ax - b[i];
                        value += 0.5 * x[i] * ax - b[i] * x[i];
                    }
                    return value;
                };

        double optimum = quadratic.valueAndGradient(expected, new double[dim]);

        // tol bounds the objective: the relative gap ends up about 100 times below tol (1.1e-12
        // here), and the point is as close as that gap allows.
        Lbfgs lbfgs = new Lbfgs(dim, 10, null, 100, 1e-10);
        minimize(lbfgs, quadratic, new double[dim]);
        assertTrue(lbfgs.isConverged(), "stopped because " + lbfgs.stopReason());
        assertEquals(optimum, lbfgs.bestObjective(), 1e-11 * Math.abs(optimum));
        assertArrayEquals(expected, lbfgs.bestPoint(), 1e-5);
        assertTrue(lbfgs.evaluations() <= 30, "evaluations: " + lbfgs.evaluations());

        Lbfgs precise = new Lbfgs(dim, 10, null, 100, 1e-15);
        minimize(precise, quadratic, new double[dim]);
        assertTrue(precise.isConverged(), "stopped because " + precise.stopReason());
        assertArrayEquals(expected, precise.bestPoint(), 1e-8);
    }

    @Test
    void minimizesRosenbrock() {
        Lbfgs lbfgs = new Lbfgs(2, 10, null, 1000, 1e-12);
        minimize(lbfgs, rosenbrock(), new double[] {-1.2, 1});

        assertTrue(lbfgs.isConverged(), "stopped because " + lbfgs.stopReason());
        assertArrayEquals(new double[] {1, 1}, lbfgs.bestPoint(), 1e-6);
        assertTrue(lbfgs.bestObjective() < 1e-12);
        assertTrue(lbfgs.evaluations() <= 100, "evaluations: " + lbfgs.evaluations());
    }

    @Test
    void makesProgressWhenTheSquaredGradientOverflows() {
        // ½·1e300·Σ d_i·(x_i − c_i)²: the gradient is about 1e300, so |g|² and |y|² overflow.
        double scale = 1e300;
        double[] d = {1, 3};
        double[] c = {1, -2};
        SmoothFunction steep =
                (x, g) -> {
                    double value = 0;
                    for (int i = 0; i < 2; i++) {
                        g[i] = scale * d[i] * (x[i] - c[i]);
                        value += 0.5 * scale * d[i] * (x[i] - c[i]) * (x[i] - c[i]);
                    }
                    return value;
                };

        Lbfgs lbfgs = new Lbfgs(2, 10, null, 200, 1e-10);
        minimize(lbfgs, steep, new double[2]);

        // The minimum is c; before, a step of length 1/√∞ = 0 was "accepted" twice and the
        // optimizer reported convergence at the start point.
        assertArrayEquals(c, lbfgs.bestPoint(), 1e-6);
    }

    @Test
    void matchesNewtonOnL2LogisticRegressionWithIntercept() {
        SyntheticData data =
                SyntheticData.logistic(42, 500, new double[] {1.5, -2, 0.5, 0, 1}, -0.5, true);
        RegularizedObjective objective =
                new RegularizedObjective(LogLoss.INSTANCE, data, 0, 0.01, true);
        double[] expected = ReferenceSolvers.newton(objective);

        Lbfgs lbfgs = new Lbfgs(objective.dim, 10, null, 200, 1e-10);
        minimize(lbfgs, smoothPart(objective), new double[objective.dim]);

        assertTrue(lbfgs.isConverged(), "stopped because " + lbfgs.stopReason());
        double optimum = objective.value(expected);
        assertEquals(optimum, lbfgs.bestObjective(), 1e-10 * optimum);
        assertEquals(objective.value(lbfgs.bestPoint()), lbfgs.bestObjective(), 0);
        assertArrayEquals(expected, lbfgs.bestPoint(), 1e-6);
        assertTrue(lbfgs.evaluations() <= 20, "evaluations: " + lbfgs.evaluations());
    }

    @Test
    void matchesNormalEquationsOnRidgeRegression() {
        SyntheticData data =
                SyntheticData.linear(3, 300, new double[] {2, -1, 0.5}, 1.5, 0.3, false);
        RegularizedObjective objective =
                new RegularizedObjective(SquaredLoss.INSTANCE, data, 0, 0.1, true);
        // The gradient is linear, so one Newton step from zero is the exact minimizer.
        double[] gradientAtZero = new double[objective.dim];
        objective.smoothValueAndGradient(new double[objective.dim], gradientAtZero);
        double[] expected =
                DenseLinearAlgebra.solve(
                        objective.smoothHessian(new double[objective.dim]), gradientAtZero);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = -expected[i];
        }

        Lbfgs lbfgs = new Lbfgs(objective.dim, 10, null, 200, 1e-10);
        minimize(lbfgs, smoothPart(objective), new double[objective.dim]);

        assertTrue(lbfgs.isConverged());
        assertArrayEquals(expected, lbfgs.bestPoint(), 1e-7);
    }

    @Test
    void matchesProximalNewtonOnL1LogisticRegression() {
        SyntheticData data =
                SyntheticData.logistic(
                        11, 500, new double[] {1.5, -2, 0.05, 0, 1, 0, -0.05}, 0.3, false);
        RegularizedObjective objective =
                new RegularizedObjective(LogLoss.INSTANCE, data, 0.03, 0, true);
        double[] expected = ReferenceSolvers.proximalNewton(objective);

        Lbfgs lbfgs = new Lbfgs(objective.dim, 10, objective.l1Weights(), 500, 1e-10);
        minimize(lbfgs, smoothPart(objective), new double[objective.dim]);

        assertTrue(lbfgs.isConverged(), "stopped because " + lbfgs.stopReason());
        assertSparseSolution(objective, expected, lbfgs);
        assertTrue(lbfgs.evaluations() <= 20, "evaluations: " + lbfgs.evaluations());
    }

    @Test
    void matchesCoordinateDescentOnLasso() {
        SyntheticData data =
                SyntheticData.linear(5, 400, new double[] {3, 0, -2, 0, 0.1, 1, 0, 0}, -1, 1, true);
        RegularizedObjective objective =
                new RegularizedObjective(SquaredLoss.INSTANCE, data, 0.2, 0, true);
        double[] expected = ReferenceSolvers.elasticNetLeastSquares(objective);

        Lbfgs lbfgs = new Lbfgs(objective.dim, 10, objective.l1Weights(), 500, 1e-10);
        minimize(lbfgs, smoothPart(objective), new double[objective.dim]);

        assertTrue(lbfgs.isConverged(), "stopped because " + lbfgs.stopReason());
        assertSparseSolution(objective, expected, lbfgs);
    }

    @Test
    void matchesCoordinateDescentOnElasticNetWithoutIntercept() {
        SyntheticData data =
                SyntheticData.linear(9, 200, new double[] {1, 0, -0.5, 0.05, 2}, 0, 0.5, false);
        double reg = 0.3;
        double elasticNet = 0.5;
        RegularizedObjective objective =
                new RegularizedObjective(
                        SquaredLoss.INSTANCE,
                        data,
                        elasticNet * reg,
                        (1 - elasticNet) * reg,
                        false);
        double[] expected = ReferenceSolvers.elasticNetLeastSquares(objective);

        Lbfgs lbfgs = new Lbfgs(objective.dim, 10, objective.l1Weights(), 500, 1e-10);
        minimize(lbfgs, smoothPart(objective), new double[objective.dim]);

        assertTrue(lbfgs.isConverged(), "stopped because " + lbfgs.stopReason());
        assertSparseSolution(objective, expected, lbfgs);
    }

    private static void assertSparseSolution(
            RegularizedObjective objective, double[] expected, Lbfgs lbfgs) {
        double[] actual = lbfgs.bestPoint();
        boolean anyZero = false;
        for (int j = 0; j < objective.numCoefficients(); j++) {
            // The oracle's zeros are exact; its non-zeros must be clearly non-zero for the
            // comparison of patterns to mean something.
            assertTrue(expected[j] == 0 || Math.abs(expected[j]) > 1e-4, "ambiguous oracle");
            assertEquals(expected[j] == 0, actual[j] == 0, "zero pattern differs at " + j);
            anyZero |= expected[j] == 0;
        }
        assertTrue(anyZero, "the problem should have some zero coefficients");
        double optimum = objective.value(expected);
        assertEquals(optimum, lbfgs.bestObjective(), 1e-8 * Math.abs(optimum));
        assertEquals(objective.value(actual), lbfgs.bestObjective(), 1e-15);
        assertArrayEquals(expected, actual, 1e-6);
    }

    @Test
    void handlesOneDimension() {
        Lbfgs lbfgs = new Lbfgs(1, 10, null, 100, 1e-12);
        minimize(
                lbfgs,
                (x, g) -> {
                    g[0] = 2 * (x[0] - 3);
                    return (x[0] - 3) * (x[0] - 3);
                },
                new double[] {-5});

        assertTrue(lbfgs.isConverged());
        assertEquals(3, lbfgs.bestPoint()[0], 1e-10);
    }

    @Test
    void stopsAtOnceWhenTheStartIsOptimal() {
        Lbfgs lbfgs = new Lbfgs(3, 10, new double[] {1, 1, 0}, 100, 1e-10);
        double[] start = lbfgs.start(new double[3]);
        // At 0 the smooth gradient (0.5, −0.9) lies inside the L1 subdifferential [−1, 1].
        OptimizerStep step = lbfgs.next(2.0, new double[] {0.5, -0.9, 0});

        assertTrue(step.isDone());
        assertEquals(StopReason.GRADIENT_TOLERANCE, step.stopReason());
        assertTrue(lbfgs.isConverged());
        assertEquals(1, lbfgs.evaluations());
        assertEquals(0, lbfgs.iterations());
        assertArrayEquals(start, lbfgs.bestPoint(), 0);
        assertEquals(2.0, lbfgs.bestObjective(), 0);
        assertThrows(IllegalStateException.class, step::point);
        assertThrows(IllegalStateException.class, () -> lbfgs.next(0, new double[3]));
    }

    @Test
    void stopsAtMaxIter() {
        Lbfgs lbfgs = new Lbfgs(2, 10, null, 5, 1e-12);
        minimize(lbfgs, rosenbrock(), new double[] {-1.2, 1});

        assertEquals(StopReason.MAX_ITERATIONS, lbfgs.stopReason());
        assertFalse(lbfgs.isConverged());
        assertEquals(5, lbfgs.iterations());
        assertTrue(lbfgs.evaluations() > 5);
        assertTrue(lbfgs.bestObjective() < 24.2, "should improve on f(x0) = 24.2");
    }

    @Test
    void zeroMaxIterEvaluatesOnlyTheStart() {
        Lbfgs lbfgs = new Lbfgs(2, 10, null, 0, 1e-12);
        List<double[]> requested = minimize(lbfgs, rosenbrock(), new double[] {-1.2, 1});

        assertEquals(1, requested.size());
        assertEquals(StopReason.MAX_ITERATIONS, lbfgs.stopReason());
        assertArrayEquals(new double[] {-1.2, 1}, lbfgs.bestPoint(), 0);
    }

    @Test
    void reportsLineSearchFailureAndKeepsTheBestPoint() {
        // The gradient has the wrong sign, so every step goes uphill.
        SmoothFunction misleading =
                (x, g) -> {
                    g[0] = -2 * x[0];
                    g[1] = -2 * x[1];
                    return x[0] * x[0] + x[1] * x[1];
                };
        Lbfgs lbfgs = new Lbfgs(2, 10, null, 100, 1e-10);
        minimize(lbfgs, misleading, new double[] {1, 2});

        assertEquals(StopReason.LINE_SEARCH_FAILED, lbfgs.stopReason());
        assertFalse(lbfgs.isConverged());
        assertEquals(0, lbfgs.iterations());
        assertArrayEquals(new double[] {1, 2}, lbfgs.bestPoint(), 0);
        assertEquals(5, lbfgs.bestObjective(), 0);
    }

    @Test
    void backtracksOutOfRegionsWhereTheObjectiveIsUndefined() {
        // 50·(x − 0.1)², undefined (NaN) from 0.5 on; the first trial from 0 lands at 1.
        SmoothFunction partial =
                (x, g) -> {
                    if (x[0] >= 0.5) {
                        g[0] = Double.NaN;
                        return Double.NaN;
                    }
                    g[0] = 100 * (x[0] - 0.1);
                    return 50 * (x[0] - 0.1) * (x[0] - 0.1);
                };
        Lbfgs lbfgs = new Lbfgs(1, 10, null, 100, 1e-12);
        List<double[]> requested = minimize(lbfgs, partial, new double[] {0});

        assertEquals(1, requested.get(1)[0], 0);
        assertTrue(lbfgs.isConverged());
        assertEquals(0.1, lbfgs.bestPoint()[0], 1e-10);
    }

    @Test
    void rejectsANonFiniteStart() {
        Lbfgs lbfgs = new Lbfgs(1, 10, null, 100, 1e-12);
        lbfgs.start(new double[] {0});
        assertThrows(
                IllegalArgumentException.class, () -> lbfgs.next(Double.NaN, new double[] {1}));
    }

    @Test
    void isBitwiseDeterministic() {
        SyntheticData data =
                SyntheticData.logistic(1, 300, new double[] {1, -1, 0.5, 0, 0}, 0.2, true);
        RegularizedObjective objective =
                new RegularizedObjective(LogLoss.INSTANCE, data, 0.01, 0.01, true);
        List<double[]> first =
                minimize(
                        new Lbfgs(objective.dim, 10, objective.l1Weights(), 100, 1e-10),
                        smoothPart(objective),
                        new double[objective.dim]);
        List<double[]> second =
                minimize(
                        new Lbfgs(objective.dim, 10, objective.l1Weights(), 100, 1e-10),
                        smoothPart(objective),
                        new double[objective.dim]);

        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            // assertArrayEquals with no tolerance compares the bits of each double.
            assertArrayEquals(first.get(i), second.get(i));
        }
    }

    @Test
    void resumesIdenticallyAfterSerializationAndCopy() throws Exception {
        SyntheticData data =
                SyntheticData.logistic(8, 300, new double[] {1, -1, 0.5, 0}, 0.2, false);
        RegularizedObjective objective =
                new RegularizedObjective(LogLoss.INSTANCE, data, 0.02, 0.01, true);
        SmoothFunction f = smoothPart(objective);
        List<double[]> uninterrupted =
                minimize(
                        new Lbfgs(objective.dim, 5, objective.l1Weights(), 100, 1e-10),
                        f,
                        new double[objective.dim]);

        Lbfgs lbfgs = new Lbfgs(objective.dim, 5, objective.l1Weights(), 100, 1e-10);
        double[] x = lbfgs.start(new double[objective.dim]);
        double[] gradient = new double[objective.dim];
        List<double[]> viaSerialization = new ArrayList<>();
        List<double[]> viaCopy = new ArrayList<>();
        Lbfgs copied = null;
        double[] copiedX = null;
        for (int round = 0; ; round++) {
            viaSerialization.add(x.clone());
            if (round == 7) {
                lbfgs = roundTrip(lbfgs);
                copied = lbfgs.copy();
                copiedX = x.clone();
            }
            OptimizerStep step = lbfgs.next(f.valueAndGradient(x, gradient), gradient);
            if (step.isDone()) {
                break;
            }
            x = step.point();
        }
        assertNotNull(copied);
        // Replay the copy from round 7 on.
        x = copiedX;
        while (true) {
            viaCopy.add(x.clone());
            OptimizerStep step = copied.next(f.valueAndGradient(x, gradient), gradient);
            if (step.isDone()) {
                break;
            }
            x = step.point();
        }

        assertEquals(uninterrupted.size(), viaSerialization.size());
        assertEquals(uninterrupted.size() - 7, viaCopy.size());
        for (int i = 0; i < uninterrupted.size(); i++) {
            assertArrayEquals(uninterrupted.get(i), viaSerialization.get(i));
            if (i >= 7) {
                assertArrayEquals(uninterrupted.get(i), viaCopy.get(i - 7));
            }
        }
        assertArrayEquals(lbfgs.bestPoint(), copied.bestPoint());
        assertEquals(lbfgs.stopReason(), copied.stopReason());
    }

    @Test
    void reportsNothingBeforeTheFirstEvaluation() {
        Lbfgs lbfgs = new Lbfgs(2, 10, null, 10, 1e-6);
        assertNull(lbfgs.bestPoint());
        assertNull(lbfgs.stopReason());
        assertFalse(lbfgs.isDone());
        assertThrows(IllegalStateException.class, () -> lbfgs.next(0, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> lbfgs.start(new double[3]));
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T object) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
