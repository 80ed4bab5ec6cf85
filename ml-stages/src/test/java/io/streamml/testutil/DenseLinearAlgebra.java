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

/** Gaussian elimination with partial pivoting, for the closed-form oracles of the tests. */
public final class DenseLinearAlgebra {

    private DenseLinearAlgebra() {}

    /** Solves {@code A·x = b} for a square row-major {@code A} of size {@code b.length}. */
    public static double[] solve(double[] matrix, double[] rhs) {
        int n = rhs.length;
        double[] a = matrix.clone();
        double[] b = rhs.clone();
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) {
                    pivot = r;
                }
            }
            for (int c = 0; c < n; c++) {
                double t = a[col * n + c];
                a[col * n + c] = a[pivot * n + c];
                a[pivot * n + c] = t;
            }
            double t = b[col];
            b[col] = b[pivot];
            b[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r * n + col] / a[col * n + col];
                for (int c = col; c < n; c++) {
                    a[r * n + c] -= factor * a[col * n + c];
                }
                b[r] -= factor * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = b[r];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r * n + c] * x[c];
            }
            x[r] = sum / a[r * n + r];
        }
        return x;
    }
}
