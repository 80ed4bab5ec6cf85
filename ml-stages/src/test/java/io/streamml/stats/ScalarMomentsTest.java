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

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link ScalarMoments} against two-pass statistics. */
class ScalarMomentsTest {
    @Test
    void testMomentsOfAnySplitEqualTwoPassStatistics() {
        Random random = new Random(3);
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1e6 + random.nextGaussian(); // a large mean, a small spread
        }
        double mean = 0;
        for (double value : values) {
            mean += value / values.length;
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        for (int cut : new int[] {0, 1, 500, 999, 1000}) {
            ScalarMoments first = new ScalarMoments();
            ScalarMoments second = new ScalarMoments();
            for (int i = 0; i < values.length; i++) {
                (i < cut ? first : second).add(values[i]);
            }
            ScalarMoments merged = first.merge(second);
            assertEquals(values.length, merged.count());
            assertEquals(mean, merged.mean(), 1e-8);
            assertEquals(squares, merged.squaredDeviations(), 1e-6 * squares);
        }
    }

    @Test
    void testEmptyAndRoundTrip() throws IOException {
        assertTrue(Double.isNaN(new ScalarMoments().mean()));
        ScalarMoments moments = new ScalarMoments().add(1).add(4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        moments.writeTo(new DataOutputStream(bytes));
        ScalarMoments read =
                ScalarMoments.readFrom(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(2, read.count());
        assertEquals(2.5, read.mean(), 0);
        assertEquals(4.5, read.squaredDeviations(), 0);
    }

    @Test
    void testRejectsInvalidMoments() {
        assertThrows(IllegalArgumentException.class, () -> new ScalarMoments(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScalarMoments(2, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScalarMoments(2, 0, -1));
    }
}
