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

import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.feature.standardscaler.StandardScaler;

import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading a stage treats its metadata file as untrusted: {@link StageMetadata}. */
class StageMetadataTest {
    private static final String TRIPWIRE = "io.streamml.test.tripwire";

    /** A class whose static initializer leaves a trace, to show loading never initializes it. */
    public static final class Tripwire {
        static {
            System.setProperty(TRIPWIRE, "initialized");
        }

        public Tripwire() {
            System.setProperty(TRIPWIRE, "instantiated");
        }
    }

    @TempDir Path dir;

    private final StreamExecutionEnvironment env =
            StreamExecutionEnvironment.getExecutionEnvironment();

    private String saved() throws Exception {
        String path = dir.resolve("scaler").toString();
        new StandardScaler().setWithMean(true).setInputCol("x").save(path);
        return path;
    }

    @SuppressWarnings("unchecked")
    private static void rewriteMetadata(
            String path, java.util.function.Consumer<Map<String, Object>> edit) throws Exception {
        Map<String, Object> metadata = (Map<String, Object>) ReadWriteUtils.loadMetadata(path, "");
        edit.accept(metadata);
        Files.write(
                new File(path, "metadata").toPath(),
                ReadWriteUtils.OBJECT_MAPPER
                        .writeValueAsString(metadata)
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String metadataFile(String path) {
        return new File(path, "metadata").toString();
    }

    @Test
    void testLoadsItsOwnClassWithItsParams() throws Exception {
        StandardScaler loaded = StandardScaler.load(env, saved());
        assertTrue(loaded.getWithMean());
        assertEquals("x", loaded.getInputCol());
    }

    @Test
    void testAnotherStagesFileIsRefusedNamingTheFileAndBothClasses() throws Exception {
        String path = saved();
        InvalidModelFileException e =
                assertThrows(
                        InvalidModelFileException.class, () -> LogisticRegression.load(env, path));
        assertTrue(e.getMessage().contains(metadataFile(path)), e.getMessage());
        assertTrue(e.getMessage().contains(StandardScaler.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(LogisticRegression.class.getName()), e.getMessage());
    }

    @Test
    void testTheNamedClassIsNeitherInitializedNorInstantiated() throws Exception {
        String path = saved();
        rewriteMetadata(path, metadata -> metadata.put("className", Tripwire.class.getName()));
        InvalidModelFileException e =
                assertThrows(InvalidModelFileException.class, () -> StandardScaler.load(env, path));
        assertTrue(e.getMessage().contains("not a stage"), e.getMessage());
        assertNull(System.getProperty(TRIPWIRE));
    }

    @Test
    void testAMissingOrUnknownClassIsNamed() throws Exception {
        String path = saved();
        rewriteMetadata(path, metadata -> metadata.remove("className"));
        InvalidModelFileException missing =
                assertThrows(InvalidModelFileException.class, () -> StandardScaler.load(env, path));
        assertTrue(missing.getMessage().contains("names no stage class"), missing.getMessage());

        rewriteMetadata(path, metadata -> metadata.put("className", "no.such.Stage"));
        InvalidModelFileException unknown =
                assertThrows(InvalidModelFileException.class, () -> StandardScaler.load(env, path));
        assertTrue(unknown.getMessage().contains("no.such.Stage"), unknown.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void testAParamTheClassDoesNotHaveIsNamed() throws Exception {
        String path = saved();
        rewriteMetadata(
                path,
                metadata ->
                        ((Map<String, Object>) metadata.get("paramMap")).put("noSuchParam", "1"));
        InvalidModelFileException e =
                assertThrows(InvalidModelFileException.class, () -> StandardScaler.load(env, path));
        assertTrue(e.getMessage().contains("'noSuchParam'"), e.getMessage());
        assertTrue(e.getMessage().contains(metadataFile(path)), e.getMessage());
    }

    @Test
    void testAValueItsParamRefusesIsNamed() throws Exception {
        String path = dir.resolve("lr").toString();
        new LogisticRegression().save(path);
        rewriteMetadata(
                path,
                metadata -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> params = (Map<String, Object>) metadata.get("paramMap");
                    params.put("maxIter", "-3");
                });
        InvalidModelFileException e =
                assertThrows(
                        InvalidModelFileException.class, () -> LogisticRegression.load(env, path));
        assertTrue(e.getMessage().contains("'maxIter'"), e.getMessage());
    }
}
