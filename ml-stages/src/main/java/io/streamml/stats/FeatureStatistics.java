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

import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;

/**
 * Per-feature running statistics over a stream of vectors: what a scaler learns. Implementations
 * are plain Java so the bounded fit, the windowed online fit and the tests share them.
 *
 * <p>A statistic starts without a dimension; the first vector added (or the first non-empty
 * statistic merged) fixes it. Sparse vectors only touch their non-zero entries; the implicit zeros
 * are accounted for from the total count.
 *
 * <p>Each implementation also has a static {@code readFrom(DataInput)} that reads what {@link
 * #writeTo} wrote: how operator state and messages carry statistics.
 *
 * @param <S> the implementing type, so merge takes its own kind
 */
public interface FeatureStatistics<S extends FeatureStatistics<S>> extends Serializable {

    /** Adds a dense vector with the given weight (1 for an ordinary row). */
    void add(double[] values, double weight);

    /** Adds a sparse vector of the given size; indices must be distinct. */
    void addSparse(int size, int[] indices, double[] values, double weight);

    /** Adds everything {@code other} has seen, as if its vectors had been added here. */
    void merge(S other);

    /**
     * Scales down the influence of everything seen so far by {@code factor} in (0, 1], so that
     * vectors added afterwards weigh more. A factor of 1 changes nothing.
     */
    void decay(double factor);

    /** The dimension, or -1 while nothing was added. */
    int dimension();

    /** Sum of the weights added, after decay. */
    double totalWeight();

    /** A deep copy. */
    S copy();

    /** Writes the state, for the class's {@code readFrom(DataInput)} to read back. */
    void writeTo(DataOutput out) throws IOException;
}
