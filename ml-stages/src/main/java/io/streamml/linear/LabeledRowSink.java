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

/** Where {@link LabeledRowReader} puts valid rows: a training cache or a mini-batch's sums. */
public interface LabeledRowSink {
    /** The feature dimension rows must have, or -1 if any. */
    int dim();

    void addDense(double[] features, double label, double weight);

    void addSparse(int size, int[] indices, double[] values, double label, double weight);
}
