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
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Loads a saved stage whose class only its metadata file names (a pipeline's stages, an evaluator's
 * Estimator): the file is untrusted input, so the class is checked before anything of it runs.
 */
@Internal
public final class StageLoader {
    private StageLoader() {}

    /**
     * Loads the stage saved at {@code path} through its class's static {@code load(env, path)},
     * after checking, without initializing the class the metadata names, that it is a {@link Stage}
     * and a {@code required}.
     *
     * @throws InvalidModelFileException naming the file when it names anything else
     */
    public static <T> T load(StreamExecutionEnvironment env, String path, Class<T> required)
            throws IOException {
        String file = StageDirectory.child(path, "metadata");
        Object className = StageMetadata.read(path).get("className");
        if (!(className instanceof String)) {
            throw new InvalidModelFileException(file + ": names no stage class");
        }
        Class<?> stageClass;
        try {
            // Not initialized: a class that is no Stage must not run its static initializer.
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            stageClass =
                    Class.forName(
                            (String) className,
                            false,
                            loader != null ? loader : StageLoader.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new InvalidModelFileException(
                    file + ": names " + className + ", a class that cannot be found", e);
        }
        if (!Stage.class.isAssignableFrom(stageClass)) {
            throw new InvalidModelFileException(
                    file + ": names " + className + ", which is not a stage");
        }
        if (!required.isAssignableFrom(stageClass)) {
            throw new InvalidModelFileException(
                    file + ": names " + className + ", which is not a " + required.getName());
        }
        Method load;
        try {
            load = stageClass.getMethod("load", StreamExecutionEnvironment.class, String.class);
        } catch (NoSuchMethodException e) {
            throw new InvalidModelFileException(
                    file + ": " + className + " has no static load(env, path)", e);
        }
        if (!Modifier.isStatic(load.getModifiers())
                || !Stage.class.isAssignableFrom(load.getReturnType())) {
            throw new InvalidModelFileException(
                    file + ": " + className + ".load(env, path) is not a static stage loader");
        }
        try {
            return required.cast(load.invoke(null, env, path));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new InvalidModelFileException(file + ": loading " + className + " failed", cause);
        } catch (IllegalAccessException e) {
            throw new InvalidModelFileException(file + ": cannot call " + className + ".load", e);
        }
    }
}
