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

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Nullable, length-prefixed arrays in the statistics' {@code writeTo}/{@code readFrom} formats. The
 * same format as {@code io.streamml.common.serialization.PrimitiveArrays}, kept here so that {@code
 * stats} imports nothing from the rest of the library.
 */
final class StateArrays {
    private StateArrays() {}

    static void writeDoubles(DataOutput out, double[] values) throws IOException {
        out.writeInt(values == null ? -1 : values.length);
        if (values != null) {
            for (double value : values) {
                out.writeDouble(value);
            }
        }
    }

    static double[] readDoubles(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    static void writeInts(DataOutput out, int[] values) throws IOException {
        out.writeInt(values == null ? -1 : values.length);
        if (values != null) {
            for (int value : values) {
                out.writeInt(value);
            }
        }
    }

    static int[] readInts(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        int[] values = new int[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }
}
