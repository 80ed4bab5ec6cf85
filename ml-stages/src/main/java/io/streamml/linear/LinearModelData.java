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
package io.streamml.linear;

import io.streamml.common.model.ModelDataSchema;
import io.streamml.common.model.VersionedModelData;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorSerializer;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorTypeInfo;
import org.apache.flink.types.Row;

import java.io.IOException;

/**
 * Model data of the linear models (logistic and linear regression): coefficients, intercept, the
 * model version and its timestamp. As a Table: columns {@code coefficient}, {@code intercept},
 * {@code modelVersion}, {@code timestamp}.
 */
public class LinearModelData implements VersionedModelData {
    public DenseVector coefficient;
    public double intercept;
    public long modelVersion;
    public long timestamp;

    public LinearModelData() {}

    public LinearModelData(
            DenseVector coefficient, double intercept, long modelVersion, long timestamp) {
        this.coefficient = coefficient;
        this.intercept = intercept;
        this.modelVersion = modelVersion;
        this.timestamp = timestamp;
    }

    /** The margin x·β + b of a dense feature array. */
    public double margin(double[] features) {
        double margin = intercept;
        double[] beta = coefficient.values;
        for (int j = 0; j < beta.length; j++) {
            margin += features[j] * beta[j];
        }
        return margin;
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
    public static final ModelDataSchema<LinearModelData> SCHEMA = new Schema();

    private static final class Schema extends ModelDataSchema<LinearModelData> {
        private static final long serialVersionUID = 1L;

        Schema() {
            super(
                    TypeInformation.of(LinearModelData.class),
                    new RowTypeInfo(
                            new TypeInformation<?>[] {
                                DenseVectorTypeInfo.INSTANCE, Types.DOUBLE, Types.LONG, Types.LONG
                            },
                            new String[] {
                                "coefficient", "intercept", "modelVersion", "timestamp"
                            }));
        }

        @Override
        protected Row toRow(LinearModelData m) {
            return Row.of(m.coefficient, m.intercept, m.modelVersion, m.timestamp);
        }

        @Override
        protected LinearModelData fromRow(Row row) {
            return new LinearModelData(
                    (DenseVector) row.getField(0),
                    (Double) row.getField(1),
                    (Long) row.getField(2),
                    (Long) row.getField(3));
        }

        @Override
        protected void write(LinearModelData m, DataOutputView out) throws IOException {
            DenseVectorSerializer.INSTANCE.serialize(m.coefficient, out);
            out.writeDouble(m.intercept);
            out.writeLong(m.modelVersion);
            out.writeLong(m.timestamp);
        }

        @Override
        protected LinearModelData read(DataInputDeserializer in) throws IOException {
            DenseVector coefficient = readVector(in);
            return new LinearModelData(coefficient, in.readDouble(), in.readLong(), in.readLong());
        }

        @Override
        public String problemOf(LinearModelData m) {
            String problem = nonFinite("coefficient", m.coefficient);
            if (problem == null && !Double.isFinite(m.intercept)) {
                problem = "intercept is " + m.intercept;
            }
            return problem;
        }
    }
}
