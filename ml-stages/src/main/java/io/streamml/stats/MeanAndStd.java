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
package io.streamml.stats;

/** Statistics that give per-feature means and unbiased sample variances. */
public interface MeanAndStd {
    double[] mean();

    double[] sampleVariance();

    /** Per-feature unbiased sample standard deviation: the square roots of the variances. */
    default double[] sampleStd() {
        double[] std = sampleVariance();
        for (int i = 0; i < std.length; i++) {
            std[i] = Math.sqrt(std[i]);
        }
        return std;
    }
}
