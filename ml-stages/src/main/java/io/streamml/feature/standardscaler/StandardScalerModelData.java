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

import io.streamml.common.model.ModelDataSchema;
import io.streamml.common.model.VectorPairModelDataSchema;
import io.streamml.common.model.VersionedModelData;
import io.streamml.stats.MeanAndStd;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.ml.linalg.DenseVector;

/**
 * Model data of {@link StandardScalerModel}: per-feature mean and unbiased standard deviation, the
 * model version and its timestamp. As a Table: columns {@code mean}, {@code std}, {@code
 * modelVersion}, {@code timestamp}.
 */
public class StandardScalerModelData implements VersionedModelData {
    public DenseVector mean;
    public DenseVector std;
    public long modelVersion;
    public long timestamp;

    public StandardScalerModelData() {}

    public StandardScalerModelData(
            DenseVector mean, DenseVector std, long modelVersion, long timestamp) {
        this.mean = mean;
        this.std = std;
        this.modelVersion = modelVersion;
        this.timestamp = timestamp;
    }

    /** Model data from fitted moments. */
    public static StandardScalerModelData of(
            MeanAndStd moments, long modelVersion, long timestamp) {
        return new StandardScalerModelData(
                new DenseVector(moments.mean()),
                new DenseVector(moments.sampleStd()),
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
    public static final ModelDataSchema<StandardScalerModelData> SCHEMA = new Schema();

    private static final class Schema extends VectorPairModelDataSchema<StandardScalerModelData> {
        private static final long serialVersionUID = 1L;

        Schema() {
            super(TypeInformation.of(StandardScalerModelData.class), "mean", "std");
        }

        @Override
        protected DenseVector first(StandardScalerModelData m) {
            return m.mean;
        }

        @Override
        protected DenseVector second(StandardScalerModelData m) {
            return m.std;
        }

        @Override
        protected StandardScalerModelData create(
                DenseVector mean, DenseVector std, long modelVersion, long timestamp) {
            return new StandardScalerModelData(mean, std, modelVersion, timestamp);
        }

        @Override
        protected String pairProblem(DenseVector mean, DenseVector std) {
            for (int i = 0; i < std.size(); i++) {
                if (std.get(i) < 0) {
                    return "std[" + i + "] is negative: " + std.get(i);
                }
            }
            return null;
        }
    }
}
