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
package io.streamml.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * README's programs are the files they claim to be: a code block after a line {@code <!-- include:
 * path -->} (path from the repository root) must be that file's content exactly, and every program
 * of the guide (a class in {@code io.streamml.examples.guide} with a {@code main} method) must be
 * included.
 */
class ReadmeProgramsTest {
    private static final Pattern INCLUDE = Pattern.compile("<!-- include: (\\S+) -->");
    private static final String GUIDE = "ml-examples/src/main/java/io/streamml/examples/guide";

    @Test
    void testIncludedCodeBlocksEqualTheirFiles() throws IOException {
        Path root = repositoryRoot();
        List<String> readme = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8);
        Set<String> included = new HashSet<>();
        for (int i = 0; i < readme.size(); i++) {
            Matcher marker = INCLUDE.matcher(readme.get(i).trim());
            if (!marker.matches()) {
                continue;
            }
            String path = marker.group(1);
            assertTrue(included.add(path), "README includes " + path + " twice");
            Path file = root.resolve(path);
            assertTrue(Files.isRegularFile(file), "README line " + (i + 1) + ": no file " + path);
            assertTrue(
                    i + 1 < readme.size() && readme.get(i + 1).startsWith("```"),
                    "README line " + (i + 2) + ": a code block must follow the include of " + path);
            StringBuilder block = new StringBuilder();
            int line = i + 2;
            while (line < readme.size() && !readme.get(line).equals("```")) {
                block.append(readme.get(line)).append('\n');
                line++;
            }
            assertTrue(line < readme.size(), "README: the code block of " + path + " never ends");
            String content = Files.readString(file, StandardCharsets.UTF_8);
            if (!content.equals(block.toString())) {
                fail(
                        "README's code block at line "
                                + (i + 3)
                                + " differs from "
                                + path
                                + firstDifference(block.toString(), content));
            }
        }

        Set<String> programs;
        try (Stream<Path> files = Files.list(root.resolve(GUIDE))) {
            programs =
                    files.filter(file -> file.toString().endsWith(".java"))
                            .filter(ReadmeProgramsTest::hasMain)
                            .map(file -> GUIDE + "/" + file.getFileName())
                            .collect(Collectors.toSet());
        }
        assertTrue(programs.size() >= 2, "no guide programs found: " + programs);
        for (String program : programs) {
            assertTrue(included.contains(program), "README does not include " + program);
        }
    }

    private static boolean hasMain(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8)
                    .contains("public static void main(String[] args)");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstDifference(String readme, String file) {
        String[] a = readme.split("\n", -1);
        String[] b = file.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "<end>";
            String right = i < b.length ? b[i] : "<end>";
            if (!left.equals(right)) {
                return " at its line " + (i + 1) + ":\n README: " + left + "\n file:   " + right;
            }
        }
        return "";
    }

    /** The tests run in ml-examples; README is in the directory above. */
    private static Path repositoryRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "no README.md above " + Paths.get("").toAbsolutePath());
        return dir;
    }
}
