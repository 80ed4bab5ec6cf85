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

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.ExecutionCheckpointingOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Model data files under a saved stage's directory, on any Flink file system. Saving goes through
 * Flink's file sink, which commits a part file at each checkpoint (the last one after the tasks
 * finish, so saving refuses an environment without it): in-progress files are hidden (their names
 * start with "."), and a part file becomes visible by a rename on HDFS and local disks or by
 * completing its multi-part upload on S3, so an online fit's versions become durable exactly once
 * as they are produced.
 *
 * <p>Each record is framed: magic {@code "SMLD"}, format version, payload length, payload (the
 * schema's layout), CRC-32 of the payload. Loading reads the files as untrusted input, in the
 * client before the job is built: a length is checked against what is left of the file before
 * anything is allocated, and a bad magic, an unknown format version, a truncated or corrupted
 * record, non-finite values or one model version in two records is an {@link
 * InvalidModelFileException} naming the file and the record's offset, so a bad file stops {@code
 * load} rather than a running job (no restart loop). Loading scans every committed record once,
 * keeping only the newest.
 */
@Internal
public final class ModelDataFiles {
    /** "SMLD": Stream ML model data. */
    static final int MAGIC = 0x534d4c44;

    static final int FORMAT_VERSION = 1;

    /** Magic, format version and payload length. */
    private static final int HEADER_BYTES = 12;

    private static final int CHECKSUM_BYTES = 4;

    private static final String DATA_DIRECTORY = "data";

    private ModelDataFiles() {}

    /**
     * Adds a sink writing the model data under {@code path}; runs with the next execute().
     *
     * @throws IllegalStateException when the job would commit nothing: a streaming job without
     *     checkpointing, or without checkpoints after tasks finish (the last files of a bounded fit
     *     are committed by that final checkpoint)
     */
    public static <M> void save(DataStream<M> modelData, String path, ModelDataSchema<M> schema) {
        checkCommits(modelData.getExecutionEnvironment(), path);
        FileSink<M> sink =
                FileSink.forRowFormat(
                                new Path(StageDirectory.child(path, DATA_DIRECTORY)),
                                new FramedEncoder<>(schema))
                        .withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .build();
        modelData.sinkTo(sink).name("modelData");
    }

    /**
     * Fails at save time, where the cause is plain, rather than letting the saving job finish with
     * nothing committed and {@code load} fail later with no model data files.
     */
    static void checkCommits(StreamExecutionEnvironment env, String path) {
        ReadableConfig config = env.getConfiguration();
        if (config.get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH) {
            return; // the file sink commits at the end of a batch job
        }
        boolean checkpointing = env.getCheckpointConfig().isCheckpointingEnabled();
        boolean afterTasksFinish =
                config.get(ExecutionCheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH);
        if (!checkpointing || !afterTasksFinish) {
            throw new IllegalStateException(
                    String.format(
                            "Cannot save model data to %s: Flink's file sink commits model data"
                                    + " files at checkpoints only, and this environment has %s."
                                    + " Enable checkpointing (env.enableCheckpointing(...)) and set"
                                    + " %s=true when creating the environment, so the last"
                                    + " version of a bounded fit is committed when the job"
                                    + " finishes.",
                            path,
                            checkpointing
                                    ? "no checkpoints after tasks finish"
                                    : "checkpointing disabled",
                            ExecutionCheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH
                                    .key()));
        }
    }

    /**
     * The newest committed model version saved under {@code path}, as a one-record stream.
     *
     * @throws FileNotFoundException when nothing is committed yet
     * @throws InvalidModelFileException naming the file when a record is not valid model data
     */
    public static <M extends VersionedModelData> DataStream<M> loadNewest(
            StreamExecutionEnvironment env, String path, ModelDataSchema<M> schema)
            throws IOException {
        String dataDir = StageDirectory.child(path, DATA_DIRECTORY);
        List<FileStatus> files = StageDirectory.committedFiles(dataDir);
        if (files.isEmpty()) {
            throw new FileNotFoundException("No committed model data files under " + dataDir);
        }
        Map<Long, String> versionFiles = new HashMap<>();
        M newest = null;
        for (FileStatus file : files) {
            for (M record : read(file, schema)) {
                String earlier =
                        versionFiles.put(record.getModelVersion(), file.getPath().toString());
                if (earlier != null) {
                    throw new InvalidModelFileException(
                            file.getPath()
                                    + ": model version "
                                    + record.getModelVersion()
                                    + " appears twice (also in "
                                    + earlier
                                    + ")");
                }
                if (newest == null || record.getModelVersion() > newest.getModelVersion()) {
                    newest = record;
                }
            }
        }
        if (newest == null) {
            throw new InvalidModelFileException(
                    dataDir + ": the committed files hold no model version");
        }
        return env.fromCollection(Collections.singletonList(newest), schema.modelType())
                .name("modelData");
    }

    /** Every record of one file, validated. */
    static <M> List<M> read(FileStatus file, ModelDataSchema<M> schema) throws IOException {
        Path path = file.getPath();
        long length = file.getLen();
        List<M> records = new ArrayList<>();
        try (FSDataInputStream stream = path.getFileSystem().open(path);
                DataInputStream in = new DataInputStream(stream)) {
            long offset = 0;
            while (offset < length) {
                records.add(readRecord(in, path, offset, length - offset, schema));
                offset = stream.getPos();
            }
        }
        return records;
    }

    private static <M> M readRecord(
            DataInputStream in, Path file, long offset, long left, ModelDataSchema<M> schema)
            throws IOException {
        String where = file + ": record at byte " + offset;
        try {
            if (left < HEADER_BYTES + CHECKSUM_BYTES) {
                throw new InvalidModelFileException(
                        where + " is truncated (" + left + " bytes left)");
            }
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new InvalidModelFileException(
                        where + " does not start as model data records do (not a model data file)");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new InvalidModelFileException(
                        where
                                + " has format version "
                                + version
                                + "; this library reads version "
                                + FORMAT_VERSION);
            }
            int payloadBytes = in.readInt();
            if (payloadBytes < 0 || payloadBytes > left - HEADER_BYTES - CHECKSUM_BYTES) {
                throw new InvalidModelFileException(
                        where
                                + " claims "
                                + payloadBytes
                                + " bytes, but only "
                                + (left - HEADER_BYTES - CHECKSUM_BYTES)
                                + " are left in the file");
            }
            byte[] payload = new byte[payloadBytes];
            in.readFully(payload);
            int checksum = in.readInt();
            if (checksum != checksum(payload)) {
                throw new InvalidModelFileException(where + " is corrupted (checksum mismatch)");
            }
            DataInputDeserializer bytes = new DataInputDeserializer(payload);
            M record;
            try {
                record = schema.read(bytes);
            } catch (IOException | RuntimeException e) {
                throw new InvalidModelFileException(
                        where + " is not a valid record: " + e.getMessage(), e);
            }
            if (bytes.available() != 0) {
                throw new InvalidModelFileException(
                        where + " has " + bytes.available() + " bytes after its model data");
            }
            String problem = schema.problemOf(record);
            if (problem != null) {
                throw new InvalidModelFileException(where + " is not a usable model: " + problem);
            }
            return record;
        } catch (EOFException e) {
            throw new InvalidModelFileException(where + " is truncated", e);
        }
    }

    private static int checksum(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload, 0, payload.length);
        return (int) crc.getValue();
    }

    /** Writes {@code element} to {@code stream} framed as {@link #read} expects. */
    static <M> void writeRecord(
            ModelDataSchema<M> schema, M element, OutputStream stream, DataOutputSerializer buffer)
            throws IOException {
        buffer.clear();
        schema.write(element, buffer);
        byte[] payload = buffer.getCopyOfBuffer();
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeInt(payload.length);
        out.write(payload);
        out.writeInt(checksum(payload));
        out.flush();
    }

    /** Writes each record framed as {@link #read} expects. */
    private static final class FramedEncoder<M> implements Encoder<M> {
        private static final long serialVersionUID = 1L;

        private final ModelDataSchema<M> schema;
        private transient DataOutputSerializer buffer;

        FramedEncoder(ModelDataSchema<M> schema) {
            this.schema = schema;
        }

        @Override
        public void encode(M element, OutputStream stream) throws IOException {
            if (buffer == null) {
                buffer = new DataOutputSerializer(256);
            }
            writeRecord(schema, element, stream, buffer);
        }
    }
}
