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

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.ml.common.param.HasHandleInvalid;

import java.io.Serializable;

/**
 * What a stage does with a row it cannot use, following its {@code handleInvalid} param: "error"
 * throws an {@link InvalidInputException}; "skip" drops the row and counts it in the operator's
 * {@value #SKIPPED_ROWS_METRIC} counter.
 */
@Internal
public final class InvalidRowPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Name of the counter of skipped rows in the operator's metric group. */
    public static final String SKIPPED_ROWS_METRIC = "numInvalidRowsSkipped";

    private final String stage;
    private final boolean skip;
    private transient Counter skipped;

    public InvalidRowPolicy(String stage, String handleInvalid) {
        this.stage = stage;
        this.skip = HasHandleInvalid.SKIP_INVALID.equals(handleInvalid);
    }

    /** Registers the counter; call from the operator's open(). */
    public void open(MetricGroup metrics) {
        skipped = metrics.counter(SKIPPED_ROWS_METRIC);
    }

    public String stage() {
        return stage;
    }

    /**
     * Rejects a row for its {@code value} in {@code column}: throws under "error", counts under
     * "skip".
     *
     * @throws InvalidInputException under "error"
     */
    public void reject(Object value, String column, String reason) {
        if (!skip) {
            throw new InvalidInputException(stage, column, value, reason, true);
        }
        if (skipped != null) {
            skipped.inc();
        }
    }

    /**
     * Rejects the rows of {@code column} whose vectors have another size than {@code size}, the
     * fit's feature size ({@code origin} says where it came from): throws under "error", counts
     * them under "skip".
     *
     * @throws InvalidInputException under "error", naming the other sizes and their row counts
     */
    public void rejectOtherSizes(String column, VectorSizes seen, int size, String origin) {
        long others = seen.rowsOtherThan(size);
        if (others == 0) {
            return;
        }
        if (!skip) {
            throw InvalidInputException.ofRows(
                    stage,
                    column,
                    "rows with vectors " + seen.describeOtherThan(size),
                    "the features have size " + size + ", " + origin,
                    true);
        }
        if (skipped != null) {
            skipped.inc(others);
        }
    }
}
