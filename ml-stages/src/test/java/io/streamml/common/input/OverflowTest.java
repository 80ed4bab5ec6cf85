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
package io.streamml.common.input;

import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.regression.linearregression.LinearRegression;
import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.streamml.testutil.Causes.assertCauseContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Values near the top of double range: statistics stay exact where an exact form exists, and
 * otherwise the job fails once (no restart loop, even under unlimited restarts) with an error
 * naming stage and column, instead of returning a NaN or all-zero "converged" model.
 */
class OverflowTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final String[] COLUMNS = {"features", "label"};
    private static final TypeInformation<?>[] TYPES = {
        TypeInformation.of(DenseVector.class), Types.DOUBLE
    };

    private static List<Row> rows(int n, double featureScale, double labelScale) {
        Random random = new Random(5);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = random.nextGaussian();
            rows.add(
                    Row.of(
                            new DenseVector(new double[] {featureScale * (1 + 0.01 * x), x}),
                            labelScale * (i % 2)));
        }
        return rows;
    }

    /** A job under unlimited restarts: a recoverable error would restart it forever. */
    private static TestJob restartingJob(int parallelism) {
        TestJob job = TestJob.withParallelism(parallelism);
        job.env.setRestartStrategy(RestartStrategies.fixedDelayRestart(Integer.MAX_VALUE, 0));
        return job;
    }

    @Test
    void testStandardScalerIsExactForValuesWhoseSquaresOverflow() throws Exception {
        List<Row> train = rows(400, 1e200, 1);
        TestJob job = TestJob.withParallelism(2);
        Row model =
                job.collect(
                                new StandardScaler()
                                        .setInputCol("features")
                                        .fit(job.boundedTable(COLUMNS, TYPES, train))
                                        .getModelData()[0])
                        .get(0);
        double[] oracle = firstFeatureMeanAndStd(train);
        double mean = oracle[0];
        double std = oracle[1];
        assertEquals(mean, ((DenseVector) model.getField("mean")).values[0], 0);
        assertEquals(std, ((DenseVector) model.getField("std")).values[0], Math.ulp(std));
    }

    @Test
    @Timeout(120)
    void testBoundedLinearFitsFailOnceNamingStageAndColumn() {
        TestJob lr = restartingJob(2);
        Table huge = lr.boundedTable(COLUMNS, TYPES, rows(200, 1e300, 1));
        assertFails(
                () -> lr.collect(new LogisticRegression().fit(huge).getModelData()[0]),
                "LogisticRegression",
                "column 'features'",
                "no step that lowers the objective");

        // Mini-batch SGD on the same rows: an error too, not a NaN model.
        TestJob sgd = restartingJob(2);
        Table hugeForSgd = sgd.boundedTable(COLUMNS, TYPES, rows(200, 1e300, 1));
        assertFails(
                () ->
                        sgd.collect(
                                new LogisticRegression()
                                        .setOptimizer("sgd")
                                        .fit(hugeForSgd)
                                        .getModelData()[0]),
                "LogisticRegression",
                "'features'");

        // Large enough that the gradient itself overflows.
        TestJob lrGradient = restartingJob(2);
        Table hugest = lrGradient.boundedTable(COLUMNS, TYPES, rows(200, 1e307, 1));
        assertFails(
                () -> lrGradient.collect(new LogisticRegression().fit(hugest).getModelData()[0]),
                "LogisticRegression",
                "'features'",
                "not finite");

        TestJob linear = restartingJob(2);
        Table hugeLabels = linear.boundedTable(COLUMNS, TYPES, rows(200, 1, 1e300));
        assertFails(
                () -> linear.collect(new LinearRegression().fit(hugeLabels).getModelData()[0]),
                "LinearRegression",
                "not finite");
    }

    @Test
    @Timeout(120)
    void testOnlineFitsFailOnceNamingStageAndColumn() {
        TestJob lr = restartingJob(2);
        ControllableSource lrSource = new ControllableSource();
        Table lrInput = lr.unboundedTable(lrSource, COLUMNS, TYPES, false);
        Table lrVersions =
                new LogisticRegression()
                        .setOptimizer("sgd")
                        .setGlobalBatchSize(20)
                        .fit(lrInput)
                        .getModelData()[0];
        assertFails(
                () -> takeAfterRelease(lr, lrVersions, lrSource, rows(100, 1e300, 1)),
                "LogisticRegression",
                "'features'",
                "not finite");

        // Two rows of ±1.5e308: a standard deviation of 2.1e308, beyond double range.
        TestJob scaler = restartingJob(2);
        ControllableSource scalerSource = new ControllableSource();
        Table scalerVersions =
                new StandardScaler()
                        .setInputCol("features")
                        .setWindows(CountTumblingWindows.of(2))
                        .fit(scaler.unboundedTable(scalerSource, COLUMNS, TYPES, false))
                        .getModelData()[0];
        List<Row> extremes =
                Arrays.asList(
                        Row.of(new DenseVector(new double[] {1.5e308, 0}), 0.0),
                        Row.of(new DenseVector(new double[] {-1.5e308, 0}), 0.0));
        assertFails(
                () -> takeAfterRelease(scaler, scalerVersions, scalerSource, extremes),
                "StandardScaler",
                "column 'features'",
                "not usable");
    }

    @Test
    void testOnlineStandardScalerIsAccurateForValuesWhoseSquaresOverflow() throws Exception {
        List<Row> train = rows(100, 1e200, 1);
        TestJob job = TestJob.withParallelism(2);
        ControllableSource source = new ControllableSource();
        Table versions =
                new StandardScaler()
                        .setInputCol("features")
                        .setWindows(CountTumblingWindows.of(20))
                        .fit(job.unboundedTable(source, COLUMNS, TYPES, false))
                        .getModelData()[0];
        Row last;
        try (CloseableIterator<Row> it = job.start(versions)) {
            source.release(train.toArray(new Row[0]));
            last = TestJob.take(it, 5).get(4);
        }
        // The fifth version has seen all rows.
        double[] oracle = firstFeatureMeanAndStd(train);
        double mean = oracle[0];
        double std = oracle[1];
        double fittedMean = ((DenseVector) last.getField("mean")).values[0];
        double fittedStd = ((DenseVector) last.getField("std")).values[0];
        assertEquals(mean, fittedMean, 1e-13 * Math.abs(mean));
        assertEquals(std, fittedStd, 1e-10 * std);
    }

    /** Two-pass mean and sample standard deviation of the first feature, in BigDecimal. */
    private static double[] firstFeatureMeanAndStd(List<Row> rows) {
        MathContext mc = new MathContext(50);
        BigDecimal sum = BigDecimal.ZERO;
        for (Row row : rows) {
            sum = sum.add(new BigDecimal(((DenseVector) row.getField(0)).values[0]));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(rows.size()), mc);
        BigDecimal squares = BigDecimal.ZERO;
        for (Row row : rows) {
            BigDecimal dev =
                    new BigDecimal(((DenseVector) row.getField(0)).values[0]).subtract(mean);
            squares = squares.add(dev.multiply(dev));
        }
        BigDecimal variance = squares.divide(BigDecimal.valueOf(rows.size() - 1), mc);
        return new double[] {mean.doubleValue(), variance.sqrt(mc).doubleValue()};
    }

    private static void takeAfterRelease(
            TestJob job, Table versions, ControllableSource source, List<Row> rows)
            throws Exception {
        try (CloseableIterator<Row> it = job.start(versions)) {
            source.release(rows.toArray(new Row[0]));
            TestJob.take(it, 5);
        }
    }

    private static void assertFails(Executable run, String... parts) {
        Throwable e = assertThrows(Exception.class, run);
        for (String part : parts) {
            assertCauseContains(e, part);
        }
    }
}
