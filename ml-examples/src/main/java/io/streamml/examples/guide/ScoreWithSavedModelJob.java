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

import io.streamml.builder.PipelineModel;

import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Scores new rows {@code id,x1,x2,x3} from a CSV file with the PipelineModel that {@link
 * BoundedPipelineJob} saved, and prints {@code id,prediction,probability} for each.
 *
 * <p>Arguments: {@code <modelDir> [rows.csv]}; without a CSV file it scores ten generated {@link
 * SampleRows}.
 */
public class ScoreWithSavedModelJob {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("Usage: ScoreWithSavedModelJob <modelDir> [rows.csv]");
            System.exit(2);
        }
        String modelDir = args[0];
        String rows = args.length > 1 ? args[1] : SampleRows.write(10, false);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.executeSql(
                "CREATE TABLE unlabeled (id BIGINT, x1 DOUBLE, x2 DOUBLE, x3 DOUBLE)"
                        + " WITH ('connector' = 'filesystem', 'path' = '"
                        + rows
                        + "', 'format' = 'csv')");

        // Loading checks every stage's metadata and reads the newest committed model data.
        PipelineModel model = PipelineModel.load(env, modelDir);
        Table scored = model.transform(tEnv.from("unlabeled"))[0];

        try (CloseableIterator<Row> it = tEnv.toDataStream(scored).executeAndCollect()) {
            System.out.println("id,prediction,probability");
            while (it.hasNext()) {
                Row row = it.next();
                DenseVector raw = row.getFieldAs("rawPrediction"); // [1 - p, p]
                System.out.println(
                        row.getField("id") + "," + row.getField("prediction") + "," + raw.get(1));
            }
        }
    }
}
