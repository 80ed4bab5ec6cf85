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
package io.streamml.common.serialization;

import org.apache.flink.annotation.Internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Length-prefixed primitive arrays for codecs; {@code null} is written as length −1. */
@Internal
public final class PrimitiveArrays {
    private PrimitiveArrays() {}

    public static void writeDoubles(DataOutput out, double[] values) throws IOException {
        if (values == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(values.length);
        byte[] bytes = new byte[8 * values.length];
        ByteBuffer.wrap(bytes).asDoubleBuffer().put(values);
        out.write(bytes);
    }

    public static double[] readDoubles(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[8 * length];
        in.readFully(bytes);
        double[] values = new double[length];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
        return values;
    }

    public static void writeLongs(DataOutput out, long[] values) throws IOException {
        if (values == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
    }

    public static long[] readLongs(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        long[] values = new long[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    public static void writeInts(DataOutput out, int[] values) throws IOException {
        if (values == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    public static int[] readInts(DataInput in) throws IOException {
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
