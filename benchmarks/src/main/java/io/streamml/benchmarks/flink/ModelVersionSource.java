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
package io.streamml.benchmarks.flink;

import io.streamml.linear.LinearModelData;

import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.streaming.api.functions.source.SourceFunction;

/**
 * A streaming model: emits a new version of the given coefficients every {@code intervalMs} (scaled
 * a little each time, so every version differs) until {@link CountingSink} has seen {@code
 * expectedRows} scored rows, then ends, which lets the transform job finish.
 */
public final class ModelVersionSource implements SourceFunction<LinearModelData> {
    private static final long serialVersionUID = 1L;

    private final double[] coefficients;
    private final long intervalMs;
    private final long expectedRows;
    private volatile boolean running = true;

    public ModelVersionSource(double[] coefficients, long intervalMs, long expectedRows) {
        this.coefficients = coefficients;
        this.intervalMs = intervalMs;
        this.expectedRows = expectedRows;
    }

    @Override
    public void run(SourceContext<LinearModelData> ctx) throws Exception {
        long version = 1;
        while (running && CountingSink.count() < expectedRows) {
            double[] beta = coefficients.clone();
            double scale = 1 + 1e-3 * (version % 10);
            for (int j = 0; j < beta.length; j++) {
                beta[j] *= scale;
            }
            synchronized (ctx.getCheckpointLock()) {
                ctx.collect(new LinearModelData(new DenseVector(beta), 0, version, Long.MAX_VALUE));
            }
            version++;
            Thread.sleep(intervalMs);
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
