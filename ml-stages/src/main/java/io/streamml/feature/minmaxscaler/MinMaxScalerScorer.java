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
package io.streamml.feature.minmaxscaler;

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.model.VectorTransformScorer;

import org.apache.flink.annotation.Internal;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vector;

/**
 * Rescales each feature linearly from the training range [dataMin, dataMax] to [min, max]; a
 * constant feature maps to (min + max) / 2. The output is dense, since zeros rarely stay zero.
 */
@Internal
public class MinMaxScalerScorer extends VectorTransformScorer<MinMaxScalerModelData> {
    private static final long serialVersionUID = 1L;

    private final double min;
    private final double max;
    private transient double[] dataMin;
    private transient double[] scale;

    public MinMaxScalerScorer(
            InvalidRowPolicy invalidRows, String inputCol, int inputIndex, double min, double max) {
        super(invalidRows, inputCol, inputIndex);
        this.min = min;
        this.max = max;
    }

    @Override
    public void setModel(MinMaxScalerModelData model) {
        dataMin = model.minVector.values;
        scale = new double[dataMin.length];
        for (int i = 0; i < scale.length; i++) {
            double range = model.maxVector.values[i] - dataMin[i];
            scale[i] = range == 0 ? 0 : (max - min) / range;
        }
    }

    @Override
    protected int modelSize() {
        return dataMin.length;
    }

    @Override
    public DenseVector transform(Vector vector) {
        double[] values = denseCopy(vector);
        double middle = (min + max) / 2;
        for (int i = 0; i < values.length; i++) {
            values[i] = scale[i] == 0 ? middle : (values[i] - dataMin[i]) * scale[i] + min;
        }
        return new DenseVector(values);
    }
}
