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
package io.streamml.common.model;

import io.streamml.feature.standardscaler.StandardScalerModelData;
import io.streamml.linear.LinearModelData;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.streaming.api.environment.ExecutionCheckpointingOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model data files are read as untrusted input ({@link ModelDataFiles}): every way a file can be
 * wrong is an {@link InvalidModelFileException} naming it, raised by {@code load} before any job.
 */
class ModelDataFilesTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    @TempDir Path dir;

    private final StreamExecutionEnvironment env = TestJob.withParallelism(1).env;

    private static LinearModelData model(long version, double... coefficients) {
        return new LinearModelData(new DenseVector(coefficients), 0.5, version, 1000 + version);
    }

    private static byte[] records(LinearModelData... models) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (LinearModelData m : models) {
            ModelDataFiles.writeRecord(
                    LinearModelData.SCHEMA, m, out, new DataOutputSerializer(64));
        }
        return out.toByteArray();
    }

    /** A saved stage directory whose data directory holds {@code files} (name, content). */
    private String stage(Object... files) throws Exception {
        Path stage = Files.createTempDirectory(dir, "stage");
        Path data = Files.createDirectories(stage.resolve("data"));
        for (int i = 0; i < files.length; i += 2) {
            Files.write(data.resolve((String) files[i]), (byte[]) files[i + 1]);
        }
        return stage.toString();
    }

    private InvalidModelFileException refused(String stage) {
        return assertThrows(
                InvalidModelFileException.class,
                () -> ModelDataFiles.loadNewest(env, stage, LinearModelData.SCHEMA));
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void testTheNewestValidVersionOfAllFilesIsLoaded() throws Exception {
        String stage =
                stage(
                        "part-0", records(model(1, 1, 2), model(3, 3, 4)),
                        "part-1", records(model(2, 5, 6)),
                        ".part-2.inprogress", new byte[] {1, 2, 3});
        try (CloseableIterator<LinearModelData> it =
                ModelDataFiles.loadNewest(env, stage, LinearModelData.SCHEMA).executeAndCollect()) {
            LinearModelData newest = it.next();
            assertEquals(3, newest.modelVersion);
            assertArrayEquals(new double[] {3, 4}, newest.coefficient.values);
            assertEquals(1003, newest.timestamp);
            assertTrue(!it.hasNext());
        }
    }

    @Test
    void testSavingWhereNothingWouldBeCommittedFailsAtSave() {
        StreamExecutionEnvironment noCheckpoints =
                StreamExecutionEnvironment.getExecutionEnvironment();
        IllegalStateException error =
                assertThrows(
                        IllegalStateException.class,
                        () -> ModelDataFiles.checkCommits(noCheckpoints, "/models/a"));
        assertTrue(error.getMessage().contains("/models/a"), error.getMessage());
        assertTrue(error.getMessage().contains("checkpointing disabled"), error.getMessage());
        assertTrue(error.getMessage().contains("env.enableCheckpointing"), error.getMessage());

        Configuration lastCheckpointOff = new Configuration();
        lastCheckpointOff.set(
                ExecutionCheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, false);
        StreamExecutionEnvironment noFinalCheckpoint =
                StreamExecutionEnvironment.getExecutionEnvironment(lastCheckpointOff);
        noFinalCheckpoint.enableCheckpointing(100);
        error =
                assertThrows(
                        IllegalStateException.class,
                        () -> ModelDataFiles.checkCommits(noFinalCheckpoint, "/models/b"));
        assertTrue(
                error.getMessage().contains("no checkpoints after tasks finish"),
                error.getMessage());
        assertTrue(
                error.getMessage()
                        .contains(
                                ExecutionCheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH
                                        .key()),
                error.getMessage());

        // The test jobs' environment commits (a checkpoint after the tasks finish), and so does a
        // batch job, whose file sink commits at its end.
        ModelDataFiles.checkCommits(env, "/models/c");
        Configuration batch = new Configuration();
        batch.set(
                org.apache.flink.configuration.ExecutionOptions.RUNTIME_MODE,
                RuntimeExecutionMode.BATCH);
        ModelDataFiles.checkCommits(
                StreamExecutionEnvironment.getExecutionEnvironment(batch), "/models/d");
    }

    @Test
    void testNothingCommittedIsFileNotFound() throws Exception {
        assertThrows(
                FileNotFoundException.class,
                () ->
                        ModelDataFiles.loadNewest(
                                env,
                                stage(".part-0.inprogress", new byte[8]),
                                LinearModelData.SCHEMA));
    }

    @Test
    void testJunkIsNotModelData() throws Exception {
        byte[] junk = new byte[64];
        new Random(1).nextBytes(junk);
        assertMentions(refused(stage("part-0", junk)), "part-0", "byte 0", "not a model data file");
    }

    @Test
    void testALengthPrefixBeyondTheFileIsRefusedBeforeAllocating() throws Exception {
        for (int length : new int[] {Integer.MAX_VALUE, -7, 1 << 30}) {
            byte[] bytes = records(model(1, 1, 2));
            ByteBuffer.wrap(bytes).putInt(8, length);
            assertMentions(refused(stage("part-0", bytes)), "part-0", "claims " + length);
        }
    }

    @Test
    void testAVectorLengthBeyondTheRecordIsRefusedBeforeAllocating() throws Exception {
        for (int length : new int[] {Integer.MAX_VALUE, -1, 6}) {
            byte[] bytes = records(model(1, 1, 2));
            // The payload starts after the 12-byte header with the coefficient's length.
            ByteBuffer.wrap(bytes).putInt(12, length);
            resealChecksum(bytes);
            assertMentions(
                    refused(stage("part-0", bytes)), "part-0", "a vector of " + length + " values");
        }
    }

    @Test
    void testATruncatedRecordNamesTheFileAndOffset() throws Exception {
        byte[] two = records(model(1, 1, 2), model(2, 3, 4));
        int first = records(model(1, 1, 2)).length;
        for (int cut : new int[] {first + 5, two.length - 1}) {
            assertMentions(
                    refused(stage("part-0", Arrays.copyOf(two, cut))),
                    "part-0",
                    "record at byte " + first);
        }
    }

    @Test
    void testAFlippedByteIsCaughtByTheChecksum() throws Exception {
        byte[] bytes = records(model(1, 1, 2));
        bytes[20] ^= 0x10;
        assertMentions(refused(stage("part-0", bytes)), "part-0", "checksum");
    }

    @Test
    void testAnotherFormatVersionIsNamed() throws Exception {
        byte[] bytes = records(model(1, 1, 2));
        ByteBuffer.wrap(bytes).putInt(4, 2);
        assertMentions(refused(stage("part-0", bytes)), "format version 2");
    }

    @Test
    void testNonFiniteModelDataIsNotLoaded() throws Exception {
        assertMentions(
                refused(stage("part-0", records(model(1, 1, Double.NaN)))),
                "part-0",
                "coefficient[1] is NaN");
        assertMentions(
                refused(
                        stage(
                                "part-0",
                                records(
                                        new LinearModelData(
                                                new DenseVector(new double[] {1}),
                                                Double.POSITIVE_INFINITY,
                                                1,
                                                0)))),
                "intercept is Infinity");
        ByteArrayOutputStream scaler = new ByteArrayOutputStream();
        ModelDataFiles.writeRecord(
                StandardScalerModelData.SCHEMA,
                new StandardScalerModelData(
                        new DenseVector(new double[] {0, 1}),
                        new DenseVector(new double[] {1, -2}),
                        1,
                        0),
                scaler,
                new DataOutputSerializer(64));
        InvalidModelFileException negative =
                assertThrows(
                        InvalidModelFileException.class,
                        () ->
                                ModelDataFiles.loadNewest(
                                        env,
                                        stage("part-0", scaler.toByteArray()),
                                        StandardScalerModelData.SCHEMA));
        assertMentions(negative, "std[1] is negative");
    }

    @Test
    void testOneVersionInTwoRecordsIsAnError() throws Exception {
        assertMentions(
                refused(
                        stage(
                                "part-0",
                                records(model(4, 1, 2)),
                                "part-1",
                                records(model(4, 1, 2)))),
                "model version 4 appears twice",
                "part-0",
                "part-1");
    }

    /** Recomputes the checksum after a payload edit, so the edit itself is what is caught. */
    private static void resealChecksum(byte[] record) {
        int payload = ByteBuffer.wrap(record).getInt(8);
        CRC32 crc = new CRC32();
        crc.update(record, 12, payload);
        ByteBuffer.wrap(record).putInt(12 + payload, (int) crc.getValue());
    }
}
