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

import io.streamml.common.table.InputBoundedness;
import io.streamml.common.table.TableEnvironments;

import org.apache.flink.annotation.Internal;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.util.CloseableIterator;

import java.util.Collections;

/**
 * The newest version of bounded model data, as a one-row Table: what a Model scores with after an
 * online fit on a bounded Table, so that every row of a later bounded transform meets the final
 * model rather than whichever version had arrived when the row did.
 */
@Internal
public final class NewestVersion {
    private NewestVersion() {}

    /**
     * Runs the job that produces {@code modelData} to its end and returns its newest version. Like
     * any collect, this executes the environment's pending transformations too.
     *
     * @throws IllegalStateException when the model data is unbounded (a streaming transform already
     *     scores each row with the newest version) or holds no version
     */
    public static <M extends VersionedModelData> Table of(
            Table modelData, ModelDataSchema<M> schema, String stage) throws Exception {
        if (!InputBoundedness.isBounded(modelData)) {
            throw new IllegalStateException(
                    stage
                            + ": the model data is unbounded, so it has no newest version to wait"
                            + " for; a streaming transform scores each row with the newest version"
                            + " there is, and load(env, path) of a saved model gives the newest"
                            + " committed one.");
        }
        DataStream<M> versions = schema.fromTable(modelData);
        M newest = null;
        try (CloseableIterator<M> it =
                versions.executeAndCollect(stage + ": the newest model version")) {
            while (it.hasNext()) {
                M version = it.next();
                if (newest == null || version.getModelVersion() >= newest.getModelVersion()) {
                    newest = version;
                }
            }
        }
        if (newest == null) {
            throw new IllegalStateException(stage + ": the model data holds no model version.");
        }
        StreamTableEnvironment tEnv = TableEnvironments.of(modelData);
        return schema.toTable(
                tEnv,
                versions.getExecutionEnvironment()
                        .fromCollection(Collections.singletonList(newest), schema.modelType()));
    }
}
