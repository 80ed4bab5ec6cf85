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
package io.streamml.common.input;

import org.apache.flink.annotation.Internal;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.linalg.Vector;

/** Finds what makes a feature vector unusable; each check returns a reason, or null if fine. */
@Internal
public final class VectorChecks {
    private VectorChecks() {}

    /**
     * Checks that {@code value} is a dense or sparse vector, or an array of doubles ({@code
     * double[]}, or {@code Double[]} from an {@code ARRAY<DOUBLE>} column, without nulls), with
     * finite values and, when {@code expectedSize} ≥ 0, that size.
     */
    public static String problemOf(Object value, int expectedSize) {
        if (value == null) {
            return "the vector is null";
        }
        double[] values;
        int size;
        if (value instanceof DenseVector) {
            values = ((DenseVector) value).values;
            size = values.length;
        } else if (value instanceof SparseVector) {
            SparseVector sparse = (SparseVector) value;
            values = sparse.values;
            size = sparse.n;
        } else if (value instanceof double[]) {
            values = (double[]) value;
            size = values.length;
        } else if (value instanceof Double[]) {
            Double[] boxed = (Double[]) value;
            for (int i = 0; i < boxed.length; i++) {
                if (boxed[i] == null) {
                    return "the array has a null at position " + i;
                }
            }
            values = unboxed(boxed);
            size = values.length;
        } else {
            return "expected a DenseVector, SparseVector or array of doubles but got "
                    + value.getClass().getName();
        }
        if (expectedSize >= 0 && size != expectedSize) {
            return "the vector has size " + size + " but " + expectedSize + " was expected";
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return "the vector contains " + values[i] + " at position " + i;
            }
        }
        return null;
    }

    /**
     * A value {@link #problemOf} found fine as a vector: a vector as it is, an array of doubles as
     * a dense vector (a {@code double[]} wrapped, not copied: readers must not change it).
     */
    public static Vector asVector(Object checked) {
        if (checked instanceof double[]) {
            return new DenseVector((double[]) checked);
        }
        if (checked instanceof Double[]) {
            return new DenseVector(unboxed((Double[]) checked));
        }
        return (Vector) checked;
    }

    /** Whether a column of this class can hold feature vectors. */
    public static boolean isFeatureClass(Class<?> type) {
        return Vector.class.isAssignableFrom(type)
                || type == double[].class
                || type == Double[].class;
    }

    private static double[] unboxed(Double[] boxed) {
        double[] values = new double[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }

    /** Checks that a number is present and finite. */
    public static String problemOfNumber(Object value) {
        if (value == null) {
            return "the value is null";
        }
        if (!(value instanceof Number)) {
            return "expected a number but got " + value.getClass().getName();
        }
        double d = ((Number) value).doubleValue();
        return Double.isFinite(d) ? null : "the value is " + d;
    }
}
