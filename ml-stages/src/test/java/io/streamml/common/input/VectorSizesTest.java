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

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests {@link VectorSizes} against counts written out here. */
class VectorSizesTest {

    @Test
    void testCountsMergeAndTheMostCommonSize() {
        VectorSizes first = new VectorSizes();
        first.add(5, 1);
        first.add(3, 2);
        VectorSizes second = new VectorSizes();
        second.add(3, 1);
        second.add(7, 4);
        first.merge(second);

        assertArrayEquals(new int[] {3, 5, 7}, first.sizes);
        assertArrayEquals(new long[] {3, 1, 4}, first.rows);
        assertEquals(7, first.mostCommon());
        assertEquals(4, first.rowsOf(7));
        assertEquals(0, first.rowsOf(4));
        assertEquals(4, first.rowsOtherThan(7));
        assertEquals("3 of size 3, 1 of size 5", first.describeOtherThan(7));
    }

    @Test
    void testATieGoesToTheSmallerSizeAndEmptyHasNone() {
        VectorSizes sizes = new VectorSizes();
        assertTrue(sizes.isEmpty());
        assertEquals(-1, sizes.mostCommon());
        sizes.add(9, 2);
        sizes.add(4, 2);
        assertEquals(4, sizes.mostCommon());
        // A copy is independent.
        VectorSizes copy = sizes.copy();
        copy.add(9, 1);
        assertEquals(4, sizes.mostCommon());
        assertEquals(9, copy.mostCommon());
    }
}
