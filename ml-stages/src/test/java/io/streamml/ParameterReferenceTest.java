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
package io.streamml;

import io.streamml.ParameterReference.Accepts;
import io.streamml.ParameterReference.Described;
import io.streamml.ParameterReference.DifferingDefault;
import io.streamml.ParameterReference.Entry;

import org.apache.flink.ml.api.Stage;
import org.apache.flink.ml.common.param.HasGlobalBatchSize;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.ParamValidator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.streamml.ParameterReference.BEGIN;
import static io.streamml.ParameterReference.END;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * README's parameter reference is what {@link ParameterReference} renders from the stages, and what
 * the reference adds to the params holds: the valid values agree with each param's validator, every
 * public stage is listed, and every default that differs from Flink ML 2.3's has a reason.
 */
class ParameterReferenceTest {
    private static final Path README = Paths.get("..", "README.md");

    @Test
    void testReadmeSectionIsGenerated() throws IOException {
        String readme = new String(Files.readAllBytes(README), StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(
                begin >= 0 && end > begin,
                "README.md needs a section between " + BEGIN + " and " + END);
        int start = begin + BEGIN.length() + 1;
        String generated = ParameterReference.render();
        if (Boolean.getBoolean("parameters.write")) {
            String updated = readme.substring(0, start) + generated + readme.substring(end);
            Files.write(README, updated.getBytes(StandardCharsets.UTF_8));
            return;
        }
        String current = readme.substring(start, end);
        if (!generated.equals(current)) {
            fail(
                    "README's parameter reference is not what the stages' params say (+ generated,"
                            + " - README, numbered by line of the section):\n"
                            + diff(current, generated)
                            + "\nRegenerate it with: "
                            + ParameterReference.REGENERATE);
        }
    }

    @Test
    void testValidValuesAgreeWithTheValidators() {
        List<String> wrong = new ArrayList<>();
        for (Described described : ParameterReference.ACCEPTS) {
            @SuppressWarnings("unchecked")
            ParamValidator<Object> validator = (ParamValidator<Object>) described.param.validator;
            Accepts accepts = described.accepts;
            for (Object value : accepts.accepted) {
                if (!validator.validate(value)) {
                    wrong.add(described.param.name + " rejects " + ParameterReference.value(value));
                }
            }
            for (Object value : accepts.rejected) {
                if (validator.validate(value)) {
                    wrong.add(described.param.name + " accepts " + ParameterReference.value(value));
                }
            }
        }
        assertEquals(
                new ArrayList<String>(), wrong, "valid values that the validators disagree with");
    }

    /** Every public, concrete Stage in ml-stages' sources is in the reference. */
    @Test
    void testEveryStageIsListed() throws Exception {
        Set<Class<?>> listed = new HashSet<>();
        for (Entry entry : ParameterReference.ENTRIES) {
            listed.add(entry.stage.getClass());
            if (entry.model != null) {
                listed.add(entry.model.getClass());
            }
        }
        for (Stage<?> stage : ParameterReference.WITHOUT_PARAMS) {
            listed.add(stage.getClass());
            assertTrue(stage.getParamMap().isEmpty(), stage.getClass() + " has params");
        }
        Path sources = Paths.get("src/main/java");
        List<String> unlisted = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
        }
        Set<Class<?>> found = new HashSet<>();
        for (Path file : files) {
            String name =
                    sources.relativize(file).toString().replace(".java", "").replace('/', '.');
            Class<?> type = Class.forName(name);
            if (Stage.class.isAssignableFrom(type)
                    && Modifier.isPublic(type.getModifiers())
                    && !Modifier.isAbstract(type.getModifiers())) {
                found.add(type);
                if (!listed.contains(type)) {
                    unlisted.add(name);
                }
            }
        }
        assertTrue(found.containsAll(listed), "listed stages not found in " + sources);
        assertEquals(new ArrayList<String>(), unlisted, "stages missing from ParameterReference");
    }

    /** A Model line says "as above": its params are its Estimator's, the same Param objects. */
    @Test
    void testModelParamsAreTheEstimatorsParams() {
        for (Entry entry : ParameterReference.ENTRIES) {
            if (entry.model == null) {
                continue;
            }
            for (Param<?> param : entry.model.getParamMap().keySet()) {
                Param<?> estimators =
                        entry.stage.getParamMap().keySet().stream()
                                .filter(p -> p.name.equals(param.name))
                                .findFirst()
                                .orElseThrow(
                                        () ->
                                                new AssertionError(
                                                        entry.name() + " lacks " + param.name));
                assertSame(estimators, param, entry.name() + "'s " + param.name);
            }
        }
    }

    /** The per-stage lists name params the stage has, and every description is used. */
    @Test
    void testReferenceDataMatchesTheStages() {
        Set<Param<?>> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Entry entry : ParameterReference.ENTRIES) {
            List<Param<?>> params = entry.params();
            used.addAll(params);
            for (Param<?> param : entry.exceptions.keySet()) {
                assertTrue(
                        params.stream().anyMatch(p -> p == param),
                        entry.name() + " has no param " + param.name);
            }
        }
        for (Described described : ParameterReference.ACCEPTS) {
            assertTrue(used.contains(described.param), "no stage has " + described.param.name);
        }
    }

    @Test
    void testEveryDifferingDefaultHasItsReason() {
        Set<String> differing = new LinkedHashSet<>();
        for (DifferingDefault row : ParameterReference.differingDefaults()) {
            differing.add(row.param);
        }
        assertEquals(ParameterReference.WHY_DEFAULTS_DIFFER.keySet(), differing);
        // The section says globalBatchSize keeps 2.3's default.
        assertTrue(!differing.contains(HasGlobalBatchSize.GLOBAL_BATCH_SIZE.name));
        for (Entry entry : ParameterReference.ENTRIES) {
            String theirs = entry.flink23Defaults.get(HasGlobalBatchSize.GLOBAL_BATCH_SIZE.name);
            if (theirs != null) {
                assertEquals(
                        String.valueOf(HasGlobalBatchSize.GLOBAL_BATCH_SIZE.defaultValue), theirs);
            }
        }
    }

    /** The lines that differ between the README's section and the generated one (an LCS diff). */
    private static String diff(String current, String generated) {
        String[] was = current.split("\n", -1);
        String[] now = generated.split("\n", -1);
        // common[i][j]: length of the longest common subsequence of was[i..] and now[j..].
        int[][] common = new int[was.length + 1][now.length + 1];
        for (int i = was.length - 1; i >= 0; i--) {
            for (int j = now.length - 1; j >= 0; j--) {
                common[i][j] =
                        was[i].equals(now[j])
                                ? common[i + 1][j + 1] + 1
                                : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < was.length || j < now.length) {
            if (i < was.length && j < now.length && was[i].equals(now[j])) {
                i++;
                j++;
            } else if (j < now.length
                    && (i == was.length || common[i][j + 1] >= common[i + 1][j])) {
                out.append("+ ").append(j + 1).append(": ").append(now[j++]).append('\n');
            } else {
                out.append("- ").append(i + 1).append(": ").append(was[i++]).append('\n');
            }
        }
        return out.toString();
    }
}
