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
package io.streamml.examples.guide;

import io.streamml.builder.Pipeline;
import io.streamml.builder.PipelineModel;
import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.classification.logisticregression.LogisticRegressionModel;
import io.streamml.common.window.EventTimeTumblingWindows;
import io.streamml.common.window.Windows;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.feature.vectorassembler.VectorAssembler;

import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.environment.ExecutionCheckpointingOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.InputGroup;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.functions.ScalarFunction;

import java.util.List;

/**
 * Online training on a Kafka topic: CSV rows {@code id,x1,x2,x3,label,ts} (ts in epoch
 * milliseconds) train a scaler and a logistic regression a version per 10 seconds of event time,
 * while the same rows are scored by live versions. Scores ({@code
 * id,probability,prediction,modelVersion}) and model versions ({@code
 * modelVersion,windowEnd,intercept,coefficients}) go to Kafka as CSV, exactly once.
 *
 * <p>Arguments (all optional): {@code --bootstrap-servers localhost:9092 --input-topic events
 * --scores-topic scores --versions-topic model-versions --checkpoint-dir
 * file:///tmp/online-kafka-job}.
 */
public class OnlineKafkaJob {
    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        String servers = params.get("bootstrap-servers", "localhost:9092");
        String checkpointDir = params.get("checkpoint-dir", "file:///tmp/online-kafka-job");

        // Flink ML's iterations, which train online, expect checkpoints past finished tasks.
        Configuration conf = new Configuration();
        conf.set(ExecutionCheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, true);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.enableCheckpointing(1000, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(checkpointDir);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);

        tEnv.executeSql(
                "CREATE TABLE events ("
                        + "  id BIGINT, x1 DOUBLE, x2 DOUBLE, x3 DOUBLE, label DOUBLE, ts BIGINT,"
                        + "  rowtime AS TO_TIMESTAMP_LTZ(ts, 3),"
                        + "  WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND"
                        + ") WITH ("
                        + kafka(servers, params.get("input-topic", "events"))
                        + ", 'properties.group.id' = 'online-kafka-job'"
                        + ", 'scan.startup.mode' = 'earliest-offset')");
        tEnv.executeSql(
                "CREATE TABLE scores ("
                        + "  id BIGINT, probability DOUBLE, prediction DOUBLE, modelVersion BIGINT"
                        + ") WITH ("
                        + exactlyOnce(servers, params.get("scores-topic", "scores"))
                        + ")");
        tEnv.executeSql(
                "CREATE TABLE model_versions ("
                        + "  modelVersion BIGINT, windowEnd BIGINT, intercept DOUBLE,"
                        + "  coefficients ARRAY<DOUBLE>"
                        + ") WITH ("
                        + exactlyOnce(servers, params.get("versions-topic", "model-versions"))
                        + ")");

        // Assembled once, so that training and scoring read the topic once.
        Table events = tEnv.from("events");
        Table features =
                new VectorAssembler()
                        .setInputCols("x1", "x2", "x3")
                        .setInputSizes(1, 1, 1)
                        .setOutputCol("features")
                        .transform(events)[0];

        // On an unbounded Table both stages train online: a new version per window. A row waits
        // for a version at most 20 s of event time older than itself, also when a topic is
        // replayed faster than the model trains.
        Windows windows = EventTimeTumblingWindows.of(Time.seconds(10));
        PipelineModel model =
                new Pipeline(
                                List.of(
                                        new StandardScaler()
                                                .setInputCol("features")
                                                .setOutputCol("scaled")
                                                .setWithMean(true)
                                                .setWindows(windows),
                                        new LogisticRegression()
                                                .setFeaturesCol("scaled")
                                                .setWindows(windows)
                                                .setMaxAllowedModelDelayMs(20_000L)
                                                .setModelVersionCol("modelVersion")))
                        .fit(features);
        Table scored = model.transform(features)[0];
        Table versions = ((LogisticRegressionModel) model.getStages().get(1)).getModelData()[0];

        tEnv.createTemporarySystemFunction("VECTOR_TO_ARRAY", VectorToArray.class);
        tEnv.createTemporaryView("scored", scored);
        tEnv.createTemporaryView("versions", versions);
        StatementSet inserts = tEnv.createStatementSet();
        // rawPrediction is [P(label 0), P(label 1)]; SQL arrays count from 1.
        inserts.addInsertSql(
                "INSERT INTO scores SELECT id, VECTOR_TO_ARRAY(rawPrediction)[2], prediction,"
                        + " modelVersion FROM scored");
        inserts.addInsertSql(
                "INSERT INTO model_versions SELECT modelVersion, `timestamp`, intercept,"
                        + " VECTOR_TO_ARRAY(coefficient) FROM versions");
        inserts.execute().await();
    }

    /** The WITH options of a CSV topic. */
    private static String kafka(String bootstrapServers, String topic) {
        return "'connector' = 'kafka', 'format' = 'csv'"
                + ", 'properties.bootstrap.servers' = '"
                + bootstrapServers
                + "', 'topic' = '"
                + topic
                + "'";
    }

    /** A CSV topic written in Kafka transactions that commit with each checkpoint. */
    private static String exactlyOnce(String bootstrapServers, String topic) {
        return kafka(bootstrapServers, topic)
                + ", 'sink.delivery-guarantee' = 'exactly-once'"
                + ", 'sink.transactional-id-prefix' = 'online-kafka-job-"
                + topic
                // Below the brokers' transaction.max.timeout.ms (15 minutes by default).
                + "', 'properties.transaction.timeout.ms' = '600000'";
    }

    /**
     * A vector column as an ARRAY&lt;DOUBLE&gt;, which CSV can write (Flink ML 2.3's
     * vectorToArray).
     */
    public static class VectorToArray extends ScalarFunction {
        public double[] eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object vector) {
            return ((Vector) vector).toArray();
        }
    }
}
