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
package io.streamml.examples.guide;

import io.streamml.builder.PipelineModel;

import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guide's bounded programs end to end, as README shows them: {@link BoundedPipelineJob} fits
 * and saves a pipeline on CSV rows drawn from a known logistic model, {@link
 * ScoreWithSavedModelJob} loads it and scores new rows. Checked against oracles computed here: the
 * maximum-likelihood fit by Newton's method, the saved model data applied in closed form, the
 * metrics recomputed from the oracle's probabilities and the Bayes classifier's accuracy on the
 * same rows; at parallelism 1 and 4, with the same scores.
 */
class GuideProgramsTest {
    /**
     * Ground truth: P(label = 1 | x) = σ(B0 + Σ Bⱼ (xⱼ − MEANⱼ)), on features of very different
     * scales, centred so that both classes are common.
     */
    private static final double B0 = 0.3;

    private static final double[] B = {0.05, 1.2, -2};
    private static final double[] MEAN = {100, 1, -5};

    private static final int LABELED_ROWS = 5000;
    private static final int NEW_ROWS = 1000;

    @Test
    void testFitSaveLoadAndScoreAtParallelismOneAndFour(@TempDir Path dir) throws Exception {
        Random random = new Random(11);
        double[][] labeledX = features(random, LABELED_ROWS);
        double[] labels = labels(random, labeledX);
        double[][] newX = features(random, NEW_ROWS);
        double[] newLabels = labels(random, newX);
        Path labeledCsv = dir.resolve("labeled.csv");
        Path newCsv = dir.resolve("new.csv");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LABELED_ROWS; i++) {
            lines.add(csvLine(i, labeledX[i]) + "," + labels[i]);
        }
        Files.write(labeledCsv, lines);
        lines.clear();
        for (int i = 0; i < NEW_ROWS; i++) {
            lines.add(csvLine(i, newX[i]));
        }
        Files.write(newCsv, lines);

        // The oracle: the maximum-likelihood fit on the training rows (ids not divisible by 5).
        // The program standardizes first, but without regularization the fitted probabilities do
        // not depend on an affine rescaling of the features, so the oracle fits the raw columns.
        List<double[]> trainX = new ArrayList<>();
        List<Double> trainY = new ArrayList<>();
        for (int i = 0; i < LABELED_ROWS; i++) {
            if (i % 5 != 0) {
                trainX.add(labeledX[i]);
                trainY.add(labels[i]);
            }
        }
        double[] oracle = newtonLogisticFit(trainX, trainY);

        double[][] scoresByParallelism = new double[2][];
        int[] parallelisms = {1, 4};
        int defaultParallelism = StreamExecutionEnvironment.getDefaultLocalParallelism();
        try {
            for (int run = 0; run < 2; run++) {
                int parallelism = parallelisms[run];
                StreamExecutionEnvironment.setDefaultLocalParallelism(parallelism);
                String modelDir = dir.resolve("model-p" + parallelism).toString();

                String fitOutput =
                        runMain(
                                () ->
                                        BoundedPipelineJob.main(
                                                new String[] {modelDir, labeledCsv.toString()}));
                checkHeldOutMetrics(fitOutput, labeledX, labels, oracle);

                String scoreOutput =
                        runMain(
                                () ->
                                        ScoreWithSavedModelJob.main(
                                                new String[] {modelDir, newCsv.toString()}));
                double[][] scored = parseScores(scoreOutput);
                double[] probabilities = new double[NEW_ROWS];
                double[] closedForm = closedFormProbabilities(modelDir, newX);
                int correct = 0;
                int bayesCorrect = 0;
                for (int i = 0; i < NEW_ROWS; i++) {
                    assertNotNull(scored[i], "row " + i + " was not scored");
                    double p = scored[i][1];
                    probabilities[i] = p;
                    // The loaded model applies the saved model data exactly...
                    assertEquals(closedForm[i], p, 1e-12, "row " + i);
                    // ... which is the maximum-likelihood fit, to L-BFGS's default tolerance.
                    assertEquals(probability(oracle, newX[i]), p, 1e-5, "row " + i);
                    assertEquals(p > 0.5 ? 1.0 : 0.0, scored[i][0], "row " + i);
                    correct += scored[i][0] == newLabels[i] ? 1 : 0;
                    double truth = trueProbability(newX[i]);
                    bayesCorrect += (truth > 0.5 ? 1.0 : 0.0) == newLabels[i] ? 1 : 0;
                }
                // Near the best any classifier can do on these rows: the Bayes classifier's.
                assertEquals(bayesCorrect / (double) NEW_ROWS, correct / (double) NEW_ROWS, 0.02);
                scoresByParallelism[run] = probabilities;
            }
        } finally {
            StreamExecutionEnvironment.setDefaultLocalParallelism(defaultParallelism);
        }
        for (int i = 0; i < NEW_ROWS; i++) {
            assertEquals(scoresByParallelism[0][i], scoresByParallelism[1][i], 1e-9, "row " + i);
        }
    }

    /** BoundedPipelineJob's metrics on the held-out rows, against the oracle's probabilities. */
    private static void checkHeldOutMetrics(
            String output, double[][] x, double[] labels, double[] oracle) {
        List<Double> p = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < x.length; i += 5) {
            p.add(probability(oracle, x[i]));
            y.add(labels[i]);
        }
        double logLoss = 0;
        int correct = 0;
        double concordant = 0;
        long pairs = 0;
        for (int i = 0; i < p.size(); i++) {
            logLoss -= (y.get(i) == 1 ? Math.log(p.get(i)) : Math.log(1 - p.get(i))) / p.size();
            correct += (p.get(i) > 0.5 ? 1.0 : 0.0) == y.get(i) ? 1 : 0;
            for (int j = 0; j < p.size(); j++) {
                if (y.get(i) == 1 && y.get(j) == 0) {
                    pairs++;
                    int order = Double.compare(p.get(i), p.get(j));
                    concordant += order > 0 ? 1 : order == 0 ? 0.5 : 0;
                }
            }
        }
        assertTrue(output.contains("model saved to "), output);
        assertEquals(concordant / pairs, metric(output, "areaUnderROC"), 1e-4);
        assertEquals(logLoss, metric(output, "logLoss"), 1e-5);
        // A row whose probability is within 1e-5 of ½ could fall either way.
        assertEquals(correct / (double) p.size(), metric(output, "accuracy"), 2.0 / p.size());
    }

    private static double metric(String output, String name) {
        String prefix = "held-out rows: " + name + " ";
        for (String line : output.split("\n")) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.substring(prefix.length()).trim());
            }
        }
        throw new AssertionError("no " + name + " in the output:\n" + output);
    }

    /** ScoreWithSavedModelJob's {@code id,prediction,probability} lines, indexed by id. */
    private static double[][] parseScores(String output) {
        double[][] scored = new double[NEW_ROWS][];
        String[] lines = output.split("\n");
        assertEquals("id,prediction,probability", lines[0].trim());
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].trim().split(",");
            int id = Integer.parseInt(fields[0]);
            assertNull(scored[id], "id " + id + " scored twice");
            scored[id] =
                    new double[] {Double.parseDouble(fields[1]), Double.parseDouble(fields[2])};
        }
        assertEquals(NEW_ROWS + 1, lines.length);
        return scored;
    }

    /** The saved scaler's mean and std and the saved regression's coefficients, applied here. */
    private static double[] closedFormProbabilities(String modelDir, double[][] x)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        PipelineModel model = PipelineModel.load(env, modelDir);
        Row scaler = only(tEnv, model.getStages().get(1));
        Row regression = only(tEnv, model.getStages().get(2));
        double[] mean = ((DenseVector) scaler.getField("mean")).values;
        double[] std = ((DenseVector) scaler.getField("std")).values;
        double[] coefficient = ((DenseVector) regression.getField("coefficient")).values;
        double intercept = (Double) regression.getField("intercept");
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double dot = intercept;
            for (int j = 0; j < mean.length; j++) {
                dot += coefficient[j] * (x[i][j] - mean[j]) / std[j];
            }
            p[i] = 1 / (1 + Math.exp(-dot));
        }
        return p;
    }

    private static Row only(StreamTableEnvironment tEnv, Object stage) throws Exception {
        Table modelData = ((org.apache.flink.ml.api.Model<?>) stage).getModelData()[0];
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.toDataStream(modelData).executeAndCollect()) {
            it.forEachRemaining(rows::add);
        }
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    /**
     * Unregularized logistic regression with an intercept by Newton's method: w ← w + H⁻¹g until
     * the step is below 1e-14. Returns {intercept, coefficients...}.
     */
    private static double[] newtonLogisticFit(List<double[]> x, List<Double> y) {
        int d = x.get(0).length + 1;
        double[] w = new double[d];
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < x.size(); i++) {
                double[] z = withOne(x.get(i));
                double p = 1 / (1 + Math.exp(-dot(w, z)));
                for (int a = 0; a < d; a++) {
                    gradient[a] += (y.get(i) - p) * z[a];
                    for (int b = 0; b < d; b++) {
                        hessian[a][b] += p * (1 - p) * z[a] * z[b];
                    }
                }
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int a = 0; a < d; a++) {
                w[a] += step[a];
                size = Math.max(size, Math.abs(step[a]) / (1 + Math.abs(w[a])));
            }
            if (size < 1e-14) {
                return w;
            }
        }
        throw new AssertionError("Newton's method did not converge");
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] a = new double[n][];
        double[] b = rhs.clone();
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] rowSwap = a[col];
            a[col] = a[pivot];
            a[pivot] = rowSwap;
            double bSwap = b[col];
            b[col] = b[pivot];
            b[pivot] = bSwap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k < n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
                b[row] -= factor * b[col];
            }
        }
        double[] solution = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = b[row];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * solution[k];
            }
            solution[row] = sum / a[row][row];
        }
        return solution;
    }

    private static double probability(double[] w, double[] x) {
        return 1 / (1 + Math.exp(-dot(w, withOne(x))));
    }

    private static double trueProbability(double[] x) {
        double logit = B0;
        for (int j = 0; j < x.length; j++) {
            logit += B[j] * (x[j] - MEAN[j]);
        }
        return 1 / (1 + Math.exp(-logit));
    }

    private static double[] withOne(double[] x) {
        double[] z = new double[x.length + 1];
        z[0] = 1;
        System.arraycopy(x, 0, z, 1, x.length);
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** x1 ~ N(100, 20²), x2 ~ U(−1, 3), x3 ~ N(−5, 0.5²): MEAN. */
    private static double[][] features(Random random, int n) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] =
                    new double[] {
                        100 + 20 * random.nextGaussian(),
                        -1 + 4 * random.nextDouble(),
                        -5 + 0.5 * random.nextGaussian()
                    };
        }
        return x;
    }

    private static double[] labels(Random random, double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = random.nextDouble() < trueProbability(x[i]) ? 1 : 0;
        }
        return y;
    }

    private static String csvLine(int id, double[] x) {
        return id + "," + x[0] + "," + x[1] + "," + x[2];
    }

    private interface Program {
        void run() throws Exception;
    }

    /** Runs a program and returns what it printed to standard output. */
    private static String runMain(Program program) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
