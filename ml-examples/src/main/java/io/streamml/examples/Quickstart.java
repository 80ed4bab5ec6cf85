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
package io.streamml.examples;

import io.streamml.builder.Pipeline;
import io.streamml.builder.PipelineModel;
import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.feature.vectorassembler.VectorAssembler;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.ml.api.Stage;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The example of the article this project started from (a Flink ML pipeline of StandardScaler and
 * LogisticRegression on four CSV rows): the rows {@code id,x1,x2,label} parsed into a Table of
 * plain columns, a Pipeline of {@link VectorAssembler}, {@link StandardScaler} and {@link
 * LogisticRegression} fit on them, and each row's prediction and probability printed.
 *
 * <p>Run with {@code mvn -q -pl ml-examples -am package exec:java -DskipTests}; pass {@code
 * -Dexec.args=path/to/rows.csv} to read the rows from a file instead, and {@code --streaming} to
 * train the regression online on the rows replayed as a stream (a version per two rows), each
 * prediction showing the model version that made it.
 */
public class Quickstart {
    static final String[] ARTICLE_ROWS = {
        "1,0.5,0.7,1", "2,0.3,0.8,0", "3,0.6,0.9,1", "4,0.8,0.6,0"
    };

    public static void main(String[] args) throws Exception {
        List<String> argList = new ArrayList<>(List.of(args));
        boolean streaming = argList.remove("--streaming");
        List<String> lines =
                argList.isEmpty()
                        ? List.of(ARTICLE_ROWS)
                        : Files.readAllLines(Paths.get(argList.get(0)));
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("id")) {
                continue;
            }
            String[] f = line.split(",");
            rows.add(
                    Row.of(
                            Integer.parseInt(f[0].trim()),
                            Double.parseDouble(f[1].trim()),
                            Double.parseDouble(f[2].trim()),
                            Double.parseDouble(f[3].trim())));
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        Table data =
                tEnv.fromDataStream(
                        env.fromCollection(
                                rows,
                                new RowTypeInfo(
                                        new TypeInformation<?>[] {
                                            Types.INT, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE
                                        },
                                        new String[] {"id", "x1", "x2", "label"})));

        // A typed list: javac's inference of List.of over two F-bounded stage types explodes.
        List<Stage<?>> stages = new ArrayList<>();
        // The plain columns x1 and x2 become the vector the scaler reads.
        stages.add(
                new VectorAssembler()
                        .setInputCols("x1", "x2")
                        .setInputSizes(1, 1)
                        .setOutputCol("features"));
        stages.add(
                new StandardScaler()
                        .setInputCol("features")
                        .setOutputCol("scaledFeatures")
                        .setWithMean(true));
        LogisticRegression regression = new LogisticRegression().setFeaturesCol("scaledFeatures");
        if (streaming) {
            regression
                    .setTrainingMode("online")
                    .setGlobalBatchSize(2)
                    .setOptimizer("sgd")
                    .setLearningRate(0.5)
                    .setModelVersionCol("modelVersion");
        }
        stages.add(regression);
        PipelineModel model = new Pipeline(stages).fit(data);

        List<Row> results = new ArrayList<>();
        try (CloseableIterator<Row> it =
                tEnv.toDataStream(model.transform(data)[0]).executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        results.sort(Comparator.comparing(row -> (Integer) row.getField("id")));
        System.out.println("id,label,prediction,probability" + (streaming ? ",modelVersion" : ""));
        for (Row row : results) {
            DenseVector raw = (DenseVector) row.getField("rawPrediction");
            System.out.println(
                    String.format(
                            Locale.ROOT,
                            "%d,%.0f,%.0f,%.4f%s",
                            row.getField("id"),
                            row.getField("label"),
                            row.getField("prediction"),
                            raw.get(1),
                            streaming ? "," + row.getField("modelVersion") : ""));
        }
    }
}
