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

import io.streamml.common.input.BadDataException;
import io.streamml.common.serialization.SelfSerializingCodec;
import io.streamml.evaluation.metrics.ScoreHistogram;
import io.streamml.evaluation.metrics.ScoreRangeSummary;
import io.streamml.evaluation.metrics.ScoreRanges;

import org.apache.flink.api.common.functions.Partitioner;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.types.Row;
import org.apache.flink.util.OutputTag;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Exact binary classification metrics of a bounded stream with the work spread over the subtasks,
 * as Flink ML 2.3's evaluator: the rows are range-partitioned by score and each range is swept
 * where it lands; only a few numbers per subtask reach a single task.
 *
 * <ol>
 *   <li>{@code .scores} (where the rows are): the weight of positives and negatives per distinct
 *       score of the subtask's rows ({@link ScoreHistogram}), sent on as one tally per score, and a
 *       sample of {@value #SAMPLES_PER_SUBTASK} evenly spaced distinct scores.
 *   <li>{@code .boundaries} (one task): range boundaries at the weighted quantiles of the samples,
 *       one range per subtask ({@link ScoreRanges}), broadcast.
 *   <li>{@code .route}: each tally gets its range; per subtask, the weights of positives and
 *       negatives per range go to {@code .offsets} (one task), which broadcasts the totals of the
 *       ranges above each range.
 *   <li>{@code .sweep}, one subtask per range: the range's tallies, sorted by decreasing score,
 *       swept with those totals into a {@link ScoreRangeSummary}.
 *   <li>{@code .merge} (one task): the summaries added in range order, turned into the metrics row.
 * </ol>
 *
 * <p>Equal scores share a tally per subtask and a range, so ties stay together wherever they come
 * from, and a range never holds more than one tally per subtask and distinct score (a stream of one
 * score lands in one range as at most one tally per subtask). What reaches parallelism 1 is O(p ·
 * {@value #SAMPLES_PER_SUBTASK}) samples, O(p²) range totals and p summaries for p subtasks. Every
 * step sorts or adds in an order fixed by subtask indexes and scores, so a result depends only on
 * which rows each subtask reads and in what order.
 */
final class RangePartitionedEvaluation {
    /** Distinct scores each subtask samples to place the range boundaries. */
    static final int SAMPLES_PER_SUBTASK = 256;

    private static final TypeInformation<double[]> DOUBLES =
            PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO;

    /** A subtask's sampled scores and how many distinct scores each stands for. */
    static final TypeInformation<Tuple3<Integer, double[], Double>> SAMPLE_TYPE =
            new TupleTypeInfo<>(Types.INT, DOUBLES, Types.DOUBLE);

    /** A subtask's weights of positives and of negatives per range. */
    static final TypeInformation<Tuple3<Integer, double[], double[]>> TOTALS_TYPE =
            new TupleTypeInfo<>(Types.INT, DOUBLES, DOUBLES);

    /** The weights of positives and of negatives in the ranges above each range. */
    private static final TypeInformation<Tuple2<double[], double[]>> OFFSETS_TYPE =
            new TupleTypeInfo<>(DOUBLES, DOUBLES);

    private static final TypeInformation<ScoreRanges> RANGES_TYPE =
            SelfSerializingCodec.typeOf(ScoreRanges.class);

    static final TypeInformation<Tuple2<Integer, ScoreRangeSummary>> SUMMARY_TYPE =
            new TupleTypeInfo<>(Types.INT, SelfSerializingCodec.typeOf(ScoreRangeSummary.class));

    static final OutputTag<Tuple3<Integer, double[], Double>> SAMPLES =
            new OutputTag<>("scoreSamples", SAMPLE_TYPE);

    private static final OutputTag<Tuple3<Integer, double[], double[]>> TOTALS =
            new OutputTag<>("rangeTotals", TOTALS_TYPE);

    private RangePartitionedEvaluation() {}

    /** Reads one row's sample into a histogram; throws a clear error for a row it cannot use. */
    interface SampleReader extends Serializable {
        void addTo(ScoreHistogram histogram, Row row);
    }

    /** Turns the merged summary into the metrics row. */
    interface ResultRow extends Serializable {
        Row of(ScoreRangeSummary summary);
    }

    static DataStream<Row> evaluate(
            String stage,
            DataStream<Row> rows,
            SampleReader reader,
            double threshold,
            ResultRow result,
            RowTypeInfo resultType) {
        int numRanges = rows.getExecutionEnvironment().getParallelism();
        SingleOutputStreamOperator<ScoreTally> tallies =
                rows.transform(stage + ".scores", ScoreTally.TYPE, new TallyScores(reader));
        DataStream<ScoreRanges> ranges =
                tallies.getSideOutput(SAMPLES)
                        .transform(stage + ".boundaries", RANGES_TYPE, new PickRanges(numRanges))
                        .setParallelism(1);
        SingleOutputStreamOperator<ScoreTally> routed =
                tallies.connect(ranges.broadcast())
                        .transform(stage + ".route", ScoreTally.TYPE, new Route(numRanges))
                        .setParallelism(tallies.getParallelism());
        DataStream<Tuple2<double[], double[]>> offsets =
                routed.getSideOutput(TOTALS)
                        .transform(stage + ".offsets", OFFSETS_TYPE, new Offsets(numRanges))
                        .setParallelism(1);
        return routed.partitionCustom(new ByRange(), new RangeOf())
                .connect(offsets.broadcast())
                .transform(stage + ".sweep", SUMMARY_TYPE, new Sweep(threshold))
                .setParallelism(numRanges)
                .transform(stage + ".merge", resultType, new Merge(stage, result))
                .setParallelism(1);
    }

    /** Step 1: tallies per distinct score and a sample of the scores. */
    static final class TallyScores extends AbstractStreamOperator<ScoreTally>
            implements OneInputStreamOperator<Row, ScoreTally>, BoundedOneInput {
        private static final long serialVersionUID = 1L;
        private final SampleReader reader;
        private transient ScoreHistogram histogram;
        private transient ListState<ScoreHistogram> state;

        TallyScores(SampleReader reader) {
            // Chained to the operator before it, so rows reach it without a network hop.
            setChainingStrategy(ChainingStrategy.ALWAYS);
            this.reader = reader;
        }

        @Override
        public void initializeState(StateInitializationContext context) throws Exception {
            super.initializeState(context);
            state =
                    context.getOperatorStateStore()
                            .getListState(
                                    new ListStateDescriptor<>(
                                            "histogram",
                                            SelfSerializingCodec.typeOf(ScoreHistogram.class)));
            histogram = new ScoreHistogram();
            for (ScoreHistogram restored : state.get()) {
                histogram.merge(restored);
            }
        }

        @Override
        public void snapshotState(StateSnapshotContext context) throws Exception {
            super.snapshotState(context);
            state.clear();
            state.add(histogram);
        }

        @Override
        public void processElement(StreamRecord<Row> record) {
            reader.addTo(histogram, record.getValue());
        }

        @Override
        public void endInput() {
            int subtask = getRuntimeContext().getIndexOfThisSubtask();
            int distinct = histogram.distinctScores();
            if (distinct == 0) {
                return;
            }
            for (int i = 0; i < distinct; i++) {
                output.collect(
                        new StreamRecord<>(
                                new ScoreTally(
                                        -1,
                                        subtask,
                                        histogram.score(i),
                                        histogram.positiveWeight(i),
                                        histogram.negativeWeight(i))));
            }
            double[] sample = histogram.evenlySpacedScores(SAMPLES_PER_SUBTASK);
            output.collect(
                    SAMPLES,
                    new StreamRecord<>(
                            Tuple3.of(subtask, sample, (double) distinct / sample.length)));
            histogram.clear();
        }
    }

    /** Step 2, in one task: the range boundaries from all subtasks' samples. */
    private static final class PickRanges extends AbstractStreamOperator<ScoreRanges>
            implements OneInputStreamOperator<Tuple3<Integer, double[], Double>, ScoreRanges>,
                    BoundedOneInput {
        private static final long serialVersionUID = 1L;
        private final int numRanges;
        private transient ListState<Tuple3<Integer, double[], Double>> samples;

        PickRanges(int numRanges) {
            this.numRanges = numRanges;
        }

        @Override
        public void initializeState(StateInitializationContext context) throws Exception {
            super.initializeState(context);
            samples =
                    context.getOperatorStateStore()
                            .getListState(new ListStateDescriptor<>("samples", SAMPLE_TYPE));
        }

        @Override
        public void processElement(StreamRecord<Tuple3<Integer, double[], Double>> record)
                throws Exception {
            samples.add(record.getValue());
        }

        @Override
        public void endInput() throws Exception {
            List<Tuple3<Integer, double[], Double>> bySubtask = inSubtaskOrder(samples.get());
            samples.clear();
            int count = bySubtask.stream().mapToInt(sample -> sample.f1.length).sum();
            double[] scores = new double[count];
            double[] weights = new double[count];
            int next = 0;
            for (Tuple3<Integer, double[], Double> sample : bySubtask) {
                for (double score : sample.f1) {
                    scores[next] = score;
                    weights[next++] = sample.f2;
                }
            }
            output.collect(new StreamRecord<>(ScoreRanges.fromSamples(scores, weights, numRanges)));
        }
    }

    /** Step 3: each tally gets its range; the per-range weights go to {@link Offsets}. */
    private static final class Route extends AbstractStreamOperator<ScoreTally>
            implements TwoInputStreamOperator<ScoreTally, ScoreRanges, ScoreTally>,
                    BoundedMultiInput {
        private static final long serialVersionUID = 1L;
        private final int numRanges;
        private transient ListState<ScoreTally> tallies;
        private transient ListState<ScoreRanges> ranges;
        private transient int endedInputs;

        Route(int numRanges) {
            this.numRanges = numRanges;
        }

        @Override
        public void initializeState(StateInitializationContext context) throws Exception {
            super.initializeState(context);
            tallies =
                    context.getOperatorStateStore()
                            .getListState(new ListStateDescriptor<>("tallies", ScoreTally.TYPE));
            ranges =
                    context.getOperatorStateStore()
                            .getUnionListState(new ListStateDescriptor<>("ranges", RANGES_TYPE));
        }

        @Override
        public void processElement1(StreamRecord<ScoreTally> record) throws Exception {
            tallies.add(record.getValue());
        }

        @Override
        public void processElement2(StreamRecord<ScoreRanges> record) throws Exception {
            ranges.update(List.of(record.getValue()));
        }

        /** Routes once both inputs ended: the boundaries follow the last tally of any subtask. */
        @Override
        public void endInput(int inputId) throws Exception {
            if (++endedInputs < 2) {
                return;
            }
            ScoreRanges boundaries = ranges.get().iterator().next();
            double[] positives = new double[numRanges];
            double[] negatives = new double[numRanges];
            for (ScoreTally tally : tallies.get()) {
                int range = boundaries.rangeOf(tally.score);
                positives[range] += tally.positive;
                negatives[range] += tally.negative;
                output.collect(new StreamRecord<>(tally.inRange(range)));
            }
            tallies.clear();
            output.collect(
                    TOTALS,
                    new StreamRecord<>(
                            Tuple3.of(
                                    getRuntimeContext().getIndexOfThisSubtask(),
                                    positives,
                                    negatives)));
        }
    }

    /** Step 3, in one task: the weights of the ranges above each range, summed in a fixed order. */
    private static final class Offsets extends AbstractStreamOperator<Tuple2<double[], double[]>>
            implements OneInputStreamOperator<
                            Tuple3<Integer, double[], double[]>, Tuple2<double[], double[]>>,
                    BoundedOneInput {
        private static final long serialVersionUID = 1L;
        private final int numRanges;
        private transient ListState<Tuple3<Integer, double[], double[]>> totals;

        Offsets(int numRanges) {
            this.numRanges = numRanges;
        }

        @Override
        public void initializeState(StateInitializationContext context) throws Exception {
            super.initializeState(context);
            totals =
                    context.getOperatorStateStore()
                            .getListState(new ListStateDescriptor<>("totals", TOTALS_TYPE));
        }

        @Override
        public void processElement(StreamRecord<Tuple3<Integer, double[], double[]>> record)
                throws Exception {
            totals.add(record.getValue());
        }

        @Override
        public void endInput() throws Exception {
            List<Tuple3<Integer, double[], double[]>> bySubtask = inSubtaskOrder(totals.get());
            totals.clear();
            double[] positives = sum(bySubtask, numRanges, total -> total.f1);
            double[] negatives = sum(bySubtask, numRanges, total -> total.f2);
            output.collect(
                    new StreamRecord<>(
                            Tuple2.of(
                                    ScoreRanges.totalsAbove(positives),
                                    ScoreRanges.totalsAbove(negatives))));
        }

        private static double[] sum(
                List<Tuple3<Integer, double[], double[]>> totals,
                int numRanges,
                Function<Tuple3<Integer, double[], double[]>, double[]> part) {
            double[] sum = new double[numRanges];
            for (Tuple3<Integer, double[], double[]> total : totals) {
                double[] values = part.apply(total);
                for (int r = 0; r < sum.length; r++) {
                    sum[r] += values[r];
                }
            }
            return sum;
        }
    }

    /** Sends a tally to the subtask of its range. */
    private static final class ByRange implements Partitioner<Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public int partition(Integer range, int numPartitions) {
            return range;
        }
    }

    private static final class RangeOf implements KeySelector<ScoreTally, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer getKey(ScoreTally tally) {
            return tally.range;
        }
    }

    /** Step 4, one subtask per range: the range's sweep. */
    static final class Sweep extends AbstractStreamOperator<Tuple2<Integer, ScoreRangeSummary>>
            implements TwoInputStreamOperator<
                            ScoreTally,
                            Tuple2<double[], double[]>,
                            Tuple2<Integer, ScoreRangeSummary>>,
                    BoundedMultiInput {
        private static final long serialVersionUID = 1L;
        private final double threshold;
        private transient ListState<ScoreTally> tallies;
        private transient ListState<Tuple2<double[], double[]>> offsets;
        private transient int endedInputs;

        Sweep(double threshold) {
            this.threshold = threshold;
        }

        @Override
        public void initializeState(StateInitializationContext context) throws Exception {
            super.initializeState(context);
            tallies =
                    context.getOperatorStateStore()
                            .getListState(new ListStateDescriptor<>("tallies", ScoreTally.TYPE));
            offsets =
                    context.getOperatorStateStore()
                            .getUnionListState(new ListStateDescriptor<>("offsets", OFFSETS_TYPE));
        }

        @Override
        public void processElement1(StreamRecord<ScoreTally> record) throws Exception {
            tallies.add(record.getValue());
        }

        @Override
        public void processElement2(StreamRecord<Tuple2<double[], double[]>> record)
                throws Exception {
            offsets.update(List.of(record.getValue()));
        }

        @Override
        public void endInput(int inputId) throws Exception {
            if (++endedInputs < 2) {
                return;
            }
            int range = getRuntimeContext().getIndexOfThisSubtask();
            List<ScoreTally> sorted = new ArrayList<>();
            for (ScoreTally tally : tallies.get()) {
                if (tally.range != range) {
                    throw new IllegalStateException(
                            "tally of range " + tally.range + " in range " + range);
                }
                sorted.add(tally);
            }
            tallies.clear();
            sorted.sort(ScoreTally.SWEEP_ORDER);
            Tuple2<double[], double[]> above = offsets.get().iterator().next();
            ScoreRangeSummary summary =
                    ScoreRangeSummary.sweep(
                            values(sorted, tally -> tally.score),
                            values(sorted, tally -> tally.positive),
                            values(sorted, tally -> tally.negative),
                            sorted.size(),
                            above.f0[range],
                            above.f1[range],
                            threshold);
            output.collect(new StreamRecord<>(Tuple2.of(range, summary)));
        }

        private static double[] values(List<ScoreTally> tallies, ToDoubleFunction<ScoreTally> f) {
            return tallies.stream().mapToDouble(f).toArray();
        }
    }

    /** Step 5, in one task: the ranges' summaries added in range order. */
    private static final class Merge extends AbstractStreamOperator<Row>
            implements OneInputStreamOperator<Tuple2<Integer, ScoreRangeSummary>, Row>,
                    BoundedOneInput {
        private static final long serialVersionUID = 1L;
        private final String stage;
        private final ResultRow result;
        private transient ListState<Tuple2<Integer, ScoreRangeSummary>> summaries;

        Merge(String stage, ResultRow result) {
            this.stage = stage;
            this.result = result;
        }

        @Override
        public void initializeState(StateInitializationContext context) throws Exception {
            super.initializeState(context);
            summaries =
                    context.getOperatorStateStore()
                            .getListState(new ListStateDescriptor<>("summaries", SUMMARY_TYPE));
        }

        @Override
        public void processElement(StreamRecord<Tuple2<Integer, ScoreRangeSummary>> record)
                throws Exception {
            summaries.add(record.getValue());
        }

        @Override
        public void endInput() throws Exception {
            ScoreRangeSummary total = null;
            for (Tuple2<Integer, ScoreRangeSummary> summary : inSubtaskOrder(summaries.get())) {
                total = total == null ? summary.f1 : total.merge(summary.f1);
            }
            summaries.clear();
            if (total == null || total.isEmpty()) {
                throw new BadDataException(stage + ": the input Table is empty.");
            }
            output.collect(new StreamRecord<>(result.of(total)));
        }
    }

    /** The records sorted by their first field, the subtask (or range) they come from. */
    private static <T extends Tuple> List<T> inSubtaskOrder(Iterable<T> records) {
        List<T> sorted = new ArrayList<>();
        records.forEach(sorted::add);
        sorted.sort(Comparator.comparing(record -> (Integer) record.getField(0)));
        return sorted;
    }
}
