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
package io.streamml.common.model;

import io.streamml.common.input.InvalidRowPolicy;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.types.Row;

import java.io.Serializable;

/**
 * Scores rows with one model version: the single piece of scoring code behind a Model's bounded
 * transform, its streaming transform and the tests. It reads one input column, whose position it
 * knows, and writes its outputs into an output row.
 *
 * @param <M> the model data type
 */
@Internal
public abstract class RowScorer<M> implements Serializable {
    private static final long serialVersionUID = 1L;

    protected final InvalidRowPolicy invalidRows;
    protected final String inputCol;
    protected final int inputIndex;

    /**
     * @param invalidRows what to do with a row that cannot be scored
     * @param inputCol the name of the column read, for error messages
     * @param inputIndex the position of that column in the input rows
     */
    protected RowScorer(InvalidRowPolicy invalidRows, String inputCol, int inputIndex) {
        this.invalidRows = invalidRows;
        this.inputCol = inputCol;
        this.inputIndex = inputIndex;
    }

    /** Registers metrics; call once before scoring. */
    public void open(MetricGroup metrics) {
        invalidRows.open(metrics);
    }

    /** Switches to a model version; called when a newer version arrives. */
    public abstract void setModel(M model);

    /** Number of values {@link #score} writes. */
    public abstract int numOutputs();

    /** Position of the column this scorer reads. */
    public int inputIndex() {
        return inputIndex;
    }

    /** Why the current model cannot score this value of the input column, or null if it can. */
    public abstract String problemOf(Object value);

    /**
     * Scores a value {@link #problemOf} accepted with the current model, writing {@link
     * #numOutputs()} values into {@code output} from position {@code offset}.
     */
    public abstract void score(Object value, Row output, int offset);

    /**
     * Applies handleInvalid to a row whose input {@code value} {@link #problemOf} refused.
     *
     * @throws io.streamml.common.input.InvalidInputException under "error"; counts under "skip"
     */
    public void reject(Object value, String problem) {
        invalidRows.reject(value, inputCol, problem);
    }
}
