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
import org.apache.flink.ml.api.Stage;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.util.InstantiationUtil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads a stage's class and params from the metadata file Flink ML's {@code
 * ReadWriteUtils.saveMetadata} writes, treating the file as untrusted input. Flink ML's {@code
 * loadStageParam} initializes and instantiates whatever class the file names before anything is
 * checked, and fails with a {@code NullPointerException} on a param the class does not have. Here
 * the named class is resolved without initializing it and must be the class being loaded; only then
 * is it instantiated, and every param must be one of its own and pass its validator.
 */
@Internal
public final class StageMetadata {
    private static final String FILE_NAME = "metadata";

    private StageMetadata() {}

    /**
     * Saves {@code stage}'s class and params to {@code path}/metadata in Flink ML's format, on any
     * Flink file system; the file must not exist yet and appears only when complete.
     */
    public static void save(Stage<?> stage, String path) throws IOException {
        save(stage, path, new HashMap<>());
    }

    /** {@link #save(Stage, String)} with more entries, such as a pipeline's number of stages. */
    public static void save(Stage<?> stage, String path, Map<String, ?> extraMetadata)
            throws IOException {
        Map<String, Object> metadata = new HashMap<>(extraMetadata);
        metadata.put("className", stage.getClass().getName());
        metadata.put("timestamp", System.currentTimeMillis());
        Map<String, String> params = new HashMap<>();
        for (Map.Entry<Param<?>, Object> entry : stage.getParamMap().entrySet()) {
            params.put(entry.getKey().name, encode(entry.getKey(), entry.getValue()));
        }
        metadata.put("paramMap", params);
        StageDirectory.writeNew(
                StageDirectory.child(path, FILE_NAME),
                ReadWriteUtils.OBJECT_MAPPER
                        .writeValueAsString(metadata)
                        .getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static <V> String encode(Param<V> param, Object value) throws IOException {
        return param.jsonEncode((V) value);
    }

    /**
     * The metadata saved at {@code path} as a map, read as untrusted input: bounded in size, and
     * any failure to read or parse it is an {@link InvalidModelFileException} naming the file.
     */
    public static Map<String, ?> read(String path) throws IOException {
        String file = StageDirectory.child(path, FILE_NAME);
        try {
            byte[] content = StageDirectory.readBounded(file, StageDirectory.MAX_METADATA_BYTES);
            StringBuilder json = new StringBuilder();
            // Flink ML skips lines starting with '#'.
            for (String line : new String(content, StandardCharsets.UTF_8).split("\\R")) {
                if (!line.startsWith("#")) {
                    json.append(line);
                }
            }
            Object parsed = ReadWriteUtils.OBJECT_MAPPER.readValue(json.toString(), Map.class);
            if (!(parsed instanceof Map)) {
                throw new InvalidModelFileException(file + ": is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> metadata = (Map<String, ?>) parsed;
            return metadata;
        } catch (InvalidModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidModelFileException(file + ": cannot read the stage's metadata", e);
        }
    }

    /**
     * The stage saved at {@code path}, with its params, which must have been saved by a {@code
     * stageClass}.
     *
     * @throws InvalidModelFileException naming the file when it names another class, no class, a
     *     param {@code stageClass} does not have or a value its param refuses
     */
    public static <T extends Stage<T>> T load(String path, Class<T> stageClass) throws IOException {
        String file = StageDirectory.child(path, FILE_NAME);
        Map<String, ?> metadata = read(path);
        Object className = metadata.get("className");
        if (!(className instanceof String)) {
            throw new InvalidModelFileException(
                    file + ": names no stage class; expected " + stageClass.getName());
        }
        checkNamedClass(file, (String) className, stageClass);

        T stage;
        try {
            stage = InstantiationUtil.instantiate(stageClass);
        } catch (RuntimeException e) {
            throw new InvalidModelFileException(
                    file + ": cannot instantiate " + stageClass.getName(), e);
        }
        Object params = metadata.get("paramMap");
        if (params != null && !(params instanceof Map)) {
            throw new InvalidModelFileException(file + ": paramMap is not a map of params");
        }
        Map<String, Param<?>> ownParams = new HashMap<>();
        for (Param<?> param : ParamUtils.getPublicFinalParamFields(stage)) {
            ownParams.put(param.name, param);
        }
        if (params != null) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) params).entrySet()) {
                setParam(file, stage, ownParams.get(String.valueOf(entry.getKey())), entry);
            }
        }
        return stage;
    }

    /** Resolves the named class without running its static initializer, and compares. */
    private static void checkNamedClass(String file, String className, Class<?> stageClass)
            throws InvalidModelFileException {
        if (className.equals(stageClass.getName())) {
            return;
        }
        String named;
        try {
            Class<?> namedClass = Class.forName(className, false, stageClass.getClassLoader());
            named =
                    Stage.class.isAssignableFrom(namedClass)
                            ? "a " + className + " (load it with " + className + ".load)"
                            : className + ", which is not a stage";
        } catch (ClassNotFoundException | LinkageError e) {
            named = className + ", a class that cannot be found";
        }
        throw new InvalidModelFileException(
                file + ": holds " + named + ", not a " + stageClass.getName());
    }

    @SuppressWarnings("unchecked")
    private static void setParam(String file, Stage<?> stage, Param<?> param, Map.Entry<?, ?> entry)
            throws InvalidModelFileException {
        if (param == null) {
            throw new InvalidModelFileException(
                    file
                            + ": param '"
                            + entry.getKey()
                            + "' is not a param of "
                            + stage.getClass().getName());
        }
        try {
            Object value = param.jsonDecode(String.valueOf(entry.getValue()));
            stage.set((Param<Object>) param, value);
        } catch (IOException | RuntimeException e) {
            throw new InvalidModelFileException(
                    file + ": invalid value of param '" + param.name + "': " + e.getMessage(), e);
        }
    }
}
