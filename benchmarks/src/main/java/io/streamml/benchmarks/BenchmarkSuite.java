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
import io.streamml.benchmarks.report.SideFigures;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the suite and writes, into one directory, JMH's JSON ({@value BenchmarkReport#JMH_JSON}),
 * the side figures ({@value BenchmarkReport#FIGURES_DIRECTORY}/) and the report generated from them
 * ({@value BenchmarkReport#MARKDOWN} and {@value BenchmarkReport#CHART}).
 *
 * <p>Arguments: the output directory, then optionally {@code --smoke} (tiny sizes, one iteration,
 * in this JVM: the CI pass) and a JMH include pattern to run a part of the suite.
 */
public final class BenchmarkSuite {
    /** Every benchmark of the suite, in the report's order. */
    public static final List<Class<?>> BENCHMARKS =
            Arrays.asList(
                    PassThroughBenchmark.class,
                    BoundedFitBenchmark.class,
                    OnlineTrainingBenchmark.class,
                    ModelTransformBenchmark.class,
                    ModelVersionLatencyBenchmark.class,
                    TrainingCacheMemoryBenchmark.class,
                    GradientLoopBenchmark.class,
                    ConcurrentGradientLoopBenchmark.class,
                    RunningMomentsBenchmark.class);

    /** Heap of a forked trial: 1M × 100 rows, their training cache and a peer's cache fit. */
    private static final String FORK_HEAP = "-Xmx6g";

    /**
     * JDK 17 runs Flink 1.14 only with these opened (the root pom's jdk17.opens and .mvn/jvm.config
     * hold the same list); the forks get them, the JVM running this does not need them.
     */
    private static final String[] JDK17_OPENS = {
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
        "--add-opens=java.base/java.time=ALL-UNNAMED",
        "--add-opens=java.base/java.text=ALL-UNNAMED",
        "--add-opens=java.sql/java.sql=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.util=ALL-UNNAMED"
    };

    /** The smoke pass's size: enough rows for two subtasks and two mini-batches. */
    public static final String SMOKE_SIZE = "2000x5";

    private BenchmarkSuite() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: BenchmarkSuite OUTPUT_DIRECTORY [--smoke] [INCLUDE_REGEX]");
            System.exit(2);
        }
        Path output = Paths.get(args[0]).toAbsolutePath();
        boolean smoke = Arrays.asList(args).contains("--smoke");
        List<String> includes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            // Maven passes an unset -Dbenchmarks.include as an empty argument.
            if (!args[i].equals("--smoke") && !args[i].trim().isEmpty()) {
                includes.add(args[i]);
            }
        }
        run(output, smoke, includes);
    }

    /** Runs the benchmarks (all, or those matching {@code includes}) and writes the report. */
    public static void run(Path output, boolean smoke, List<String> includes) throws Exception {
        Path figures = output.resolve(BenchmarkReport.FIGURES_DIRECTORY);
        Files.createDirectories(figures);
        ChainedOptionsBuilder options =
                new OptionsBuilder()
                        .resultFormat(ResultFormatType.JSON)
                        .result(output.resolve(BenchmarkReport.JMH_JSON).toString())
                        .shouldFailOnError(true);
        if (includes.isEmpty()) {
            for (Class<?> benchmark : BENCHMARKS) {
                options.include(benchmark.getName() + "\\.");
            }
        } else {
            includes.forEach(options::include);
        }
        if (smoke) {
            // In this JVM, which the caller started with the opens (surefire's argLine). JMH's
            // lock keeps timed runs apart; a smoke pass times nothing, so it need not wait.
            System.setProperty(SideFigures.DIRECTORY_PROPERTY, figures.toString());
            System.setProperty("jmh.ignoreLock", "true");
            options.forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(50))
                    .param("size", SMOKE_SIZE)
                    .param("peerTunedMaxIter", "2")
                    .param("parallelism", "2")
                    .param("globalBatchSize", "1000")
                    .param("dimension", "5");
        } else {
            List<String> jvmArgs = new ArrayList<>(Arrays.asList(JDK17_OPENS));
            jvmArgs.add(FORK_HEAP);
            jvmArgs.add("-D" + SideFigures.DIRECTORY_PROPERTY + "=" + figures);
            options.jvmArgsAppend(jvmArgs.toArray(new String[0]));
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("startedAt", Instant.now().toString());
        run.put("loadAverageAtStart", loadAverage());
        new Runner(options.build()).run();
        run.put("finishedAt", Instant.now().toString());
        run.put("loadAverageAtEnd", loadAverage());
        SideFigures.write(figures, BenchmarkReport.RUN_FIGURES, run);
        BenchmarkReport.write(output);
    }

    /** The machine's one-minute load average, telling a reader how busy it was; NaN if unknown. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
