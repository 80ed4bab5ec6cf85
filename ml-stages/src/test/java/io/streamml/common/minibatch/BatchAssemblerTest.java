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
package io.streamml.common.minibatch;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Tests {@link BatchAssembler}: which slices of which subtasks form each mini-batch. */
class BatchAssemblerTest {
    private static Slice<String> slice(int subtask, String content) {
        return Slice.closed(subtask, 0, 0, Long.MAX_VALUE, content);
    }

    private static Slice<String> window(int subtask, long start, long end, String content) {
        return Slice.closed(subtask, start, end, end, content);
    }

    private static Slice<String> progress(int subtask, long lowMark) {
        return Slice.marker(Slice.PROGRESS, subtask, lowMark);
    }

    private static String contents(List<Slice<String>> batch) {
        return batch.stream().map(s -> s.content).collect(Collectors.joining(","));
    }

    @Test
    void testShareSpreadsTheRemainderOverTheFirstSubtasks() {
        long[] shares = new long[4];
        long total = 0;
        for (int s = 0; s < 4; s++) {
            shares[s] = SliceCutter.share(10, s, 4);
            total += shares[s];
        }
        assertEquals(10, total);
        assertEquals(3, shares[0]);
        assertEquals(3, shares[1]);
        assertEquals(2, shares[2]);
        assertEquals(2, shares[3]);
        assertEquals(1, SliceCutter.share(2, 3, 4)); // at least one row
    }

    @Test
    void testCountBatchIsEachSubtasksNextSliceInSubtaskOrder() {
        BatchAssembler<String> assembler = new BatchAssembler<>(3, false, 1000);
        assembler.add(slice(2, "c0"), 0);
        assembler.add(slice(0, "a0"), 0);
        assembler.add(slice(0, "a1"), 0);
        assertNull(assembler.next(10)); // subtask 1 has not delivered batch 0
        assembler.add(slice(1, "b0"), 20);
        assertEquals("a0,b0,c0", contents(assembler.next(20)));
        assertNull(assembler.next(20)); // batch 1 has only a1 so far
        assembler.add(slice(2, "c1"), 30);
        assembler.add(slice(1, "b1"), 30);
        assertEquals("a1,b1,c1", contents(assembler.next(30)));
        assertNull(assembler.next(30));
    }

    @Test
    void testPiecesSentAheadJoinTheirSlicesBatch() {
        BatchAssembler<String> assembler = new BatchAssembler<>(2, false, 1000);
        assembler.add(Slice.part(0, "a0-piece"), 0);
        assembler.add(slice(0, "a0"), 0);
        assembler.add(Slice.part(0, "a1-piece"), 0);
        assertNull(assembler.next(0)); // subtask 1 has no closed slice yet
        assembler.add(Slice.part(1, "b0-piece"), 0);
        assertNull(assembler.next(0));
        assembler.add(slice(1, "b0"), 0);
        assertEquals("a0-piece,a0,b0-piece,b0", contents(assembler.next(0)));
        assertNull(assembler.next(0)); // a1's piece waits for a1
        assembler.add(slice(0, "a1"), 0);
        assembler.add(slice(1, "b1"), 0);
        assertEquals("a1-piece,a1,b1", contents(assembler.next(0)));
    }

    @Test
    void testIdleAndEndedSubtasksDoNotStallCountBatches() {
        BatchAssembler<String> assembler = new BatchAssembler<>(3, false, 1000);
        assembler.add(Slice.marker(Slice.IDLE, 1, 0), 0);
        assembler.add(Slice.marker(Slice.END, 2, Long.MAX_VALUE), 0);
        assembler.add(slice(0, "a0"), 0);
        assertEquals("a0", contents(assembler.next(0)));
        // A slice from the idle subtask makes it a member again; subtask 0 was never idle.
        assembler.add(slice(1, "b0"), 5);
        assembler.add(slice(1, "b1"), 5);
        assertNull(assembler.next(5));
        assembler.add(slice(0, "a1"), 6);
        assertEquals("a1,b0", contents(assembler.next(6)));
        assertNull(assembler.next(6));
    }

    @Test
    void testCountBatchClosesWithoutAStragglerAfterMaxBatchDelay() {
        BatchAssembler<String> assembler = new BatchAssembler<>(2, false, 100);
        assembler.add(slice(0, "a0"), 1000);
        assertEquals(1100, assembler.deadline());
        assertNull(assembler.next(1099));
        assertEquals("a0", contents(assembler.next(1100)));
        assertEquals(-1, assembler.deadline());
        // The straggler's slice joins the next batch.
        assembler.add(slice(1, "b0"), 1200);
        assembler.add(slice(0, "a1"), 1201);
        assertEquals("a1,b0", contents(assembler.next(1201)));
    }

    @Test
    void testEventTimeWindowClosesOnTheLowestLowMark() {
        BatchAssembler<String> assembler = new BatchAssembler<>(2, true, 100);
        assembler.add(window(1, 100, 200, "b[100,200)"), 0);
        assembler.add(window(0, 0, 100, "a[0,100)"), 0);
        assembler.add(progress(0, 250), 0);
        assertNull(assembler.next(0)); // subtask 1 could still send a slice of [0, 100)
        assembler.add(progress(1, 98), 0);
        assertNull(assembler.next(0));
        assembler.add(progress(1, 99), 0);
        List<Slice<String>> first = assembler.next(0);
        assertEquals("a[0,100)", contents(first));
        assertEquals(100, BatchAssembler.timestamp(first));
        assertNull(assembler.next(0));
        assembler.add(window(0, 100, 200, "a[100,200)"), 0);
        assembler.add(progress(1, 199), 0);
        assertEquals("a[100,200),b[100,200)", contents(assembler.next(0)));
        // Nothing pending; an idle subtask does not hold the next window back.
        assembler.add(window(0, 300, 400, "a[300,400)"), 0);
        assembler.add(progress(0, 399), 0);
        assertNull(assembler.next(0));
        assembler.add(Slice.marker(Slice.IDLE, 1, 199), 0);
        assertEquals("a[300,400)", contents(assembler.next(0)));
    }

    @Test
    void testSessionsThatOverlapAcrossSubtasksFormOneBatch() {
        BatchAssembler<String> assembler = new BatchAssembler<>(3, true, 100);
        assembler.add(window(0, 0, 50, "a[0,50)"), 0);
        assembler.add(window(1, 40, 90, "b[40,90)"), 0);
        assembler.add(window(2, 85, 130, "c[85,130)"), 0);
        assembler.add(window(0, 200, 250, "a[200,250)"), 0);
        assembler.add(progress(0, 300), 0);
        assembler.add(progress(1, 300), 0);
        assembler.add(progress(2, 128), 0);
        assertNull(assembler.next(0)); // the chain reaches 130 through subtask 2
        assembler.add(progress(2, 129), 0);
        List<Slice<String>> session = assembler.next(0);
        assertEquals("a[0,50),b[40,90),c[85,130)", contents(session));
        assertEquals(130, BatchAssembler.timestamp(session));
        assertNull(assembler.next(0));
        assembler.add(progress(2, 249), 0);
        assertEquals("a[200,250)", contents(assembler.next(0)));
    }

    @Test
    void testRestoreContinuesTheSameBatches() {
        BatchAssembler<String> assembler = new BatchAssembler<>(2, false, 100);
        assembler.add(slice(0, "a0"), 0);
        assembler.add(slice(0, "a1"), 0);
        assembler.add(Slice.marker(Slice.END, 1, Long.MAX_VALUE), 0);
        BatchAssembler<String> restored = new BatchAssembler<>(2, false, 100);
        restored.restore(assembler.pending(), assembler.subtaskStatus(), 50);
        assertEquals("a0", contents(restored.next(50)));
        assertEquals("a1", contents(restored.next(50)));
        assertNull(restored.next(50));
    }
}
