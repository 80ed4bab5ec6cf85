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
package io.streamml.pipeline;

import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.classification.logisticregression.LogisticRegressionModel;
import io.streamml.evaluation.binaryclassification.BinaryClassificationEvaluator;
import io.streamml.evaluation.prequential.PrequentialEvaluator;
import io.streamml.evaluation.regression.RegressionEvaluator;
import io.streamml.feature.minmaxscaler.MinMaxScaler;
import io.streamml.feature.minmaxscaler.MinMaxScalerModel;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.feature.standardscaler.StandardScalerModel;
import io.streamml.regression.linearregression.LinearRegression;
import io.streamml.regression.linearregression.LinearRegressionModel;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.SyntheticData;
import io.streamml.testutil.TestJob;

import org.apache.flink.ml.api.Model;
import org.apache.flink.ml.api.Stage;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.param.Param;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.streamml.testutil.LinearTestData.COLUMNS;
import static io.streamml.testutil.LinearTestData.rows;
import static io.streamml.testutil.LinearTestData.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stages, fitted models and pipelines saved to and loaded from a real HDFS (an in-process {@link
 * MiniDFSCluster}) through Flink's file system, as a user's jobs save them next to their
 * checkpoints.
 */
class HdfsModelFilesTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    @TempDir static File hdfsDir;

    private static MiniDFSCluster hdfs;
    private static String root;

    @BeforeAll
    static void startHdfs() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, hdfsDir.getAbsolutePath());
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
        root = "hdfs://localhost:" + hdfs.getNameNodePort();
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void testPipelineModelsBoundedAndOnline() throws Exception {
        PipelineTest.saveLoadRoundTrip(root + "/pipelines");
    }

    @Test
    void testEveryStageKeepsItsParams() throws Exception {
        StreamExecutionEnvironment env = TestJob.withParallelism(1).env;
        String dir = root + "/params";
        check(
                new StandardScaler().setInputCol("x").setWithMean(true),
                StandardScaler.load(
                        env,
                        save(
                                new StandardScaler().setInputCol("x").setWithMean(true),
                                dir + "/ss")));
        check(
                new MinMaxScaler().setMin(-1),
                MinMaxScaler.load(env, save(new MinMaxScaler().setMin(-1), dir + "/mm")));
        check(
                new LogisticRegression().setReg(0.25),
                LogisticRegression.load(
                        env, save(new LogisticRegression().setReg(0.25), dir + "/lr")));
        check(
                new LinearRegression().setMaxIter(7),
                LinearRegression.load(
                        env, save(new LinearRegression().setMaxIter(7), dir + "/linreg")));
        check(
                new BinaryClassificationEvaluator().setMetricsNames("areaUnderPR"),
                BinaryClassificationEvaluator.load(
                        env,
                        save(
                                new BinaryClassificationEvaluator().setMetricsNames("areaUnderPR"),
                                dir + "/bce")));
        check(
                new RegressionEvaluator().setMetricsNames("mae"),
                RegressionEvaluator.load(
                        env, save(new RegressionEvaluator().setMetricsNames("mae"), dir + "/re")));
        check(
                new PrequentialEvaluator().setWindowBatches(3),
                PrequentialEvaluator.load(
                        env, save(new PrequentialEvaluator().setWindowBatches(3), dir + "/pe")));
    }

    @Test
    void testEveryFittedModelLoadsWithItsModelData() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        SyntheticData data = SyntheticData.logistic(7, 400, new double[] {1, -2, 0.5}, 0.2, false);
        Table train = job.boundedTable(COLUMNS, types(DenseVector.class), rows(data, false));
        String dir = root + "/models";
        StandardScalerModel standard =
                new StandardScaler().setInputCol("features").setWithMean(true).fit(train);
        MinMaxScalerModel minMax = new MinMaxScaler().setInputCol("features").fit(train);
        LogisticRegressionModel logistic = new LogisticRegression().fit(train);
        LinearRegressionModel linear = new LinearRegression().fit(train);
        standard.save(dir + "/ss");
        minMax.save(dir + "/mm");
        logistic.save(dir + "/lr");
        linear.save(dir + "/linreg");
        job.env.execute();

        TestJob reader = TestJob.withParallelism(2);
        sameModelData(job, standard, reader, StandardScalerModel.load(reader.env, dir + "/ss"));
        sameModelData(job, minMax, reader, MinMaxScalerModel.load(reader.env, dir + "/mm"));
        sameModelData(job, logistic, reader, LogisticRegressionModel.load(reader.env, dir + "/lr"));
        sameModelData(job, linear, reader, LinearRegressionModel.load(reader.env, dir + "/linreg"));
    }

    private static String save(Stage<?> stage, String path) throws Exception {
        stage.save(path);
        return path;
    }

    /** Same class and the same value for every param, compared in their JSON form. */
    private static void check(Stage<?> expected, Stage<?> loaded) throws Exception {
        assertEquals(expected.getClass(), loaded.getClass());
        assertEquals(json(expected), json(loaded));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> json(Stage<?> stage) {
        return stage.getParamMap().entrySet().stream()
                .collect(
                        Collectors.toMap(
                                e -> e.getKey().name,
                                e -> {
                                    try {
                                        return ((Param<Object>) e.getKey())
                                                .jsonEncode(e.getValue());
                                    } catch (Exception ex) {
                                        throw new IllegalStateException(ex);
                                    }
                                }));
    }

    private static void sameModelData(
            TestJob fittedJob, Model<?> fitted, TestJob loadedJob, Model<?> loaded)
            throws Exception {
        check(fitted, loaded);
        List<Row> expected = fittedJob.collect(fitted.getModelData()[0]);
        List<Row> actual = loadedJob.collect(loaded.getModelData()[0]);
        assertEquals(1, actual.size());
        assertTrue(expected.size() == 1, "a bounded fit yields one model version");
        assertEquals(expected.get(0).toString(), actual.get(0).toString());
    }
}
