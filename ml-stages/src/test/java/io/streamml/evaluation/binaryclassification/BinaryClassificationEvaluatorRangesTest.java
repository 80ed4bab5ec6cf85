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

import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.RankingOracle;
import io.streamml.testutil.RowSerializers;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.Partitioner;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.streaming.api.functions.sink.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.runtime.partitioner.CustomPartitionerWrapper;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The range-partitioned evaluation gives the metrics of one sort-and-sweep over all rows (written
 * here), at parallelism 1 and 4, for inputs that stress the ranges: heavy ties that span range
 * boundaries and subtasks, weights (some 0), subtasks that see one class or nothing, and skewed
 * scores up to a single score for every row. And no vertex that receives rows or per-score data
 * runs in one task.
 */
class BinaryClassificationEvaluatorRangesTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final String[] COLUMNS = {"label", "rawPrediction", "weight"};
    private static final RowTypeInfo ROW_TYPE =
            new RowTypeInfo(
                    new TypeInformation<?>[] {
                        Types.DOUBLE, TypeInformation.of(DenseVector.class), Types.DOUBLE
                    },
                    COLUMNS);
    private static final double THRESHOLD = 0.5;

    /** Four partitions of (score, label, weight) rows; a partition may be empty. */
    private static List<List<double[]>> partitions(String input) {
        Random random = new Random(input.hashCode());
        List<List<double[]>> partitions = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            List<double[]> rows = new ArrayList<>();
            int size = input.equals("oneClassAndEmptyPartitions") && p == 2 ? 0 : 400;
            for (int i = 0; i < size; i++) {
                double u = random.nextDouble();
                double score;
                double label = random.nextDouble() < 0.15 + 0.7 * u ? 1 : 0;
                double weight = i % 17 == 0 ? 0 : 0.5 + 0.75 * random.nextInt(4);
                switch (input) {
                    case "tiesAndWeights":
                        score = Math.round(u * 10) / 10.0; // 11 values, 0.5 among them
                        break;
                    case "oneClassAndEmptyPartitions":
                        score = Math.round(u * 20) / 20.0;
                        // Partition 0 sees only positives, partition 1 only negatives.
                        label = p == 0 ? 1 : p == 1 ? 0 : label;
                        break;
                    case "oneScore":
                        score = 0.7;
                        break;
                    case "skewed":
                        // 90% at one tiny score, the rest piled up near 0; both ends present.
                        score = i % 10 != 0 ? 0.001 : Math.pow(u, 8);
                        score = i == 10 ? 0 : i == 20 ? 1 : score;
                        weight = 1;
                        break;
                    default:
                        throw new IllegalArgumentException(input);
                }
                rows.add(new double[] {score, label, weight});
            }
            partitions.add(rows);
        }
        return partitions;
    }

    @ParameterizedTest
    @CsvSource({
        "tiesAndWeights, 1",
        "tiesAndWeights, 4",
        "oneClassAndEmptyPartitions, 1",
        "oneClassAndEmptyPartitions, 4",
        "oneScore, 1",
        "oneScore, 4",
        "skewed, 1",
        "skewed, 4"
    })
    void testEqualsOneSortAndSweepOverAllRows(String input, int parallelism) throws Exception {
        List<List<double[]>> partitions = partitions(input);
        boolean weighted = !input.equals("skewed");
        TestJob job = TestJob.withParallelism(parallelism);
        Row metrics =
                job.collect(evaluator(weighted).transform(table(job, partitions, parallelism))[0])
                        .get(0);

        List<double[]> all = new ArrayList<>();
        partitions.forEach(all::addAll);
        int n = all.size();
        double[] s = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = all.get(i)[0];
            y[i] = all.get(i)[1];
            w[i] = weighted ? all.get(i)[2] : 1;
        }
        double logLoss = 0;
        double total = 0;
        double tp = 0;
        double fp = 0;
        double tn = 0;
        double fn = 0;
        for (int i = 0; i < n; i++) {
            double p = Math.min(Math.max(s[i], 1e-15), 1 - 1e-15);
            logLoss -= w[i] * (y[i] == 1 ? Math.log(p) : Math.log(1 - p));
            total += w[i];
            boolean predicted = s[i] >= THRESHOLD;
            tp += y[i] == 1 && predicted ? w[i] : 0;
            fn += y[i] == 1 && !predicted ? w[i] : 0;
            fp += y[i] == 0 && predicted ? w[i] : 0;
            tn += y[i] == 0 && !predicted ? w[i] : 0;
        }
        double precision = tp + fp > 0 ? tp / (tp + fp) : 0;
        double recall = tp / (tp + fn);
        assertEquals(RankingOracle.areaUnderRoc(s, y, w), metric(metrics, "areaUnderROC"), 1e-12);
        assertEquals(
                RankingOracle.averagePrecision(s, y, w), metric(metrics, "areaUnderPR"), 1e-12);
        assertEquals(logLoss / total, metric(metrics, "logLoss"), 1e-12);
        assertEquals((tp + tn) / total, metric(metrics, "accuracy"), 1e-12);
        assertEquals(precision, metric(metrics, "precision"), 1e-12);
        assertEquals(recall, metric(metrics, "recall"), 1e-12);
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        assertEquals(f1, metric(metrics, "f1"), 1e-12);
        if (input.equals("oneScore")) {
            // Closed forms: every pair ties, and one threshold predicts everything 1.
            assertEquals(0.5, metric(metrics, "areaUnderROC"), 1e-12);
            double positives = tp + fn;
            assertEquals(positives / total, metric(metrics, "areaUnderPR"), 1e-12);
        }
    }

    @Test
    void testNoVertexReceivingRowsOrScoresRunsInOneTask() {
        int parallelism = 4;
        TestJob job = TestJob.withParallelism(parallelism);
        Table metrics = evaluator(true).transform(table(job, partitions("tiesAndWeights"), 4))[0];
        job.tEnv.toDataStream(metrics).addSink(new DiscardingSink<>());
        StreamGraph graph = job.env.getStreamGraph();
        // From the input rows (after the source of their indexes), along every edge whose records
        // are rows or one score's weights.
        Deque<StreamNode> toVisit = new ArrayDeque<>();
        for (Integer source : graph.getSourceIDs()) {
            for (StreamEdge edge : graph.getStreamNode(source).getOutEdges()) {
                toVisit.add(graph.getStreamNode(edge.getTargetId()));
            }
        }
        Set<Integer> visited = new HashSet<>();
        Set<String> perRowVertices = new TreeSet<>();
        while (!toVisit.isEmpty()) {
            StreamNode node = toVisit.poll();
            if (!visited.add(node.getId())) {
                continue;
            }
            perRowVertices.add(node.getOperatorName());
            assertEquals(
                    parallelism,
                    node.getParallelism(),
                    "'" + node.getOperatorName() + "' receives rows or per-score tallies");
            for (StreamEdge edge : node.getOutEdges()) {
                if (carriesRowsOrTallies(graph, edge)) {
                    toVisit.add(graph.getStreamNode(edge.getTargetId()));
                }
            }
        }
        String stage = BinaryClassificationEvaluator.STAGE;
        for (String step : new String[] {".scores", ".route", ".sweep"}) {
            assertTrue(perRowVertices.contains(stage + step), perRowVertices.toString());
        }

        // What the evaluator runs in one task receives neither, only a sample of at most
        // SAMPLES_PER_SUBTASK scores, the per-range totals or one range's summary per subtask;
        // and the tallies reach their range's subtask.
        List<TypeSerializer<?>> smallRecords =
                List.of(
                        RangePartitionedEvaluation.SAMPLE_TYPE.createSerializer(
                                graph.getExecutionConfig()),
                        RangePartitionedEvaluation.TOTALS_TYPE.createSerializer(
                                graph.getExecutionConfig()),
                        RangePartitionedEvaluation.SUMMARY_TYPE.createSerializer(
                                graph.getExecutionConfig()));
        Set<String> singleTasks = new TreeSet<>();
        for (StreamNode node : graph.getStreamNodes()) {
            if (node.getParallelism() == 1 && node.getOperatorName().startsWith(stage)) {
                singleTasks.add(node.getOperatorName());
                for (StreamEdge edge : node.getInEdges()) {
                    assertTrue(!carriesRowsOrTallies(graph, edge), edge.toString());
                    // Only records of a bounded size, a few per subtask.
                    assertTrue(
                            smallRecords.contains(recordSerializer(graph, edge)),
                            edge + ": " + recordSerializer(graph, edge));
                }
            }
            if (node.getOperatorName().equals(stage + ".sweep")) {
                assertTrue(
                        node.getInEdges().stream()
                                .anyMatch(
                                        edge ->
                                                edge.getPartitioner()
                                                        instanceof CustomPartitionerWrapper));
            }
        }
        for (String step : new String[] {".boundaries", ".offsets", ".merge"}) {
            assertTrue(singleTasks.contains(stage + step), singleTasks.toString());
        }
    }

    /** Whether an edge's records are rows (any row serializer) or {@link ScoreTally}s. */
    private static boolean carriesRowsOrTallies(StreamGraph graph, StreamEdge edge) {
        TypeSerializer<?> serializer = recordSerializer(graph, edge);
        return RowSerializers.carriesRows(serializer)
                || serializer.equals(ScoreTally.TYPE.createSerializer(graph.getExecutionConfig()));
    }

    /** The serializer of an edge's records: of its side output, or of its source's output. */
    private static TypeSerializer<?> recordSerializer(StreamGraph graph, StreamEdge edge) {
        return edge.getOutputTag() != null
                ? edge.getOutputTag().getTypeInfo().createSerializer(graph.getExecutionConfig())
                : graph.getStreamNode(edge.getSourceId()).getTypeSerializerOut();
    }

    private static BinaryClassificationEvaluator evaluator(boolean weighted) {
        BinaryClassificationEvaluator evaluator =
                new BinaryClassificationEvaluator()
                        .setThreshold(THRESHOLD)
                        .setMetricsNames(
                                "areaUnderROC",
                                "areaUnderPR",
                                "logLoss",
                                "accuracy",
                                "precision",
                                "recall",
                                "f1");
        return weighted ? evaluator.setWeightCol("weight") : evaluator;
    }

    private static double metric(Row metrics, String name) {
        return (Double) metrics.getField(name);
    }

    /**
     * A Table whose subtask i holds the partitions j with j mod parallelism = i: the rows' indexes
     * come from a bounded source and go to their partition's subtask.
     */
    private static Table table(TestJob job, List<List<double[]>> partitions, int parallelism) {
        ArrayList<Row> rows = new ArrayList<>();
        ArrayList<Integer> partitionOfRow = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
            for (double[] row : partitions.get(p)) {
                rows.add(Row.of(row[1], Vectors.dense(1 - row[0], row[0]), row[2]));
                partitionOfRow.add(p);
            }
        }
        return job.tEnv.fromDataStream(
                job.env
                        .fromSequence(0, rows.size() - 1)
                        .partitionCustom(new ToPartition(partitionOfRow), new Identity())
                        .map(new RowAt(rows), ROW_TYPE)
                        .setParallelism(parallelism));
    }

    private static final class ToPartition implements Partitioner<Long> {
        private static final long serialVersionUID = 1L;
        private final ArrayList<Integer> partitionOfRow;

        ToPartition(ArrayList<Integer> partitionOfRow) {
            this.partitionOfRow = partitionOfRow;
        }

        @Override
        public int partition(Long row, int numPartitions) {
            return partitionOfRow.get(row.intValue()) % numPartitions;
        }
    }

    private static final class Identity implements KeySelector<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Long row) {
            return row;
        }
    }

    private static final class RowAt implements MapFunction<Long, Row> {
        private static final long serialVersionUID = 1L;
        private final ArrayList<Row> rows;

        RowAt(ArrayList<Row> rows) {
            this.rows = rows;
        }

        @Override
        public Row map(Long row) {
            return rows.get(row.intValue());
        }
    }
}
