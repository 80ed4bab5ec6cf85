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
import io.streamml.common.input.VectorChecks;

import org.apache.flink.annotation.Internal;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.types.Row;

/**
 * A scorer that maps the input vector to one output vector, for feature transformers: it checks the
 * vector (present, finite, the model's size) and writes {@link #transform}'s result.
 */
@Internal
public abstract class VectorTransformScorer<M> extends RowScorer<M> {
    private static final long serialVersionUID = 1L;

    protected VectorTransformScorer(InvalidRowPolicy invalidRows, String inputCol, int inputIndex) {
        super(invalidRows, inputCol, inputIndex);
    }

    /** The vector size the current model expects. */
    protected abstract int modelSize();

    /** Transforms one valid vector with the current model. */
    public abstract Vector transform(Vector vector);

    /** The vector's values as a new dense array the caller may change. */
    protected static double[] denseCopy(Vector vector) {
        // A dense vector's array is the caller's; a sparse one's toArray() is already a copy.
        return vector instanceof DenseVector
                ? ((DenseVector) vector).values.clone()
                : vector.toArray();
    }

    @Override
    public int numOutputs() {
        return 1;
    }

    @Override
    public String problemOf(Object value) {
        return VectorChecks.problemOf(value, modelSize());
    }

    @Override
    public void score(Object value, Row output, int offset) {
        output.setField(offset, transform(VectorChecks.asVector(value)));
    }
}
