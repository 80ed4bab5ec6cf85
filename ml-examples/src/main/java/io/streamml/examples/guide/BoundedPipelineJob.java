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
import io.streamml.evaluation.binaryclassification.BinaryClassificationEvaluator;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.feature.vectorassembler.VectorAssembler;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.ml.api.Stage;
import org.apache.flink.streaming.api.environment.ExecutionCheckpointingOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded pipeline on a CSV file of plain numeric columns {@code id,x1,x2,x3,label}: {@link
 * VectorAssembler} → {@link StandardScaler} → {@link LogisticRegression} fit on four rows in five,
 * saved, loaded back and evaluated on every fifth row.
 *
 * <p>Arguments: {@code <modelDir> [rows.csv]}. The model directory must not exist yet; without a
 * CSV file the job trains on generated {@link SampleRows}.
 */
public class BoundedPipelineJob {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("Usage: BoundedPipelineJob <modelDir> [rows.csv]");
            System.exit(2);
        }
        String modelDir = args[0];
        String rows = args.length > 1 ? args[1] : SampleRows.write(10_000, true);

        // The saved model data are committed by checkpoints, the last one when the job finishes.
        Configuration config = new Configuration();
        config.set(ExecutionCheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, true);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.enableCheckpointing(1000);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.executeSql(
                "CREATE TABLE labeled (id BIGINT, x1 DOUBLE, x2 DOUBLE, x3 DOUBLE, label DOUBLE)"
                        + " WITH ('connector' = 'filesystem', 'path' = '"
                        + rows
                        + "', 'format' = 'csv')");
        Table train = tEnv.sqlQuery("SELECT * FROM labeled WHERE MOD(id, 5) <> 0");
        Table heldOut = tEnv.sqlQuery("SELECT * FROM labeled WHERE MOD(id, 5) = 0");

        List<Stage<?>> stages = new ArrayList<>();
        stages.add(
                new VectorAssembler()
                        .setInputCols("x1", "x2", "x3")
                        .setInputSizes(1, 1, 1)
                        .setOutputCol("features"));
        stages.add(
                new StandardScaler()
                        .setInputCol("features")
                        .setOutputCol("scaled")
                        .setWithMean(true));
        stages.add(new LogisticRegression().setFeaturesCol("scaled").setLabelCol("label"));
        // Fitting is lazy: the model data are Tables, computed when a job runs.
        PipelineModel model = new Pipeline(stages).fit(train);

        // save() writes each stage's metadata now and adds sinks for the model data to the job;
        // executing the job fits the pipeline and fills them.
        model.save(modelDir);
        env.execute("fit and save");

        // The next job loads the saved model and scores the held-out rows with it.
        Table scored = PipelineModel.load(env, modelDir).transform(heldOut)[0];
        Table metrics =
                new BinaryClassificationEvaluator()
                        .setMetricsNames("areaUnderROC", "logLoss", "accuracy")
                        .transform(scored)[0];
        try (CloseableIterator<Row> it = tEnv.toDataStream(metrics).executeAndCollect()) {
            Row row = it.next();
            System.out.println("model saved to " + modelDir);
            System.out.println("held-out rows: areaUnderROC " + row.getField("areaUnderROC"));
            System.out.println("held-out rows: logLoss " + row.getField("logLoss"));
            System.out.println("held-out rows: accuracy " + row.getField("accuracy"));
        }
    }
}
