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
package io.streamml.common.input;

import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.classification.logisticregression.LogisticRegressionModel;
import io.streamml.evaluation.binaryclassification.BinaryClassificationEvaluator;
import io.streamml.feature.minmaxscaler.MinMaxScaler;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.regression.linearregression.LinearRegression;
import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.table.api.Table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A column of the wrong type is an error when the job is built, naming stage, column and type;
 * online training on a STRING or DOUBLE features column used to produce no version and no error.
 */
class ColumnTypesTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final String[] COLUMNS = {"features", "label", "weight"};

    private static void assertRefused(Executable build, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void testFeaturesThatAreNoVectorsAreRefusedBeforeTheJobRuns() {
        for (TypeInformation<?> wrong : new TypeInformation<?>[] {Types.STRING, Types.DOUBLE}) {
            TestJob job = TestJob.withParallelism(2);
            TypeInformation<?>[] types = {wrong, Types.DOUBLE, Types.DOUBLE};
            Table online = job.unboundedTable(new ControllableSource(), COLUMNS, types, false);
            Table bounded = job.boundedTable(COLUMNS, types);
            String expected = "expected a vector column";
            assertRefused(
                    () -> new LogisticRegression().fit(online),
                    "LogisticRegression",
                    "'features'",
                    expected);
            assertRefused(
                    () -> new LogisticRegression().fit(bounded), "LogisticRegression", expected);
            assertRefused(() -> new LinearRegression().fit(online), "LinearRegression", expected);
            assertRefused(
                    () -> new StandardScaler().setInputCol("features").fit(online),
                    "StandardScaler",
                    expected);
            assertRefused(
                    () -> new MinMaxScaler().setInputCol("features").fit(bounded),
                    "MinMaxScaler",
                    expected);
            assertRefused(
                    () ->
                            new LogisticRegressionModel()
                                    .setModelData(
                                            new LogisticRegression()
                                                    .fit(
                                                            job.boundedTable(
                                                                    COLUMNS,
                                                                    new TypeInformation<?>[] {
                                                                        TypeInformation.of(
                                                                                DenseVector.class),
                                                                        Types.DOUBLE,
                                                                        Types.DOUBLE
                                                                    }))
                                                    .getModelData())
                                    .transform(online),
                    "LogisticRegressionModel",
                    expected);
        }
    }

    @Test
    void testLabelsAndWeightsThatAreNoNumbersAreRefused() {
        TestJob job = TestJob.withParallelism(1);
        TypeInformation<?>[] types = {
            TypeInformation.of(DenseVector.class), Types.STRING, Types.DOUBLE
        };
        Table input = job.unboundedTable(new ControllableSource(), COLUMNS, types, false);
        assertRefused(
                () -> new LogisticRegression().fit(input),
                "LogisticRegression",
                "'label'",
                "expected a numeric column");
        TypeInformation<?>[] stringWeights = {
            TypeInformation.of(DenseVector.class), Types.DOUBLE, Types.STRING
        };
        Table weighted = job.boundedTable(COLUMNS, stringWeights);
        assertRefused(
                () -> new LinearRegression().setWeightCol("weight").fit(weighted),
                "LinearRegression",
                "'weight'",
                "expected a numeric column");
        assertRefused(
                () ->
                        new BinaryClassificationEvaluator()
                                .setRawPredictionCol("features")
                                .transform(input),
                "BinaryClassificationEvaluator",
                "'label'");
    }
}
