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

import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.common.window.EventTimeSessionWindows;
import io.streamml.common.window.EventTimeTumblingWindows;
import io.streamml.evaluation.prequential.PrequentialEvaluator;
import io.streamml.feature.minmaxscaler.MinMaxScaler;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.regression.linearregression.LinearRegression;
import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.RowSerializers;
import io.streamml.testutil.TestJob;

import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.streaming.api.functions.sink.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.table.api.Table;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.streamml.testutil.LinearTestData.COLUMNS;
import static io.streamml.testutil.LinearTestData.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one thing the online runtime forbids, read off the job graph of every online stage: no vertex
 * that receives training rows runs at parallelism 1. Starting at the training source, it follows
 * every edge whose records carry rows (a serializer of rows, or of slices holding rows) and checks
 * each vertex it reaches runs at the job's parallelism.
 */
class RowPathParallelismTest {
    private static final int PARALLELISM = 4;

    private static Table fit(String stage, TestJob job, Table train) {
        switch (stage) {
            case "LogisticRegression":
                return new LogisticRegression()
                        .setGlobalBatchSize(100)
                        .fit(train)
                        .getModelData()[0];
            case "LinearRegression":
                return new LinearRegression()
                        .setWindows(EventTimeTumblingWindows.of(Time.milliseconds(100)))
                        .fit(train)
                        .getModelData()[0];
            case "StandardScaler":
                return new StandardScaler()
                        .setInputCol("features")
                        .setWindows(CountTumblingWindows.of(100))
                        .fit(train)
                        .getModelData()[0];
            case "MinMaxScaler":
                return new MinMaxScaler()
                        .setInputCol("features")
                        .setWindows(EventTimeSessionWindows.withGap(Time.milliseconds(50)))
                        .fit(train)
                        .getModelData()[0];
            case "PrequentialEvaluator":
                return new PrequentialEvaluator()
                        .setEstimator(new LogisticRegression().setGlobalBatchSize(100))
                        .transform(train)[0];
            default:
                throw new IllegalArgumentException(stage);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "LogisticRegression",
                "LinearRegression",
                "StandardScaler",
                "MinMaxScaler",
                "PrequentialEvaluator"
            })
    void testNoVertexOnTheRowPathRunsInOneTask(String stage) {
        TestJob job = TestJob.withParallelism(PARALLELISM);
        Table train =
                job.unboundedTable(
                        new ControllableSource(), COLUMNS, types(DenseVector.class), true);
        job.tEnv.toDataStream(fit(stage, job, train)).addSink(new DiscardingSink<>());
        StreamGraph graph = job.env.getStreamGraph();

        Deque<StreamNode> toVisit = new ArrayDeque<>();
        for (Integer id : graph.getSourceIDs()) {
            StreamNode source = graph.getStreamNode(id);
            if (RowSerializers.carriesRows(source.getTypeSerializerOut())) {
                toVisit.add(source); // the training rows, not the initial-model source
            }
        }
        Set<Integer> visited = new HashSet<>();
        List<String> rowVertices = new ArrayList<>();
        while (!toVisit.isEmpty()) {
            StreamNode node = toVisit.poll();
            if (!visited.add(node.getId())) {
                continue;
            }
            rowVertices.add(node.getOperatorName());
            assertEquals(
                    PARALLELISM,
                    node.getParallelism(),
                    stage + ": '" + node.getOperatorName() + "' receives training rows");
            if (!RowSerializers.carriesRows(node.getTypeSerializerOut())) {
                continue;
            }
            for (StreamEdge edge : node.getOutEdges()) {
                toVisit.add(graph.getStreamNode(edge.getTargetId()));
            }
        }
        // The walk really reached the training operators, not just the source.
        assertTrue(
                rowVertices.stream()
                        .anyMatch(
                                name ->
                                        name.contains(
                                                stage.equals("PrequentialEvaluator")
                                                        ? "LogisticRegression.slices"
                                                        : stage + ".slices")),
                stage + ": " + rowVertices);
        // And the job does have a single-task coordinator, which only summaries reach.
        assertTrue(
                graph.getStreamNodes().stream().anyMatch(node -> node.getParallelism() == 1),
                stage);
    }
}
