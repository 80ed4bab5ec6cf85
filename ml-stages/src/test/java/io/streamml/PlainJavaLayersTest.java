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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plain-Java packages (statistics, optimizers, losses, metrics, drift detectors) import no
 * Flink type and nothing from the library's other packages except the ones listed: the arrows point
 * down from the stages to them, never up. Read from the sources, so a new import fails here.
 */
class PlainJavaLayersTest {

    @ParameterizedTest
    @CsvSource({
        "stats, ''",
        "optim, ''",
        "linear/loss, ''",
        "drift, io.streamml.stats",
        "evaluation/metrics, io.streamml.stats"
    })
    void testImportsStayInTheirLayer(String packageDir, String allowed) throws IOException {
        String ownPackage = "io.streamml." + packageDir.replace('/', '.');
        List<String> allowedPrefixes = new ArrayList<>();
        allowedPrefixes.add(ownPackage + ".");
        if (!allowed.isEmpty()) {
            allowedPrefixes.addAll(Arrays.asList((allowed + ".").split(" ")));
        }
        Path dir = Paths.get("src/main/java/io/streamml").resolve(packageDir);
        assertTrue(Files.isDirectory(dir), dir.toAbsolutePath().toString());
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java"))
                            .collect(Collectors.toList())) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.startsWith("import ")) {
                        continue;
                    }
                    String imported = line.substring("import ".length()).replace("static ", "");
                    boolean library = imported.startsWith("io.streamml.");
                    boolean flink = imported.startsWith("org.apache.flink.");
                    boolean permitted = allowedPrefixes.stream().anyMatch(imported::startsWith);
                    if (flink || library && !permitted) {
                        violations.add(dir.relativize(file) + ": " + line);
                    }
                }
            }
        }
        assertEquals(new ArrayList<String>(), violations);
    }
}
