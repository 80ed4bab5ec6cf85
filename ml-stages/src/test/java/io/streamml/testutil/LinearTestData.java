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
package io.streamml.testutil;

import io.streamml.linear.LinearModelData;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Training Tables (id, features, label, weight) for the linear model tests, and model readers. */
public final class LinearTestData {
    private LinearTestData() {}

    public static final String[] COLUMNS = {"id", "features", "label", "weight"};

    public static TypeInformation<?>[] types(Class<? extends Vector> vectorClass) {
        return new TypeInformation<?>[] {
            Types.INT, TypeInformation.of(vectorClass), Types.DOUBLE, Types.DOUBLE
        };
    }

    public static List<Row> rows(SyntheticData data, boolean sparse) {
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < data.numRows(); r++) {
            double[] x = data.features[r];
            Vector features = new DenseVector(x.clone());
            if (sparse) {
                int[] indices = new int[x.length];
                for (int j = 0; j < x.length; j++) {
                    indices[j] = j;
                }
                features = new SparseVector(x.length, indices, x.clone());
            }
            rows.add(Row.of(r, features, data.labels[r], data.weights[r]));
        }
        return rows;
    }

    public static LinearModelData modelData(TestJob job, Table modelData) throws Exception {
        List<Row> rows = job.collect(modelData);
        assertEquals(1, rows.size());
        Row row = rows.get(0);
        return new LinearModelData(
                (DenseVector) row.getField("coefficient"),
                (Double) row.getField("intercept"),
                (Long) row.getField("modelVersion"),
                (Long) row.getField("timestamp"));
    }

    public static double[] parameters(LinearModelData model, boolean fitIntercept) {
        double[] beta = model.coefficient.values;
        if (!fitIntercept) {
            return beta.clone();
        }
        double[] parameters = Arrays.copyOf(beta, beta.length + 1);
        parameters[beta.length] = model.intercept;
        return parameters;
    }
}
