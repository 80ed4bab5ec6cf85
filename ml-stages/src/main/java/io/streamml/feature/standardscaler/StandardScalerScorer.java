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
package io.streamml.feature.standardscaler;

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.model.VectorTransformScorer;

import org.apache.flink.annotation.Internal;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.linalg.Vector;

/**
 * Standardizes a vector: (x − mean) / std per feature, each part optional. A zero std scales the
 * feature to 0 rather than to NaN or infinity. Sparse input stays sparse unless centered.
 */
@Internal
public class StandardScalerScorer extends VectorTransformScorer<StandardScalerModelData> {
    private static final long serialVersionUID = 1L;

    private final boolean withMean;
    private final boolean withStd;
    private transient double[] mean;
    private transient double[] scale;

    public StandardScalerScorer(
            InvalidRowPolicy invalidRows,
            String inputCol,
            int inputIndex,
            boolean withMean,
            boolean withStd) {
        super(invalidRows, inputCol, inputIndex);
        this.withMean = withMean;
        this.withStd = withStd;
    }

    @Override
    public void setModel(StandardScalerModelData model) {
        mean = model.mean.values;
        scale = new double[model.std.size()];
        for (int i = 0; i < scale.length; i++) {
            double std = model.std.values[i];
            scale[i] = !withStd ? 1.0 : std == 0 ? 0.0 : 1.0 / std;
        }
    }

    @Override
    protected int modelSize() {
        return mean.length;
    }

    @Override
    public Vector transform(Vector vector) {
        if (vector instanceof SparseVector && !withMean) {
            SparseVector sparse = (SparseVector) vector;
            double[] values = new double[sparse.values.length];
            for (int k = 0; k < values.length; k++) {
                values[k] = sparse.values[k] * scale[sparse.indices[k]];
            }
            return new SparseVector(sparse.n, sparse.indices.clone(), values);
        }
        double[] values = denseCopy(vector);
        for (int i = 0; i < values.length; i++) {
            values[i] = ((withMean ? values[i] - mean[i] : values[i])) * scale[i];
        }
        return new DenseVector(values);
    }
}
