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

import io.streamml.builder.Pipeline;
import io.streamml.builder.PipelineModel;
import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.classification.logisticregression.LogisticRegressionModel;
import io.streamml.common.model.InvalidModelFileException;
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.feature.standardscaler.StandardScalerModel;
import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.SyntheticData;
import io.streamml.testutil.TestJob;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.ml.api.Stage;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.streamml.testutil.LinearTestData.COLUMNS;
import static io.streamml.testutil.LinearTestData.rows;
import static io.streamml.testutil.LinearTestData.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A StandardScaler → LogisticRegression Pipeline on bounded and unbounded Tables. */
class PipelineTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    /** Logistic data whose features sit far from zero with different scales. */
    private static List<Row> shiftedRows(long seed, int n) {
        SyntheticData data = SyntheticData.logistic(seed, n, new double[] {2, -1.5, 1}, 0.3, false);
        List<Row> rows = rows(data, false);
        for (Row row : rows) {
            double[] x = ((DenseVector) row.getField(1)).values;
            x[0] = 100 + 10 * x[0];
            x[1] = -5 + 0.1 * x[1];
        }
        return rows;
    }

    private static List<Stage<?>> stages(boolean online) {
        StandardScaler scaler =
                new StandardScaler()
                        .setInputCol("features")
                        .setOutputCol("scaled")
                        .setWithMean(true);
        LogisticRegression lr =
                new LogisticRegression().setFeaturesCol("scaled").setMaxIter(200).setTol(1e-12);
        if (online) {
            scaler.setWindows(CountTumblingWindows.of(100));
            lr.setGlobalBatchSize(100).setOptimizer("sgd").setLearningRate(0.5);
        }
        List<Stage<?>> stages = new ArrayList<>();
        stages.add(scaler);
        stages.add(lr);
        return stages;
    }

    @Test
    void testBoundedPipelineEqualsStagesOneByOne() throws Exception {
        List<Row> rows = shiftedRows(1, 300);
        TestJob job = TestJob.withParallelism(2);
        Table train = job.boundedTable(COLUMNS, types(DenseVector.class), rows);
        PipelineModel pipeline = new Pipeline(stages(false)).fit(train);
        List<Row> viaPipeline = sorted(job.collect(pipeline.transform(train)[0]));

        StandardScalerModel scaler = ((StandardScaler) stages(false).get(0)).fit(train);
        LogisticRegressionModel lr =
                ((LogisticRegression) stages(false).get(1)).fit(scaler.transform(train)[0]);
        List<Row> oneByOne = sorted(job.collect(lr.transform(scaler.transform(train)[0])[0]));

        assertEquals(rows.size(), viaPipeline.size());
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(
                    ((DenseVector) oneByOne.get(i).getField("rawPrediction")).values,
                    ((DenseVector) viaPipeline.get(i).getField("rawPrediction")).values,
                    1e-12);
        }
    }

    @Test
    void testUnboundedPipelinePredictionsImproveAsVersionsArrive() throws Exception {
        List<Row> train = shiftedRows(2, 3000);
        List<Row> test = shiftedRows(3, 200);
        TestJob job = TestJob.withParallelism(2);
        ControllableSource trainSource = new ControllableSource();
        ControllableSource testSource = new ControllableSource();
        PipelineModel pipeline =
                new Pipeline(stages(true))
                        .fit(
                                job.unboundedTable(
                                        trainSource, COLUMNS, types(DenseVector.class), false));
        Table scored =
                pipeline.transform(
                                job.unboundedTable(
                                        testSource, COLUMNS, types(DenseVector.class), false))[0];
        double[] logLoss = new double[2];
        try (CloseableIterator<Row> it = job.start(scored)) {
            int[] releasedBatches = {1, 30};
            int released = 0;
            for (int k = 0; k < 2; k++) {
                int until = releasedBatches[k] * 100;
                trainSource.release(train.subList(released, until).toArray(new Row[0]));
                released = until;
                job.waitForModelVersion(
                        CLUSTER, "LogisticRegressionModel.transform", releasedBatches[k]);
                testSource.release(test.toArray(new Row[0]));
                List<Row> out = TestJob.take(it, test.size());
                for (Row row : out) {
                    double p = ((DenseVector) row.getField("rawPrediction")).get(1);
                    double y = (Double) row.getField("label");
                    logLoss[k] -= (y * Math.log(p) + (1 - y) * Math.log(1 - p)) / test.size();
                }
            }
        }
        assertTrue(
                logLoss[1] < logLoss[0] - 0.05,
                "log-loss after 1 version " + logLoss[0] + ", after 30 " + logLoss[1]);
    }

    @Test
    void testSaveLoadOfBoundedAndOnlinePipelineModels(@TempDir Path dir) throws Exception {
        // As a URI with a scheme, as HDFS or S3 paths are.
        saveLoadRoundTrip(dir.toUri().toString().replaceAll("/$", ""));
    }

    @Test
    void testLoadsAPipelineModelFlinkMlSaved(@TempDir Path dir) throws Exception {
        TestJob job = TestJob.withParallelism(2);
        Table trainTable = job.boundedTable(COLUMNS, types(DenseVector.class), shiftedRows(6, 300));
        List<Stage<?>> fittedStages = new Pipeline(stages(false)).fit(trainTable).getStages();
        String path = dir.resolve("flinkml").toString();
        new org.apache.flink.ml.builder.PipelineModel(fittedStages).save(path);
        job.env.execute();

        PipelineModel loaded = PipelineModel.load(job.env, path);
        assertEquals(2, loaded.getStages().size());
        assertTrue(loaded.getStages().get(0) instanceof StandardScalerModel);
        assertTrue(loaded.getStages().get(1) instanceof LogisticRegressionModel);
    }

    /** A class whose static initializer leaves a trace, to show loading never initializes it. */
    public static final class Tripwire {
        static {
            System.setProperty(TRIPWIRE, "initialized");
        }

        public static Object load(
                org.apache.flink.streaming.api.environment.StreamExecutionEnvironment env,
                String path) {
            System.setProperty(TRIPWIRE, "loaded");
            return null;
        }
    }

    private static final String TRIPWIRE = "io.streamml.test.pipeline.tripwire";

    @Test
    @SuppressWarnings("unchecked")
    void testAStageThatNamesNoStageClassIsRefusedBeforeItsClassRuns(@TempDir Path dir)
            throws Exception {
        String path = dir.resolve("pipeline").toString();
        new Pipeline(stages(false)).save(path);
        java.io.File stageMetadata = new java.io.File(path, "stages/0/metadata");
        Map<String, Object> metadata =
                ReadWriteUtils.OBJECT_MAPPER.readValue(stageMetadata, Map.class);
        metadata.put("className", Tripwire.class.getName());
        ReadWriteUtils.OBJECT_MAPPER.writeValue(stageMetadata, metadata);

        InvalidModelFileException e =
                assertThrows(
                        InvalidModelFileException.class,
                        () -> Pipeline.load(TestJob.withParallelism(1).env, path));
        assertTrue(e.getMessage().contains(stageMetadata.getPath()), e.getMessage());
        assertTrue(e.getMessage().contains("not a stage"), e.getMessage());
        assertNull(System.getProperty(TRIPWIRE));

        // Nor may the pipeline's own metadata claim another class or an absurd stage count.
        java.io.File pipelineMetadata = new java.io.File(path, "metadata");
        Map<String, Object> top =
                ReadWriteUtils.OBJECT_MAPPER.readValue(pipelineMetadata, Map.class);
        top.put("numStages", -1);
        ReadWriteUtils.OBJECT_MAPPER.writeValue(pipelineMetadata, top);
        InvalidModelFileException count =
                assertThrows(
                        InvalidModelFileException.class,
                        () -> Pipeline.load(TestJob.withParallelism(1).env, path));
        assertTrue(count.getMessage().contains("numStages"), count.getMessage());
        assertThrows(
                InvalidModelFileException.class,
                () -> PipelineModel.load(TestJob.withParallelism(1).env, path));
    }

    /**
     * Saves a fitted bounded PipelineModel under {@code baseDir} (any Flink file system URI) and
     * checks the loaded one predicts exactly as the fitted one; then saves an online one whose job
     * keeps running, and loads its newest committed version while the job runs.
     */
    static void saveLoadRoundTrip(String baseDir) throws Exception {
        List<Row> train = shiftedRows(4, 600);
        List<Row> test = shiftedRows(5, 50);

        // Bounded: the loaded PipelineModel predicts exactly like the fitted one.
        TestJob job = TestJob.withParallelism(2);
        Table trainTable = job.boundedTable(COLUMNS, types(DenseVector.class), train);
        Table testTable = job.boundedTable(COLUMNS, types(DenseVector.class), test);
        PipelineModel fitted = new Pipeline(stages(false)).fit(trainTable);
        String boundedPath = baseDir + "/bounded";
        fitted.save(boundedPath);
        job.env.execute();
        List<Row> expected = sorted(job.collect(fitted.transform(testTable)[0]));
        List<Row> actual =
                sorted(
                        job.collect(
                                PipelineModel.load(job.env, boundedPath).transform(testTable)[0]));
        for (int i = 0; i < test.size(); i++) {
            assertArrayEquals(
                    ((DenseVector) expected.get(i).getField("rawPrediction")).values,
                    ((DenseVector) actual.get(i).getField("rawPrediction")).values,
                    1e-12);
        }

        // Online: versions are committed while the job runs; the loaded model holds the newest.
        TestJob online = TestJob.withParallelism(2);
        ControllableSource source = new ControllableSource();
        PipelineModel live =
                new Pipeline(stages(true))
                        .fit(
                                online.unboundedTable(
                                        source, COLUMNS, types(DenseVector.class), false));
        String onlinePath = baseDir + "/online";
        live.save(onlinePath);
        JobClient client = online.env.executeAsync(online.name);
        try {
            source.release(train.toArray(new Row[0]));
            // Six batches of 100 rows: LR version 6 is the last; wait until it is committed.
            long deadline = System.currentTimeMillis() + 60_000;
            long newest = -1;
            org.apache.flink.core.fs.Path lrData =
                    new org.apache.flink.core.fs.Path(onlinePath + "/stages/1/data");
            FileSystem fs = lrData.getFileSystem();
            while (newest < 6 && System.currentTimeMillis() < deadline) {
                Thread.sleep(300);
                if (!fs.exists(lrData)) {
                    continue;
                }
                boolean committed = false;
                for (FileStatus file : fs.listStatus(lrData)) {
                    committed |= !file.getPath().getName().startsWith(".");
                }
                if (committed) {
                    TestJob reader = TestJob.withParallelism(1);
                    newest =
                            (Long)
                                    reader.collect(
                                                    LogisticRegressionModel.load(
                                                                    reader.env,
                                                                    onlinePath + "/stages/1")
                                                            .getModelData()[0])
                                            .get(0)
                                            .getField("modelVersion");
                }
            }
            assertEquals(6, newest);
        } finally {
            client.cancel().get();
        }
        TestJob reader = TestJob.withParallelism(2);
        List<Row> scored =
                reader.collect(
                        PipelineModel.load(reader.env, onlinePath)
                                .transform(
                                        reader.boundedTable(
                                                COLUMNS, types(DenseVector.class), test))[0]);
        assertEquals(test.size(), scored.size());
    }

    private static List<Row> sorted(List<Row> rows) {
        rows.sort(Comparator.comparing(row -> (Integer) row.getField("id")));
        return rows;
    }
}
