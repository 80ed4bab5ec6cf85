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
import io.streamml.common.model.VersionedModelData;
import io.streamml.stats.RunningMoments;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorSerializer;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorTypeInfo;
import org.apache.flink.types.Row;

import java.io.IOException;

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
            RunningMoments moments, long modelVersion, long timestamp) {
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

    private static final class Schema extends ModelDataSchema<StandardScalerModelData> {
        private static final long serialVersionUID = 1L;

        Schema() {
            super(
                    TypeInformation.of(StandardScalerModelData.class),
                    new RowTypeInfo(
                            new TypeInformation<?>[] {
                                DenseVectorTypeInfo.INSTANCE,
                                DenseVectorTypeInfo.INSTANCE,
                                Types.LONG,
                                Types.LONG
                            },
                            new String[] {"mean", "std", "modelVersion", "timestamp"}));
        }

        @Override
        protected Row toRow(StandardScalerModelData m) {
            return Row.of(m.mean, m.std, m.modelVersion, m.timestamp);
        }

        @Override
        protected StandardScalerModelData fromRow(Row row) {
            return new StandardScalerModelData(
                    (DenseVector) row.getField(0),
                    (DenseVector) row.getField(1),
                    (Long) row.getField(2),
                    (Long) row.getField(3));
        }

        @Override
        protected void write(StandardScalerModelData m, DataOutputView out) throws IOException {
            DenseVectorSerializer.INSTANCE.serialize(m.mean, out);
            DenseVectorSerializer.INSTANCE.serialize(m.std, out);
            out.writeLong(m.modelVersion);
            out.writeLong(m.timestamp);
        }

        @Override
        protected StandardScalerModelData read(DataInputView in) throws IOException {
            DenseVector mean = DenseVectorSerializer.INSTANCE.deserialize(in);
            DenseVector std = DenseVectorSerializer.INSTANCE.deserialize(in);
            return new StandardScalerModelData(mean, std, in.readLong(), in.readLong());
        }
    }
}
