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

import io.streamml.common.model.ModelDataSchema;
import io.streamml.common.model.VectorPairModelDataSchema;
import io.streamml.common.model.VersionedModelData;
import io.streamml.stats.RunningMinMax;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.ml.linalg.DenseVector;

/**
 * Model data of {@link MinMaxScalerModel}: per-feature minimum and maximum of the training data,
 * the model version and its timestamp. As a Table: columns {@code minVector}, {@code maxVector},
 * {@code modelVersion}, {@code timestamp}.
 */
public class MinMaxScalerModelData implements VersionedModelData {
    public DenseVector minVector;
    public DenseVector maxVector;
    public long modelVersion;
    public long timestamp;

    public MinMaxScalerModelData() {}

    public MinMaxScalerModelData(
            DenseVector minVector, DenseVector maxVector, long modelVersion, long timestamp) {
        this.minVector = minVector;
        this.maxVector = maxVector;
        this.modelVersion = modelVersion;
        this.timestamp = timestamp;
    }

    /** Model data from fitted extremes. */
    public static MinMaxScalerModelData of(
            RunningMinMax extremes, long modelVersion, long timestamp) {
        return new MinMaxScalerModelData(
                new DenseVector(extremes.minWithZeros()),
                new DenseVector(extremes.maxWithZeros()),
                modelVersion,
                timestamp);
    }

    @Override
    public long getModelVersion() {
        return modelVersion;
    }

    @Override
    public long getTimestamp() {
        return timestamp;
    }

    /** Table columns and file layout. */
    public static final ModelDataSchema<MinMaxScalerModelData> SCHEMA = new Schema();

    private static final class Schema extends VectorPairModelDataSchema<MinMaxScalerModelData> {
        private static final long serialVersionUID = 1L;

        Schema() {
            super(TypeInformation.of(MinMaxScalerModelData.class), "minVector", "maxVector");
        }

        @Override
        protected DenseVector first(MinMaxScalerModelData m) {
            return m.minVector;
        }

        @Override
        protected DenseVector second(MinMaxScalerModelData m) {
            return m.maxVector;
        }

        @Override
        protected MinMaxScalerModelData create(
                DenseVector minVector, DenseVector maxVector, long modelVersion, long timestamp) {
            return new MinMaxScalerModelData(minVector, maxVector, modelVersion, timestamp);
        }

        @Override
        protected String pairProblem(DenseVector minVector, DenseVector maxVector) {
            for (int i = 0; i < minVector.size(); i++) {
                if (minVector.get(i) > maxVector.get(i)) {
                    return "minVector["
                            + i
                            + "] = "
                            + minVector.get(i)
                            + " exceeds maxVector["
                            + i
                            + "] = "
                            + maxVector.get(i);
                }
            }
            return null;
        }
    }
}
