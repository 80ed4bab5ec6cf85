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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tests {@link ExactSum} against BigDecimal arithmetic. */
class ExactSumTest {

    @Test
    void testEqualsBigDecimalSumOverWideRanges() {
        Random random = new Random(12);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            double magnitude = Math.pow(10, random.nextInt(40) - 20);
            values.add((random.nextBoolean() ? 1 : -1) * random.nextDouble() * magnitude);
        }
        values.add(Double.MIN_VALUE);
        values.add(-Double.MAX_VALUE / 4);
        values.add(Double.MAX_VALUE / 4);
        values.add(1e300);
        BigDecimal expected = BigDecimal.ZERO;
        ExactSum sum = new ExactSum();
        for (double v : values) {
            expected = expected.add(new BigDecimal(v));
            sum.add(v);
        }
        assertEquals(0, expected.compareTo(sum.toBigDecimal()));
    }

    @Test
    void testOrderAndSplitDoNotMatter() {
        Random random = new Random(13);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            values.add(1e9 + random.nextGaussian());
        }
        ExactSum forward = new ExactSum();
        values.forEach(forward::add);
        Collections.shuffle(values, random);
        ExactSum[] parts = {new ExactSum(), new ExactSum(), new ExactSum()};
        for (int i = 0; i < values.size(); i++) {
            parts[i % 3].add(values.get(i));
        }
        parts[2].add(parts[0]);
        parts[2].add(parts[1]);
        assertEquals(0, forward.toBigDecimal().compareTo(parts[2].toBigDecimal()));
    }

    @Test
    void testCancellationToZeroAndNegativeTotals() {
        ExactSum sum = new ExactSum();
        sum.add(1e20);
        sum.add(3.5);
        sum.add(-1e20);
        assertEquals(0, new BigDecimal("3.5").compareTo(sum.toBigDecimal()));
        sum.add(-10);
        assertEquals(0, new BigDecimal("-6.5").compareTo(sum.toBigDecimal()));
        sum.add(6.5);
        assertEquals(0, BigDecimal.ZERO.compareTo(sum.toBigDecimal()));
    }
}
