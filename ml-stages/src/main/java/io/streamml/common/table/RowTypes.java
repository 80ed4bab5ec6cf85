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
package io.streamml.common.table;

import io.streamml.common.serialization.VectorCodec;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;

/**
 * The row type of a Table's schema, as Flink ML's {@code TableUtils.getRowTypeInfo} — except that a
 * {@link Vector} column (dense or sparse) gets {@link VectorCodec#TYPE}: Flink ML 2.0.0 types only
 * the concrete vector classes, so its row type would carry such a column with Kryo.
 */
@Internal
public final class RowTypes {
    private RowTypes() {}

    public static RowTypeInfo of(ResolvedSchema schema) {
        TypeInformation<?>[] types = new TypeInformation<?>[schema.getColumnCount()];
        String[] names = new String[schema.getColumnCount()];
        for (int i = 0; i < schema.getColumnCount(); i++) {
            Column column = schema.getColumn(i).get();
            Class<?> conversionClass = column.getDataType().getConversionClass();
            types[i] =
                    conversionClass == Vector.class
                            ? VectorCodec.TYPE
                            : TypeInformation.of(conversionClass);
            names[i] = column.getName();
        }
        return new RowTypeInfo(types, names);
    }
}
