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

import org.apache.flink.ml.api.Stage;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.util.InstantiationUtil;

import java.io.IOException;
import java.nio.file.Paths;
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
public final class StageMetadata {
    private StageMetadata() {}

    /**
     * The stage saved at {@code path}, with its params, which must have been saved by a {@code
     * stageClass}.
     *
     * @throws InvalidModelFileException naming the file when it names another class, no class, a
     *     param {@code stageClass} does not have or a value its param refuses
     */
    public static <T extends Stage<T>> T load(String path, Class<T> stageClass) throws IOException {
        String file = Paths.get(path, "metadata").toString();
        Map<String, ?> metadata;
        try {
            metadata = ReadWriteUtils.loadMetadata(path, "");
        } catch (IOException | RuntimeException e) {
            throw new InvalidModelFileException(file + ": cannot read the stage's metadata", e);
        }
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
