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
package io.streamml.evaluation.metrics;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;

import static io.streamml.evaluation.metrics.BinaryClassificationMetricsTest.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link BinaryClassificationAccumulator}: merging, serialization and validation. */
class BinaryClassificationAccumulatorTest {

    private static final int SIZE = 500;

    private final double[] scores = new double[SIZE];
    private final double[] labels = new double[SIZE];
    private final double[] weights = new double[SIZE];

    BinaryClassificationAccumulatorTest() {
        Random random = new Random(11);
        for (int i = 0; i < SIZE; i++) {
            labels[i] = random.nextInt(3) == 0 ? 1 : 0;
            scores[i] = Math.min(1, random.nextInt(8) / 8.0 + 0.2 * labels[i]);
            weights[i] = random.nextInt(4) * 0.5;
        }
    }

    /** Mann–Whitney AUC of the rows {@code [0, n)}, pairwise. */
    private double pairwiseAuc(int n) {
        double favourable = 0;
        double positives = 0;
        double negatives = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] == 1) {
                positives += weights[i];
                for (int j = 0; j < n; j++) {
                    if (labels[j] == 0) {
                        double pair = weights[i] * weights[j];
                        favourable += scores[i] > scores[j] ? pair : 0;
                        favourable += scores[i] == scores[j] ? pair / 2 : 0;
                    }
                }
            } else {
                negatives += weights[i];
            }
        }
        return favourable / (positives * negatives);
    }

    @Test
    void testMergedPartsEqualTheWhole() {
        // Uneven parts, one of them empty, as parallel subtasks would produce.
        int[] boundaries = {0, 7, 7, 190, 420, SIZE};
        BinaryClassificationAccumulator merged = new BinaryClassificationAccumulator();
        for (int part = 0; part + 1 < boundaries.length; part++) {
            BinaryClassificationAccumulator partial = new BinaryClassificationAccumulator();
            for (int i = boundaries[part]; i < boundaries[part + 1]; i++) {
                partial.add(scores[i], labels[i], weights[i]);
            }
            merged.merge(partial);
        }
        assertEquals(SIZE, merged.size());
        BinaryClassificationMetrics fromMerged = merged.metrics();
        BinaryClassificationMetrics whole = BinaryClassificationMetrics.of(scores, labels, weights);
        assertEquals(pairwiseAuc(SIZE), fromMerged.areaUnderROC(), 1e-12);
        assertEquals(whole.areaUnderPR(), fromMerged.areaUnderPR(), 1e-12);
        assertEquals(whole.logLoss(), fromMerged.logLoss(), 1e-12);
        assertEquals(whole.f1(0.5), fromMerged.f1(0.5), 1e-12);
        double totalWeight = 0;
        for (double weight : weights) {
            totalWeight += weight;
        }
        assertEquals(totalWeight, fromMerged.totalWeight(), 1e-9);
    }

    @Test
    void testMetricsCanBeTakenRepeatedlyWhileAdding() {
        BinaryClassificationAccumulator accumulator = new BinaryClassificationAccumulator();
        for (int i = 0; i < SIZE; i++) {
            accumulator.add(scores[i], labels[i], weights[i]);
            if (i == 99 || i == SIZE - 1) {
                assertEquals(pairwiseAuc(i + 1), accumulator.metrics().areaUnderROC(), 1e-12);
            }
        }
    }

    @Test
    void testSurvivesSerializationAndKeepsAccumulating()
            throws IOException, ClassNotFoundException {
        BinaryClassificationAccumulator accumulator = new BinaryClassificationAccumulator();
        for (int i = 0; i < SIZE / 2; i++) {
            accumulator.add(scores[i], labels[i], weights[i]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(accumulator);
        }
        BinaryClassificationAccumulator restored;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            restored = (BinaryClassificationAccumulator) in.readObject();
        }
        for (int i = SIZE / 2; i < SIZE; i++) {
            restored.add(scores[i], labels[i], weights[i]);
        }
        assertEquals(pairwiseAuc(SIZE), restored.metrics().areaUnderROC(), 1e-12);
    }

    @Test
    void testClearForgetsEverything() {
        BinaryClassificationAccumulator accumulator = new BinaryClassificationAccumulator();
        accumulator.add(0.9, 1).add(0.1, 0);
        accumulator.clear();
        assertEquals(0, accumulator.size());
        assertTrue(Double.isNaN(accumulator.metrics().areaUnderROC()));
        accumulator.add(0.2, 1).add(0.8, 0);
        assertEquals(0.0, accumulator.metrics().areaUnderROC(), 0);
    }

    @Test
    void testInvalidSamplesAreRejectedWhenAdded() {
        BinaryClassificationAccumulator accumulator = new BinaryClassificationAccumulator();
        accumulator.add(0.5, 1);
        assertMessageContains("label at index 1 is 3.0", () -> accumulator.add(0.5, 3));
        assertMessageContains("score at index 1 is NaN", () -> accumulator.add(Double.NaN, 0));
        assertMessageContains("weight at index 1 is -2.0", () -> accumulator.add(0.5, 0, -2));
        assertEquals(1, accumulator.size());
    }
}
