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
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.File;
import java.io.FileNotFoundException;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * Model data files under a saved stage's directory. Saving goes through flink-ml-core's file sink,
 * which commits a part file at each checkpoint (or the end of a bounded job), so an online fit's
 * versions become durable exactly once as they are produced. Loading reads only committed files
 * (Flink's in-progress files are hidden) and keeps the newest version.
 */
public final class ModelDataFiles {
    private ModelDataFiles() {}

    /** Adds a sink writing the model data under {@code path}; runs with the next execute(). */
    public static <M> void save(DataStream<M> modelData, String path, ModelDataSchema<M> schema) {
        ReadWriteUtils.saveModelData(modelData, path, schema.encoder());
    }

    /** The newest committed model version saved under {@code path}, as a one-record stream. */
    public static <M extends VersionedModelData> DataStream<M> loadNewest(
            StreamExecutionEnvironment env, String path, ModelDataSchema<M> schema)
            throws FileNotFoundException {
        File dataDir = Paths.get(path, "data").toFile();
        File[] files =
                dataDir.listFiles(
                        file ->
                                file.isFile()
                                        && !file.getName().startsWith(".")
                                        && !file.getName().startsWith("_"));
        if (files == null || files.length == 0) {
            throw new FileNotFoundException("No committed model data files under " + dataDir);
        }
        Path[] paths = Arrays.stream(files).map(Path::fromLocalFile).toArray(Path[]::new);
        DataStream<M> versions =
                env.fromSource(
                        FileSource.forRecordStreamFormat(schema.decoder(), paths).build(),
                        WatermarkStrategy.noWatermarks(),
                        "modelData");
        return NewestVersionOperator.of(versions, schema.modelType());
    }
}
