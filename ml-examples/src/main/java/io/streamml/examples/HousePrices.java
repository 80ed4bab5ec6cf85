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

import io.streamml.evaluation.regression.RegressionEvaluator;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.feature.standardscaler.StandardScalerModel;
import io.streamml.regression.linearregression.LinearRegression;
import io.streamml.regression.linearregression.LinearRegressionModel;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * House prices with a known linear ground truth: StandardScaler → LinearRegression fit on 8,000
 * generated houses, evaluated with RegressionEvaluator on 2,000 held-out ones, and the learned
 * coefficients (mapped back to the raw features) printed next to the truth. With {@code
 * --streaming} the regression trains online instead, one version per 100 houses.
 *
 * <p>The generator (seed 7): area 40–200 m², rooms 1–6, age 0–80 years, distance to the centre
 * 0.5–30 km; price = 50,000 + 3,000·area + 10,000·rooms − 1,500·age − 8,000·distance + N(0,
 * 20,000²).
 */
public class HousePrices {
    static final String[] FEATURES = {"area", "rooms", "age", "distance"};
    static final double[] TRUE_COEFFICIENTS = {3000, 10000, -1500, -8000};
    static final double TRUE_INTERCEPT = 50000;

    public static void main(String[] args) throws Exception {
        boolean streaming = args.length > 0 && args[0].equals("--streaming");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        Random random = new Random(7);
        Table train = houses(env, tEnv, random, 8000);
        Table test = houses(env, tEnv, random, 2000);

        StandardScalerModel scaler =
                new StandardScaler()
                        .setInputCol("features")
                        .setOutputCol("scaled")
                        .setWithMean(true)
                        .fit(train);
        LinearRegression regression = new LinearRegression().setFeaturesCol("scaled");
        if (streaming) {
            regression.setTrainingMode("online").setOptimizer("sgd").setGlobalBatchSize(100);
        }
        LinearRegressionModel model = regression.fit(scaler.transform(train)[0]);
        if (streaming) {
            // Train to the end of the replayed rows, then score the held-out houses with the
            // final version (a streaming transform would use whichever version had arrived).
            model.keepNewestVersion();
        }

        Row scalerData = first(tEnv, scaler.getModelData()[0]);
        Row modelData = first(tEnv, model.getModelData()[0]);
        double[] mean = ((DenseVector) scalerData.getField("mean")).values;
        double[] std = ((DenseVector) scalerData.getField("std")).values;
        double[] beta = ((DenseVector) modelData.getField("coefficient")).values;
        double intercept = (Double) modelData.getField("intercept");
        // Undo the scaling: y = b + Σ βⱼ (xⱼ − meanⱼ) / stdⱼ.
        double rawIntercept = intercept;
        System.out.printf(
                Locale.ROOT,
                "%s model (version %d)%n%-10s %12s %12s%n",
                streaming ? "Online" : "Bounded",
                modelData.getField("modelVersion"),
                "feature",
                "learned",
                "truth");
        for (int j = 0; j < FEATURES.length; j++) {
            double raw = beta[j] / std[j];
            rawIntercept -= raw * mean[j];
            System.out.printf(
                    Locale.ROOT, "%-10s %12.1f %12.1f%n", FEATURES[j], raw, TRUE_COEFFICIENTS[j]);
        }
        System.out.printf(
                Locale.ROOT, "%-10s %12.1f %12.1f%n", "intercept", rawIntercept, TRUE_INTERCEPT);

        Row metrics =
                first(
                        tEnv,
                        new RegressionEvaluator()
                                .transform(model.transform(scaler.transform(test)[0])[0])[0]);
        System.out.printf(
                Locale.ROOT,
                "held-out: rmse %.0f, mae %.0f, r2 %.4f (noise sd 20000)%n",
                metrics.getField("rmse"),
                metrics.getField("mae"),
                metrics.getField("r2"));
    }

    private static Table houses(
            StreamExecutionEnvironment env, StreamTableEnvironment tEnv, Random random, int n) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] x = {
                40 + random.nextDouble() * 160,
                1 + random.nextInt(6),
                random.nextDouble() * 80,
                0.5 + random.nextDouble() * 29.5
            };
            double price = TRUE_INTERCEPT + random.nextGaussian() * 20000;
            for (int j = 0; j < x.length; j++) {
                price += TRUE_COEFFICIENTS[j] * x[j];
            }
            rows.add(Row.of(new DenseVector(x), price));
        }
        return tEnv.fromDataStream(
                env.fromCollection(
                        rows,
                        new RowTypeInfo(
                                new TypeInformation<?>[] {
                                    TypeInformation.of(DenseVector.class), Types.DOUBLE
                                },
                                new String[] {"features", "label"})));
    }

    private static Row first(StreamTableEnvironment tEnv, Table table) throws Exception {
        try (CloseableIterator<Row> it = tEnv.toDataStream(table).executeAndCollect()) {
            return it.next();
        }
    }
}
