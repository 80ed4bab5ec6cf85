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
package io.streamml.evaluation.common;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.types.Row;

import java.io.Serializable;

/**
 * How an evaluator folds rows into metrics: per-subtask accumulators, merged in one task, turned
 * into the one result row.
 *
 * @param <A> the accumulator type
 */
@Internal
public interface MetricsAccumulation<A> extends Serializable {
    A create();

    /** Folds one input row in; throws a clear error for a row it cannot use. */
    void add(A accumulator, Row row);

    void merge(A into, A from);

    /** The metrics row. */
    Row result(A accumulator);

    TypeInformation<A> accumulatorType();
}
