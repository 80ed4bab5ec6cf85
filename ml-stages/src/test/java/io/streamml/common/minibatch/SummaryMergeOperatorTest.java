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

import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Snapshot and restore of {@link SummaryMergeOperator}, the coordinator of model-free learners: a
 * restored operator must emit exactly the batches an uninterrupted one does.
 */
class SummaryMergeOperatorTest {
    private static final TypeInformation<double[]> SUMS =
            PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO;

    /** Sums of numbers: the simplest mergeable summary. */
    private static final class Sums implements BatchAccumulator<Double, double[]> {
        @Override
        public double[] create() {
            return new double[1];
        }

        @Override
        public void add(double[] sums, Double value) {
            sums[0] += value;
        }

        @Override
        public void merge(double[] into, double[] from) {
            into[0] += from[0];
        }
    }

    private static OneInputStreamOperatorTestHarness<Slice<double[]>, Tuple2<double[], Long>>
            harness() throws Exception {
        return new OneInputStreamOperatorTestHarness<>(
                new SummaryMergeOperator<>(new Sums(), SUMS, 2, false, 60_000));
    }

    private static StreamRecord<Slice<double[]>> slice(int subtask, double sum, long timestamp) {
        return new StreamRecord<>(Slice.closed(subtask, 0, 0, timestamp, new double[] {sum}));
    }

    private static List<double[]> batches(
            OneInputStreamOperatorTestHarness<Slice<double[]>, Tuple2<double[], Long>> harness) {
        List<double[]> batches = new ArrayList<>();
        for (Object record : harness.getOutput()) {
            @SuppressWarnings("unchecked")
            Tuple2<double[], Long> batch =
                    ((StreamRecord<Tuple2<double[], Long>>) record).getValue();
            batches.add(new double[] {batch.f0[0], batch.f1});
        }
        return batches;
    }

    @Test
    void testRestoredOperatorEmitsTheSameBatches() throws Exception {
        OperatorSubtaskState snapshot;
        List<double[]> beforeFailure;
        try (OneInputStreamOperatorTestHarness<Slice<double[]>, Tuple2<double[], Long>> first =
                harness()) {
            first.open();
            first.processElement(slice(1, 2.0, 10));
            first.processElement(slice(0, 1.0, 20));
            first.processElement(slice(0, 4.0, 30)); // batch 1 waits for subtask 1
            first.processElement(Slice.marker(Slice.END, 0, Long.MAX_VALUE), 0);
            snapshot = first.snapshot(1, 100);
            beforeFailure = batches(first);
        }
        assertEquals(1, beforeFailure.size());
        assertArrayEquals(new double[] {3.0, 20}, beforeFailure.get(0), 0);

        try (OneInputStreamOperatorTestHarness<Slice<double[]>, Tuple2<double[], Long>> restored =
                harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(slice(1, 8.0, 5));
            // Subtask 0 ended after its slice 1, so batch 2 is subtask 1's alone.
            restored.processElement(slice(1, 16.0, 50));
            List<double[]> afterRestore = batches(restored);
            assertEquals(2, afterRestore.size());
            assertArrayEquals(new double[] {12.0, 30}, afterRestore.get(0), 0);
            assertArrayEquals(new double[] {16.0, 50}, afterRestore.get(1), 0);
        }
    }
}
