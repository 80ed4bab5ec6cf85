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
package io.streamml.linear.training;

import io.streamml.evaluation.metrics.BinaryClassificationMetrics;
import io.streamml.linear.SliceEvaluation;
import io.streamml.linear.loss.LogLoss;
import io.streamml.linear.loss.SquaredLoss;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link TrainingCache}: footprint and sums against a direct computation. */
class TrainingCacheTest {

    @Test
    void testFootprintAfterTrimIsNearRawSize() {
        int n = 10_000;
        int d = 20;
        TrainingCache cache = new TrainingCache();
        Random random = new Random(1);
        for (int r = 0; r < n; r++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = random.nextGaussian();
            }
            cache.addDense(x, r % 2, 1);
        }
        cache.trim();
        long raw = 8L * (d + 2) * n;
        assertTrue(cache.sizeInBytes() <= 1.5 * raw, cache.sizeInBytes() + " vs " + raw);
        assertTrue(cache.sizeInBytes() >= raw);
    }

    @Test
    void testSumsMatchDirectComputationForMixedDenseAndSparseRows() {
        double[][] x = {{1, 0, 2}, {0, 0, -1}, {3, 4, 0}, {0.5, -2, 1}};
        double[] y = {1, 0, 1, 0};
        double[] w = {1, 2, 0.5, 1.5};
        TrainingCache cache = new TrainingCache();
        for (int r = 0; r < x.length; r++) {
            if (r % 2 == 0) {
                cache.addDense(x[r], y[r], w[r]);
            } else {
                int nnz = 0;
                for (double v : x[r]) {
                    nnz += v != 0 ? 1 : 0;
                }
                int[] idx = new int[nnz];
                double[] val = new double[nnz];
                for (int j = 0, k = 0; j < 3; j++) {
                    if (x[r][j] != 0) {
                        idx[k] = j;
                        val[k++] = x[r][j];
                    }
                }
                cache.addSparse(3, idx, val, y[r], w[r]);
            }
        }
        double[] parameters = {0.3, -0.2, 0.1, 0.05};
        for (io.streamml.linear.loss.Loss loss :
                new io.streamml.linear.loss.Loss[] {LogLoss.INSTANCE, SquaredLoss.INSTANCE}) {
            MiniBatchGradient sums = new MiniBatchGradient(loss, 3, true);
            cache.addTo(sums, parameters, 1, 4, null, loss);
            double[] gradient = new double[4];
            double[] weightSum = new double[4];
            double totalWeight = 0;
            double lossSum = 0;
            for (int r = 1; r < 4; r++) {
                double margin = parameters[3];
                for (int j = 0; j < 3; j++) {
                    margin += x[r][j] * parameters[j];
                }
                totalWeight += w[r];
                lossSum += w[r] * loss.loss(y[r], margin);
                double g = w[r] * loss.derivative(y[r], margin);
                for (int j = 0; j < 3; j++) {
                    gradient[j] += g * x[r][j];
                    // Sparse rows (odd r) only count the coordinates they store.
                    weightSum[j] += r % 2 == 0 || x[r][j] != 0 ? w[r] : 0;
                }
                gradient[3] += g;
                weightSum[3] += w[r];
            }
            assertArrayEquals(gradient, sums.gradientSum(), 1e-15);
            assertArrayEquals(weightSum, sums.weightSum(), 1e-15);
            assertEquals(totalWeight, sums.totalWeight(), 1e-15);
            assertEquals(lossSum, sums.lossSum(), 1e-15);
            assertEquals(3, sums.count());
        }
        assertEquals(5.0, cache.totalWeight());
    }

    @Test
    void testRowsOfOtherSizesAreKeptApartAndSelectedBySize() throws Exception {
        // The first row has the odd size: the rows of size 3 must still all be found.
        TrainingCache cache = new TrainingCache();
        cache.addDense(new double[] {9, 9}, 1, 1);
        cache.addDense(new double[] {1, 2, 3}, 0, 2);
        cache.addSparse(3, new int[] {1}, new double[] {5}, 1, 3);
        TrainingCache later = new TrainingCache();
        later.addDense(new double[] {4, 5, 6}, 1, 4);
        later.addSparse(7, new int[] {6}, new double[] {1}, 0, 5);
        cache.append(later);

        TypeSerializer<TrainingCache> serializer =
                TrainingCache.TYPE.createSerializer(new ExecutionConfig());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(cache, out);
        TrainingCache restored =
                serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertArrayEquals(new int[] {2, 3, 7}, restored.sizes().sizes);
        assertArrayEquals(new long[] {1, 3, 1}, restored.sizes().rows);
        assertEquals(3, restored.sizes().mostCommon());
        TrainingCache ofThree = restored.rowsOfSize(3);
        assertEquals(3, ofThree.dim());
        assertEquals(3, ofThree.numRows());
        assertEquals(2 + 3 + 4, ofThree.totalWeight());
        // Σw·y and the gradient at zero see exactly the three rows of size 3, in order.
        assertEquals(3 + 4, ofThree.weightedLabelSum());
        MiniBatchGradient sums = new MiniBatchGradient(SquaredLoss.INSTANCE, 3, false);
        ofThree.addTo(sums, new double[3], null, SquaredLoss.INSTANCE);
        // Squared loss at zero: gradient −Σ w·y·x.
        assertArrayEquals(
                new double[] {-(3 * 0 + 4 * 1 * 4), -(3 * 5 + 4 * 5), -(4 * 6)},
                sums.gradientSum(),
                0);
        assertEquals(0, restored.rowsOfSize(5).numRows());
    }

    /** A cache of mixed rows, half dense and half sparse (the zeros left out). */
    private static TrainingCache mixedCache(double[][] x, double[] y, double[] w) {
        TrainingCache cache = new TrainingCache();
        for (int r = 0; r < x.length; r++) {
            if (r % 2 == 0) {
                cache.addDense(x[r], y[r], w[r]);
            } else {
                double[] row = x[r];
                int[] indices = IntStream.range(0, row.length).filter(j -> row[j] != 0).toArray();
                double[] values = new double[indices.length];
                for (int k = 0; k < indices.length; k++) {
                    values[k] = row[indices[k]];
                }
                cache.addSparse(x[r].length, indices, values, y[r], w[r]);
            }
        }
        return cache;
    }

    @Test
    void testSerializedAppendedAndReplayedRowsGiveTheDirectGradientAndPredictions()
            throws Exception {
        double[][] x = {{1, 0, 2}, {0, 0, -1}, {3, 4, 0}, {0.5, -2, 1}, {0, 1, 0}};
        double[] y = {1, 0, 1, 0, 1};
        double[] w = {1, 2, 0.5, 1.5, 1};
        double[] parameters = {0.3, -0.2, 0.1, 0.05};
        // Oracle: the same rows straight into the gradient kernel, dense, in order.
        MiniBatchGradient direct = new MiniBatchGradient(LogLoss.INSTANCE, 3, true);
        double[] probabilities = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            direct.addDense(x[r], y[r], w[r], parameters);
            double margin = parameters[3];
            for (int j = 0; j < 3; j++) {
                margin += x[r][j] * parameters[j];
            }
            probabilities[r] = 1 / (1 + Math.exp(-margin));
        }

        // Split in two caches (each mixing dense and sparse rows), one through the serializer,
        // then appended back together.
        double[][] head = Arrays.copyOfRange(x, 0, 3);
        double[][] tail = Arrays.copyOfRange(x, 3, 5);
        TrainingCache first =
                mixedCache(head, Arrays.copyOfRange(y, 0, 3), Arrays.copyOfRange(w, 0, 3));
        TrainingCache second =
                mixedCache(tail, Arrays.copyOfRange(y, 3, 5), Arrays.copyOfRange(w, 3, 5));
        TypeSerializer<TrainingCache> serializer =
                TrainingCache.TYPE.createSerializer(new ExecutionConfig());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(second, out);
        TrainingCache read =
                serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        TrainingCache joined = new TrainingCache();
        joined.append(serializer.copy(first));
        joined.append(read);
        assertEquals(x.length, joined.numRows());

        MiniBatchGradient replayed = new MiniBatchGradient(LogLoss.INSTANCE, 3, true);
        SliceEvaluation evaluation = new SliceEvaluation(true);
        joined.addTo(replayed, parameters, evaluation, LogLoss.INSTANCE);
        assertArrayEquals(direct.gradientSum(), replayed.gradientSum(), 1e-15);
        assertEquals(direct.lossSum(), replayed.lossSum(), 1e-15);
        assertEquals(direct.totalWeight(), replayed.totalWeight(), 0);
        // The summary of the predictions equals the metrics of the predictions themselves.
        BinaryClassificationMetrics expected = BinaryClassificationMetrics.of(probabilities, y, w);
        assertEquals(x.length, evaluation.rows());
        assertEquals(expected.logLoss(), evaluation.classification().logLoss(), 1e-15);
        assertEquals(expected.totalWeight(), evaluation.totalWeight(), 0);
        double squaredErrors = 0;
        for (int i = 0; i < y.length; i++) {
            squaredErrors += (probabilities[i] - y[i]) * (probabilities[i] - y[i]);
        }
        assertEquals(squaredErrors / y.length, evaluation.squaredErrors().mean(), 1e-15);
    }
}
