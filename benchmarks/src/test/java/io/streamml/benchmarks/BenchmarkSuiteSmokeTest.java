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
package io.streamml.benchmarks;

import io.streamml.benchmarks.report.BenchmarkReport;
import io.streamml.benchmarks.report.JmhResults;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI smoke pass: every benchmark of the suite once, at tiny sizes and one iteration, in this
 * JVM, then the report. It checks that the outputs exist and are well-formed — never a timing.
 */
class BenchmarkSuiteSmokeTest {
    private static final Path OUTPUT = Paths.get("target", "smoke-results");
    private static final String SMOKE_ROW = "| 2,000 × 5 |";

    private static JmhResults results;
    private static String markdown;

    @BeforeAll
    static void runSuite() throws Exception {
        BenchmarkSuite.run(OUTPUT, true, Collections.emptyList());
        results = JmhResults.read(OUTPUT.resolve(BenchmarkReport.JMH_JSON));
        markdown =
                new String(
                        Files.readAllBytes(OUTPUT.resolve(BenchmarkReport.MARKDOWN)),
                        StandardCharsets.UTF_8);
    }

    @Test
    void everyBenchmarkMethodRanWithFiniteFigures() {
        for (Class<?> benchmark : BenchmarkSuite.BENCHMARKS) {
            for (Method method : benchmark.getMethods()) {
                if (!method.isAnnotationPresent(Benchmark.class)) {
                    continue;
                }
                String name = benchmark.getSimpleName() + "." + method.getName();
                List<JmhResults.Result> runs = results.findAll(name);
                assertFalse(runs.isEmpty(), name + " did not run");
                for (JmhResults.Result run : runs) {
                    assertTrue(
                            Double.isFinite(run.score) && run.score > 0, name + ": " + run.score);
                    for (Map.Entry<String, Double> counter : run.secondary.entrySet()) {
                        assertTrue(
                                Double.isFinite(counter.getValue()),
                                name + ":" + counter.getKey() + " = " + counter.getValue());
                    }
                }
            }
        }
    }

    @Test
    void reportHasEverySectionAndRowWithoutMissingFigures() {
        String[] sections = {
            "## Bounded LogisticRegression fit against flink-ml-lib 2.0.0",
            "## Bounded LinearRegression and StandardScaler fit",
            "## Online LogisticRegression training throughput",
            "## Model transform throughput",
            "## Model-version latency",
            "## Memory per cached training row",
            "## Hardware reference"
        };
        for (String section : sections) {
            assertTrue(markdown.contains(section), "missing section " + section);
        }
        assertTrue(markdown.startsWith("# Benchmark results\n\nRun finished "));
        // LogisticRegression fit: times, objectives, time to loss (3); LinearRegression and
        // StandardScaler (2); online: pass-through, LogisticRegression, StandardScaler, with a
        // hop and through one task (5); transform: pass-through and three models (4); latency,
        // memory, hardware reference (3).
        assertEquals(17, count(markdown, SMOKE_ROW), markdown);
        for (String model :
                new String[] {
                    "| pass-through | 2,000 × 5 |",
                    "| ours, bounded model | 2,000 × 5 |",
                    "| ours, streaming model | 2,000 × 5 |",
                    "| flink-ml-lib 2.0.0, bounded model | 2,000 × 5 |",
                    "| LinearRegression | 2,000 × 5 |",
                    "| StandardScaler (withMean) | 2,000 × 5 |",
                    "| LogisticRegression, batch 1000 | 2,000 × 5 | 2 |",
                    "| StandardScaler | 2,000 × 5 | 2 |",
                    "| pass-through through one task | 2,000 × 5 | 2 |",
                    "| pass-through with a hop | 2,000 × 5 | 2 |"
                }) {
            assertTrue(markdown.contains(model), "missing row " + model);
        }
        assertFalse(markdown.contains(BenchmarkReport.MISSING_FIGURE), markdown);
        assertFalse(markdown.contains("NaN"), markdown);
    }

    @Test
    void chartIsAReadablePng() throws Exception {
        File png = OUTPUT.resolve(BenchmarkReport.CHART).toFile();
        BufferedImage image = ImageIO.read(png);
        assertNotNull(image, "not a readable image: " + png);
        assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
