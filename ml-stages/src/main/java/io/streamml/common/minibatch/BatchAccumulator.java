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
package io.streamml.common.minibatch;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.MetricGroup;

import java.io.Serializable;

/**
 * What a {@link SliceCutter} folds the elements of a window into.
 *
 * @param <IN> the element type
 * @param <A> the accumulator type
 */
@Internal
public interface BatchAccumulator<IN, A> extends Serializable {
    /** Registers metrics; called once when the operator opens. */
    default void open(MetricGroup metrics) {}

    A create();

    /** Folds an element in; may reject it (e.g. an invalid row under handleInvalid). */
    void add(A accumulator, IN element);

    /** Folds {@code from} into {@code into}. */
    void merge(A into, A from);

    /**
     * The bytes of rows an accumulator that keeps rows holds: once they reach {@link
     * SliceCutter#PIECE_BYTES}, the rows so far are sent ahead as a piece of the slice, so no
     * record is large (large records are slow to copy and spill to disk in Flink's network stack;
     * large arrays are costly to the garbage collector). Summaries, whose size does not grow with
     * the rows, keep the default 0 and travel whole.
     */
    default long sizeInBytes(A accumulator) {
        return 0;
    }
}
