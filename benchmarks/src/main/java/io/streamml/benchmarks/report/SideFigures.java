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
package io.streamml.benchmarks.report;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Figures a benchmark records beside JMH's JSON, for what a scalar aux counter cannot hold: our
 * fit's objective and elapsed time per round, from which the report derives the time our fit needs
 * to reach the peer's final loss. One JSON file per name, in the directory the suite hands its
 * forks as system property {@value #DIRECTORY_PROPERTY}; without it nothing is written.
 */
public final class SideFigures {
    public static final String DIRECTORY_PROPERTY = "streamml.benchmarks.figures";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SideFigures() {}

    /**
     * Writes {@code figures} as {@code name}.json into the directory the suite named, replacing an
     * earlier iteration's; does nothing when run outside the suite.
     */
    public static void write(String name, Map<String, Object> figures) {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory != null) {
            write(Paths.get(directory), name, figures);
        }
    }

    /** Writes {@code figures} as {@code name}.json into {@code directory}. */
    public static void write(Path directory, String name, Map<String, Object> figures) {
        try {
            Files.createDirectories(directory);
            JSON.writeValue(directory.resolve(name + ".json").toFile(), figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The figures written as {@code name} into {@code directory}, or null if there are none. */
    public static JsonNode read(Path directory, String name) {
        Path file = directory.resolve(name + ".json");
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
