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
package io.streamml.common.statistics;

import io.streamml.common.minibatch.BatchAccumulator;
import io.streamml.stats.FeatureStatistics;

import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.types.Row;

/** Folds validated training rows of a window into statistics, per vector size. */
class RowStatistics<S extends FeatureStatistics<S>>
        implements BatchAccumulator<Row, StatisticsBySize<S>> {
    private static final long serialVersionUID = 1L;

    private final VectorRows vectorRows;
    private final StatisticsSupplier<S> supplier;

    RowStatistics(VectorRows vectorRows, StatisticsSupplier<S> supplier) {
        this.vectorRows = vectorRows;
        this.supplier = supplier;
    }

    @Override
    public void open(MetricGroup metrics) {
        vectorRows.invalidRows().open(metrics);
    }

    @Override
    public StatisticsBySize<S> create() {
        return new StatisticsBySize<>();
    }

    @Override
    public void add(StatisticsBySize<S> statistics, Row row) {
        Vector vector = vectorRows.read(row);
        if (vector != null) {
            statistics.add(vector, supplier);
        }
    }

    @Override
    public void merge(StatisticsBySize<S> into, StatisticsBySize<S> from) {
        into.merge(from);
    }
}
