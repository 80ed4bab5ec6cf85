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
package io.streamml.benchmarks;

import io.streamml.benchmarks.data.SyntheticRows;
import io.streamml.linear.loss.LogLoss;
import io.streamml.linear.training.MiniBatchGradient;
import io.streamml.linear.training.TrainingCache;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The hardware reference: one full pass of log-loss and gradient over the rows with the library's
 * own linear kernel ({@link TrainingCache#addTo} into a {@link MiniBatchGradient}, what every
 * training worker runs) on one thread, no Flink — what a bounded fit's round costs per subtask at
 * best. The report sets our fit's training rows per second per subtask against it, at the fit's
 * sizes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GradientLoopBenchmark {
    /** Rows × features: the bounded fit's sizes. */
    @Param({"100000x20", "1000000x100"})
    public String size;

    private TrainingCache cache;
    private double[] point;

    @Setup(Level.Trial)
    public void generateRows() {
        SyntheticRows rows = SyntheticRows.of(size);
        cache = new TrainingCache(rows.dim, rows.numRows);
        for (int row = 0; row < rows.numRows; row++) {
            cache.addDense(rows.features(row), rows.label(row), 1);
        }
        point = halfWayPoint(rows);
    }

    /** Half-way to the generating model: realistic margins, not all zero. */
    static double[] halfWayPoint(SyntheticRows rows) {
        double[] point = new double[rows.dim + 1];
        for (int j = 0; j < rows.dim; j++) {
            point[j] = rows.truth[j] / 2;
        }
        return point;
    }

    @Benchmark
    public MiniBatchGradient gradientPass() {
        MiniBatchGradient sums = new MiniBatchGradient(LogLoss.INSTANCE, cache.dim(), true);
        cache.addTo(sums, point, null, LogLoss.INSTANCE);
        return sums;
    }
}
