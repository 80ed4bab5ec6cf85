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
package io.streamml.linear;

import io.streamml.common.window.BatchAccumulator;

import org.apache.flink.types.Row;

import java.util.ArrayList;
import java.util.List;

/** Collects a window's rows in arrival order: an online mini-batch. */
class RowBatch implements BatchAccumulator<Row, List<Row>> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<Row> create() {
        return new ArrayList<>();
    }

    @Override
    public void add(List<Row> batch, Row row) {
        batch.add(row);
    }

    @Override
    public void merge(List<Row> into, List<Row> from) {
        into.addAll(from);
    }
}
