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

import org.apache.flink.annotation.Internal;
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
 * The layout of model data made of two per-feature vectors plus {@code modelVersion} and {@code
 * timestamp} (the scalers' mean/std and min/max): columns in that order, and the same order in
 * files.
 *
 * @param <M> the model data type
 */
@Internal
public abstract class VectorPairModelDataSchema<M extends VersionedModelData>
        extends ModelDataSchema<M> {
    private static final long serialVersionUID = 1L;

    protected VectorPairModelDataSchema(
            TypeInformation<M> modelType, String firstColumn, String secondColumn) {
        super(
                modelType,
                new RowTypeInfo(
                        new TypeInformation<?>[] {
                            DenseVectorTypeInfo.INSTANCE,
                            DenseVectorTypeInfo.INSTANCE,
                            Types.LONG,
                            Types.LONG
                        },
                        new String[] {firstColumn, secondColumn, "modelVersion", "timestamp"}));
    }

    protected abstract DenseVector first(M modelData);

    protected abstract DenseVector second(M modelData);

    protected abstract M create(
            DenseVector first, DenseVector second, long modelVersion, long timestamp);

    @Override
    protected Row toRow(M m) {
        return Row.of(first(m), second(m), m.getModelVersion(), m.getTimestamp());
    }

    @Override
    protected M fromRow(Row row) {
        return create(
                (DenseVector) row.getField(0),
                (DenseVector) row.getField(1),
                (Long) row.getField(2),
                (Long) row.getField(3));
    }

    @Override
    protected void write(M m, DataOutputView out) throws IOException {
        DenseVectorSerializer.INSTANCE.serialize(first(m), out);
        DenseVectorSerializer.INSTANCE.serialize(second(m), out);
        out.writeLong(m.getModelVersion());
        out.writeLong(m.getTimestamp());
    }

    @Override
    protected M read(DataInputDeserializer in) throws IOException {
        DenseVector first = readVector(in);
        DenseVector second = readVector(in);
        return create(first, second, in.readLong(), in.readLong());
    }

    @Override
    public String problemOf(M m) {
        String[] names = rowType().getFieldNames();
        DenseVector first = first(m);
        DenseVector second = second(m);
        if (first.size() != second.size()) {
            return names[0] + " has " + first.size() + " values, " + names[1] + " " + second.size();
        }
        String problem = nonFinite(names[0], first);
        problem = problem != null ? problem : nonFinite(names[1], second);
        return problem != null ? problem : pairProblem(first, second);
    }

    /** Why two finite vectors of equal size cannot be model data together; null if they can. */
    protected abstract String pairProblem(DenseVector first, DenseVector second);
}
