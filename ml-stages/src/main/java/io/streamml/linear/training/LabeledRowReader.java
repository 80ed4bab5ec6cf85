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

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.input.VectorChecks;
import io.streamml.linear.loss.Loss;

import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.types.Row;

import java.io.Serializable;

/**
 * Reads and validates training rows of a linear model — features, label and optional weight — and
 * adds the valid ones to a {@link TrainingCache}. Null or non-finite features, a label the loss
 * rejects (e.g. not 0/1 for logistic regression) and a negative or non-finite weight go to the
 * stage's {@link InvalidRowPolicy}. Vectors of any size are kept: the trainer decides the fit's
 * feature size and rejects the rows of other sizes.
 */
public final class LabeledRowReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final InvalidRowPolicy invalidRows;
    private final Loss loss;
    private final String featuresCol;
    private final int featuresIndex;
    private final String labelCol;
    private final int labelIndex;
    private final String weightCol;
    private final int weightIndex;

    /**
     * @param weightIndex position of the weight column, or -1 for unit weights
     */
    public LabeledRowReader(
            InvalidRowPolicy invalidRows,
            Loss loss,
            String featuresCol,
            int featuresIndex,
            String labelCol,
            int labelIndex,
            String weightCol,
            int weightIndex) {
        this.invalidRows = invalidRows;
        this.loss = loss;
        this.featuresCol = featuresCol;
        this.featuresIndex = featuresIndex;
        this.labelCol = labelCol;
        this.labelIndex = labelIndex;
        this.weightCol = weightCol;
        this.weightIndex = weightIndex;
    }

    public InvalidRowPolicy invalidRows() {
        return invalidRows;
    }

    /** Adds the row to {@code cache}; returns false if it was invalid and skipped. */
    public boolean addTo(TrainingCache cache, Row row) {
        Object features = row.getField(featuresIndex);
        // Any size: the cache groups rows by size, and the trainer decides which size is right.
        String problem = VectorChecks.problemOf(features, -1);
        if (problem != null) {
            invalidRows.reject(features, featuresCol, problem);
            return false;
        }
        Object labelValue = row.getField(labelIndex);
        problem = VectorChecks.problemOfNumber(labelValue);
        if (problem == null) {
            problem = loss.labelProblem(((Number) labelValue).doubleValue());
        }
        if (problem != null) {
            invalidRows.reject(labelValue, labelCol, problem);
            return false;
        }
        double weight = 1;
        if (weightIndex >= 0) {
            Object weightValue = row.getField(weightIndex);
            problem = VectorChecks.problemOfNumber(weightValue);
            if (problem == null && ((Number) weightValue).doubleValue() < 0) {
                problem = "the weight is negative: " + weightValue;
            }
            if (problem != null) {
                invalidRows.reject(weightValue, weightCol, problem);
                return false;
            }
            weight = ((Number) weightValue).doubleValue();
        }
        double label = ((Number) labelValue).doubleValue();
        Vector vector = VectorChecks.asVector(features);
        if (vector instanceof DenseVector) {
            cache.addDense(((DenseVector) vector).values, label, weight);
        } else {
            SparseVector sparse = (SparseVector) vector;
            cache.addSparse(sparse.n, sparse.indices, sparse.values, label, weight);
        }
        return true;
    }
}
