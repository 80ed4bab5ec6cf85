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

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.input.VectorChecks;
import io.streamml.stats.FeatureStatistics;

import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.types.Row;

import java.io.Serializable;

/**
 * Reads the vector column of training rows and validates it: null and non-finite values are
 * rejected through the stage's {@link InvalidRowPolicy}. Sizes are not checked here: statistics are
 * kept per size ({@link StatisticsBySize}) until the fit decides its size.
 */
final class VectorRows implements Serializable {
    private static final long serialVersionUID = 1L;

    private final InvalidRowPolicy invalidRows;
    private final String column;
    private final int index;

    VectorRows(InvalidRowPolicy invalidRows, String column, int index) {
        this.invalidRows = invalidRows;
        this.column = column;
        this.index = index;
    }

    InvalidRowPolicy invalidRows() {
        return invalidRows;
    }

    /** The row's vector, or null when the row is invalid and skipped. */
    Vector read(Row row) {
        Object value = row.getField(index);
        String problem = VectorChecks.problemOf(value, -1);
        if (problem != null) {
            invalidRows.reject(value, column, problem);
            return null;
        }
        return VectorChecks.asVector(value);
    }

    /** Adds a vector to statistics, without densifying sparse input. */
    static void addTo(FeatureStatistics<?> statistics, Vector vector) {
        if (vector instanceof DenseVector) {
            statistics.add(((DenseVector) vector).values, 1.0);
        } else {
            SparseVector sparse = (SparseVector) vector;
            statistics.addSparse(sparse.n, sparse.indices, sparse.values, 1.0);
        }
    }
}
