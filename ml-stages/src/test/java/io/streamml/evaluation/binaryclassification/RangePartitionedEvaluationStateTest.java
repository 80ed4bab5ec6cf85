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
package io.streamml.evaluation.binaryclassification;

import io.streamml.evaluation.metrics.ScoreRangeSummary;
import io.streamml.testutil.RankingOracle;

import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.apache.flink.types.Row;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Snapshot and restore of the steps of {@link RangePartitionedEvaluation} that hold data: a step
 * restored from a snapshot taken mid-input, fed the rest, gives what the whole input gives.
 */
class RangePartitionedEvaluationStateTest {
    private static final int N = 3000;

    private final double[] scores = new double[N];
    private final double[] labels = new double[N];
    private final double[] weights = new double[N];

    RangePartitionedEvaluationStateTest() {
        Random random = new Random(6);
        for (int i = 0; i < N; i++) {
            scores[i] = random.nextInt(200) / 199.0;
            labels[i] = random.nextInt(2);
            weights[i] = 0.5 + random.nextInt(3);
        }
    }

    private static OneInputStreamOperatorTestHarness<Row, ScoreTally> tallyHarness()
            throws Exception {
        RangePartitionedEvaluation.SampleReader reader =
                (histogram, row) ->
                        histogram.add(
                                (Double) row.getField(0),
                                (Double) row.getField(1),
                                (Double) row.getField(2));
        return new OneInputStreamOperatorTestHarness<>(
                new RangePartitionedEvaluation.TallyScores(reader));
    }

    @Test
    void testScoresTalliedAcrossARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (OneInputStreamOperatorTestHarness<Row, ScoreTally> first = tallyHarness()) {
            first.open();
            for (int i = 0; i < N / 3; i++) {
                first.processElement(Row.of(scores[i], labels[i], weights[i]), 0);
            }
            snapshot = first.snapshot(1, 100);
        }
        List<ScoreTally> tallies;
        try (OneInputStreamOperatorTestHarness<Row, ScoreTally> restored = tallyHarness()) {
            restored.initializeState(snapshot);
            restored.open();
            for (int i = N / 3; i < N; i++) {
                restored.processElement(Row.of(scores[i], labels[i], weights[i]), 0);
            }
            restored.endInput();
            tallies = restored.extractOutputValues();
            // One sample of the distinct scores, each standing for one.
            assertEquals(1, restored.getSideOutput(RangePartitionedEvaluation.SAMPLES).size());
        }
        // Per distinct score, the weights of all rows, summed here.
        TreeMap<Double, double[]> expected = new TreeMap<>();
        for (int i = 0; i < N; i++) {
            expected.computeIfAbsent(scores[i], s -> new double[2])[labels[i] == 1 ? 0 : 1] +=
                    weights[i];
        }
        assertEquals(expected.size(), tallies.size());
        int k = 0;
        for (double score : expected.keySet()) {
            ScoreTally tally = tallies.get(k++);
            assertEquals(score, tally.score);
            assertArrayEquals(
                    expected.get(score), new double[] {tally.positive, tally.negative}, 1e-9);
        }
    }

    private static TwoInputStreamOperatorTestHarness<
                    ScoreTally, Tuple2<double[], double[]>, Tuple2<Integer, ScoreRangeSummary>>
            sweepHarness(RangePartitionedEvaluation.Sweep sweep) throws Exception {
        return new TwoInputStreamOperatorTestHarness<>(sweep);
    }

    @Test
    void testRangeSweptAcrossARestore() throws Exception {
        // Two "subtasks" of tallies of range 0 (the harness's one subtask), equal scores in both.
        List<ScoreTally> tallies = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            tallies.add(
                    new ScoreTally(
                            0,
                            i % 2,
                            scores[i],
                            labels[i] == 1 ? weights[i] : 0,
                            labels[i] == 1 ? 0 : weights[i]));
        }
        OperatorSubtaskState snapshot;
        try (TwoInputStreamOperatorTestHarness<
                        ScoreTally, Tuple2<double[], double[]>, Tuple2<Integer, ScoreRangeSummary>>
                first = sweepHarness(new RangePartitionedEvaluation.Sweep(0.5))) {
            first.open();
            for (ScoreTally tally : tallies.subList(0, N / 2)) {
                first.processElement1(tally, 0);
            }
            snapshot = first.snapshot(1, 100);
        }
        RangePartitionedEvaluation.Sweep sweep = new RangePartitionedEvaluation.Sweep(0.5);
        try (TwoInputStreamOperatorTestHarness<
                        ScoreTally, Tuple2<double[], double[]>, Tuple2<Integer, ScoreRangeSummary>>
                restored = sweepHarness(sweep)) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement2(Tuple2.of(new double[] {0}, new double[] {0}), 0);
            for (ScoreTally tally : tallies.subList(N / 2, N)) {
                restored.processElement1(tally, 0);
            }
            sweep.endInput(2);
            sweep.endInput(1);
            List<Tuple2<Integer, ScoreRangeSummary>> output = restored.extractOutputValues();
            assertEquals(1, output.size());
            ScoreRangeSummary summary = output.get(0).f1;
            assertEquals(
                    RankingOracle.areaUnderRoc(scores, labels, weights),
                    summary.areaUnderROC(),
                    1e-12);
            assertEquals(
                    RankingOracle.averagePrecision(scores, labels, weights),
                    summary.areaUnderPR(),
                    1e-12);
        }
    }
}
