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

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;

/**
 * Model data files under a saved stage's directory, on any Flink file system. Saving goes through
 * Flink's file sink, which commits a part file at each checkpoint (or the end of a bounded job):
 * in-progress files are hidden (their names start with "."), and a part file becomes visible by a
 * rename on HDFS and local disks or by completing its multi-part upload on S3, so an online fit's
 * versions become durable exactly once as they are produced. Loading reads only committed files and
 * keeps the newest version.
 */
public final class ModelDataFiles {
    private static final String DATA_DIRECTORY = "data";

    private ModelDataFiles() {}

    /** Adds a sink writing the model data under {@code path}; runs with the next execute(). */
    public static <M> void save(DataStream<M> modelData, String path, ModelDataSchema<M> schema) {
        FileSink<M> sink =
                FileSink.forRowFormat(
                                new Path(StageDirectory.child(path, DATA_DIRECTORY)),
                                schema.encoder())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .build();
        modelData.sinkTo(sink).name("modelData");
    }

    /** The newest committed model version saved under {@code path}, as a one-record stream. */
    public static <M extends VersionedModelData> DataStream<M> loadNewest(
            StreamExecutionEnvironment env, String path, ModelDataSchema<M> schema)
            throws IOException {
        String dataDir = StageDirectory.child(path, DATA_DIRECTORY);
        List<FileStatus> files = StageDirectory.committedFiles(dataDir);
        if (files.isEmpty()) {
            throw new FileNotFoundException("No committed model data files under " + dataDir);
        }
        Path[] paths = files.stream().map(FileStatus::getPath).toArray(Path[]::new);
        DataStream<M> versions =
                env.fromSource(
                        FileSource.forRecordStreamFormat(schema.decoder(), paths).build(),
                        WatermarkStrategy.noWatermarks(),
                        "modelData");
        return NewestVersionOperator.of(versions, schema.modelType());
    }
}
