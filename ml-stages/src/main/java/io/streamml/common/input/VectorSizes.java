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

import java.util.Arrays;

/**
 * How many rows had vectors of each size: what decides a fit's feature size when no model gives it.
 * The size most rows have wins (the smaller size on a tie), so a few rows of another size — even
 * the very first rows — are the ones rejected, never the many. A POJO, so it travels in messages
 * and state without Kryo.
 */
@Internal
public class VectorSizes {
    /** The sizes seen, ascending. */
    public int[] sizes = new int[0];

    /** Per size: the rows of that size. */
    public long[] rows = new long[0];

    public VectorSizes() {}

    /** Counts {@code count} rows of vectors of {@code size}. */
    public void add(int size, long count) {
        int at = Arrays.binarySearch(sizes, size);
        if (at < 0) {
            at = -at - 1;
            sizes = insert(sizes, at, size);
            rows = insert(rows, at, 0);
        }
        rows[at] += count;
    }

    public void merge(VectorSizes other) {
        for (int i = 0; i < other.sizes.length; i++) {
            add(other.sizes[i], other.rows[i]);
        }
    }

    public boolean isEmpty() {
        return sizes.length == 0;
    }

    /** The size most rows have (the smallest of those on a tie), or -1 when there are none. */
    public int mostCommon() {
        int best = -1;
        long bestRows = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (rows[i] > bestRows) {
                best = sizes[i];
                bestRows = rows[i];
            }
        }
        return best;
    }

    /** The rows of vectors of {@code size}. */
    public long rowsOf(int size) {
        int at = Arrays.binarySearch(sizes, size);
        return at < 0 ? 0 : rows[at];
    }

    /** The rows of vectors of any other size than {@code size}. */
    public long rowsOtherThan(int size) {
        long other = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] != size) {
                other += rows[i];
            }
        }
        return other;
    }

    /** The other sizes than {@code size} with their row counts, e.g. "1 of size 2, 4 of size 5". */
    public String describeOtherThan(int size) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] != size) {
                text.append(text.length() == 0 ? "" : ", ")
                        .append(rows[i])
                        .append(" of size ")
                        .append(sizes[i]);
            }
        }
        return text.toString();
    }

    public VectorSizes copy() {
        VectorSizes copy = new VectorSizes();
        copy.sizes = sizes.clone();
        copy.rows = rows.clone();
        return copy;
    }

    private static int[] insert(int[] array, int at, int value) {
        int[] result = new int[array.length + 1];
        System.arraycopy(array, 0, result, 0, at);
        result[at] = value;
        System.arraycopy(array, at, result, at + 1, array.length - at);
        return result;
    }

    private static long[] insert(long[] array, int at, long value) {
        long[] result = new long[array.length + 1];
        System.arraycopy(array, 0, result, 0, at);
        result[at] = value;
        System.arraycopy(array, at, result, at + 1, array.length - at);
        return result;
    }
}
