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
package io.streamml.linear.training;

import io.streamml.common.minibatch.BatchAccumulator;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.types.Row;

/**
 * Folds a slice's training rows, validated by the {@link LabeledRowReader}, into a compact {@link
 * TrainingCache}: what an online worker later folds into its gradient sums. Rows of every size are
 * kept, grouped by size; the trainer decides which size the model has.
 */
@Internal
public class LabeledRowBatch implements BatchAccumulator<Row, TrainingCache> {
    private static final long serialVersionUID = 1L;

    private final LabeledRowReader reader;

    /** The size the next slice's cache is allocated for: its first group's in the last slice. */
    private transient int dim;

    private transient boolean dimKnown;

    /** The most rows a slice here has held: the next slice's cache starts that large. */
    private transient int rowsPerSlice;

    public LabeledRowBatch(LabeledRowReader reader) {
        this.reader = reader;
    }

    @Override
    public void open(MetricGroup metrics) {
        reader.invalidRows().open(metrics);
    }

    @Override
    public TrainingCache create() {
        return dimKnown ? new TrainingCache(dim, rowsPerSlice) : new TrainingCache(-1);
    }

    @Override
    public void add(TrainingCache slice, Row row) {
        if (reader.addTo(slice, row)) {
            dim = slice.dim();
            dimKnown = true;
            rowsPerSlice = Math.max(rowsPerSlice, slice.numRows());
        }
    }

    @Override
    public void merge(TrainingCache into, TrainingCache from) {
        into.append(from);
    }

    @Override
    public long sizeInBytes(TrainingCache slice) {
        return slice.contentBytes();
    }
}
