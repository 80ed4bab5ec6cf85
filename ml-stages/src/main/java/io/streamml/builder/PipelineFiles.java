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
package io.streamml.builder;

import io.streamml.common.model.InvalidModelFileException;
import io.streamml.common.model.StageDirectory;
import io.streamml.common.model.StageLoader;
import io.streamml.common.model.StageMetadata;

import org.apache.flink.ml.api.Stage;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads the stages of a {@link Pipeline} or {@link PipelineModel} in Flink ML's layout
 * ({@code metadata} with {@code numStages}, then {@code stages/0}, {@code stages/1} …), on any
 * Flink file system. Loading treats the files as untrusted: each stage's class is resolved without
 * initializing it and must be a {@link Stage} with a public static {@code load(env, path)} before
 * anything of it runs.
 */
final class PipelineFiles {
    /** More stages than this is not a pipeline anyone saved. */
    private static final int MAX_STAGES = 10_000;

    private PipelineFiles() {}

    static void save(Stage<?> pipeline, List<Stage<?>> stages, String path) throws IOException {
        Map<String, Object> extra = new HashMap<>();
        extra.put("numStages", stages.size());
        StageMetadata.save(pipeline, path, extra);
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).save(stagePath(path, i, stages.size()));
        }
    }

    /**
     * The stages saved at {@code path} by a pipeline of one of {@code pipelineClassNames} (ours, or
     * Flink ML's, whose files have the same layout).
     */
    static List<Stage<?>> load(
            StreamExecutionEnvironment env, String path, String... pipelineClassNames)
            throws IOException {
        String file = StageDirectory.child(path, "metadata");
        Map<String, ?> metadata = StageMetadata.read(path);
        Object className = metadata.get("className");
        List<String> expected = new ArrayList<>();
        Collections.addAll(expected, pipelineClassNames);
        if (!expected.contains(className)) {
            throw new InvalidModelFileException(
                    file + ": holds a " + className + ", not a " + pipelineClassNames[0]);
        }
        Object numStages = metadata.get("numStages");
        if (!(numStages instanceof Integer)
                || (Integer) numStages < 0
                || (Integer) numStages > MAX_STAGES) {
            throw new InvalidModelFileException(
                    file + ": numStages must be a count of stages, not " + numStages);
        }
        int count = (Integer) numStages;
        List<Stage<?>> stages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            stages.add(StageLoader.load(env, stagePath(path, i, count), Stage.class));
        }
        return stages;
    }

    /** {@code path}/stages/{i}, the index zero-padded to the width of {@code numStages}. */
    private static String stagePath(String path, int i, int numStages) {
        String name = String.format("%0" + String.valueOf(numStages).length() + "d", i);
        return StageDirectory.child(StageDirectory.child(path, "stages"), name);
    }
}
