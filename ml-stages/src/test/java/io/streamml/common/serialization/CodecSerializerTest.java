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

import io.streamml.linear.loss.LogLoss;
import io.streamml.linear.training.MiniBatchGradient;
import io.streamml.stats.ExactMoments;
import io.streamml.stats.RunningMinMax;
import io.streamml.stats.RunningMoments;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.linalg.Vector;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values written by the codecs read back equal to what was written (and to what was computed from
 * the same rows directly), through serialize/deserialize, copy, and a serializer restored from its
 * snapshot — what checkpoints and messages rely on instead of Kryo.
 */
class CodecSerializerTest {

    private static <T> T roundTrip(TypeInformation<T> type, T value) throws IOException {
        TypeSerializer<T> serializer = type.createSerializer(new ExecutionConfig());
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot<T> snapshot = serializer.snapshotConfiguration();
        snapshot.writeSnapshot(out);
        DataInputDeserializer snapshotIn =
                new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        TypeSerializerSnapshot<T> restoredSnapshot = new CodecSerializer.Snapshot<>();
        restoredSnapshot.readSnapshot(
                snapshot.getCurrentVersion(),
                snapshotIn,
                CodecSerializerTest.class.getClassLoader());
        TypeSerializer<T> restored = restoredSnapshot.restoreSerializer();
        assertTrue(
                restoredSnapshot.resolveSchemaCompatibility(serializer).isCompatibleAsIs(),
                "the restored serializer reads what the current one writes");

        out.clear();
        serializer.serialize(value, out);
        T read =
                restored.deserialize(
                        new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        T copy = serializer.copy(read);
        assertNotSame(read, copy);
        return copy;
    }

    @Test
    void testGradientSumsOfDenseAndSparseRows() throws IOException {
        double[] parameters = {0.5, -1, 0.25};
        MiniBatchGradient sums = new MiniBatchGradient(LogLoss.INSTANCE, 2, true);
        sums.addDense(new double[] {1, 2}, 1, 2, parameters);
        sums.addSparse(new int[] {1}, new double[] {3}, 0, 0.5, parameters);
        MiniBatchGradient read = roundTrip(TypeInformation.of(MiniBatchGradient.class), sums);
        // Oracle: the two rows' sums written out by hand.
        double margin0 = 0.5 * 1 - 1 * 2 + 0.25;
        double margin1 = -1 * 3 + 0.25;
        double g0 = 2 * (1 / (1 + Math.exp(-margin0)) - 1);
        double g1 = 0.5 * (1 / (1 + Math.exp(-margin1)));
        assertArrayEquals(
                new double[] {g0 * 1, g0 * 2 + g1 * 3, g0 + g1}, read.gradientSum(), 1e-15);
        assertArrayEquals(new double[] {2, 2.5, 2.5}, read.weightSum(), 0);
        assertEquals(2.5, read.totalWeight(), 0);
        assertEquals(sums.lossSum(), read.lossSum(), 0);
        assertEquals(2, read.count());
    }

    @Test
    void testStatisticsKeepEveryFeature() throws IOException {
        double[][] rows = {{1, -2, 0.5}, {3, 4, -1}, {0.25, 0, 8}};
        RunningMoments moments = new RunningMoments();
        ExactMoments exact = new ExactMoments();
        RunningMinMax minMax = new RunningMinMax();
        for (double[] row : rows) {
            moments.add(row, 1);
            exact.add(row, 1);
            minMax.add(row, 1);
        }
        minMax.decay(0.5);
        RunningMoments movedMoments =
                roundTrip(SelfSerializingCodec.typeOf(RunningMoments.class), moments);
        ExactMoments movedExact = roundTrip(SelfSerializingCodec.typeOf(ExactMoments.class), exact);
        RunningMinMax movedMinMax =
                roundTrip(SelfSerializingCodec.typeOf(RunningMinMax.class), minMax);
        double[] mean = {(1 + 3 + 0.25) / 3, (-2 + 4 + 0) / 3.0, (0.5 - 1 + 8) / 3};
        assertArrayEquals(mean, movedExact.mean(), 1e-15);
        assertArrayEquals(moments.mean(), movedMoments.mean(), 0);
        assertArrayEquals(moments.sampleVariance(), movedMoments.sampleVariance(), 0);
        assertArrayEquals(exact.sampleVariance(), movedExact.sampleVariance(), 0);
        // The pending decay travels too: a later row merges the same way on both.
        minMax.add(new double[] {10, 10, 10}, 1);
        movedMinMax.add(new double[] {10, 10, 10}, 1);
        assertArrayEquals(minMax.minWithZeros(), movedMinMax.minWithZeros(), 0);
        assertArrayEquals(minMax.maxWithZeros(), movedMinMax.maxWithZeros(), 0);
        assertEquals(minMax.totalWeight(), movedMinMax.totalWeight(), 0);
    }

    @Test
    void testVectorsKeepTheirKind() throws IOException {
        Vector dense = roundTrip(VectorCodec.TYPE, new DenseVector(new double[] {1, -2}));
        Vector sparse =
                roundTrip(
                        VectorCodec.TYPE,
                        new SparseVector(5, new int[] {1, 4}, new double[] {3, -4}));
        assertInstanceOf(DenseVector.class, dense);
        assertArrayEquals(new double[] {1, -2}, dense.toArray(), 0);
        assertInstanceOf(SparseVector.class, sparse);
        assertArrayEquals(new double[] {0, 3, 0, 0, -4}, sparse.toArray(), 0);
    }
}
