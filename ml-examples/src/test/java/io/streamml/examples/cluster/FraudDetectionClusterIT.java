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
package io.streamml.examples.cluster;

import io.streamml.examples.fraud.TransactionGenerator;
import io.streamml.examples.it.KafkaBroker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fraud example's job jar, submitted with {@code flink run} to a standalone Flink session
 * cluster of separate JVMs: the path where Flink ML iterations meet Flink's user-code class loader.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class FraudDetectionClusterIT {
    private static final String FRAUD_DETECTION = "io.streamml.examples.fraud.FraudDetection";
    private static final String INPUT_TOPIC = "transactions";
    private static final String SCORED_TOPIC = "scored-transactions";
    private static final String DEAD_LETTER_TOPIC = "transactions-dead-letter";

    private static final int TRANSACTIONS = 15_000;

    /** The feed lasts 50 s, well past the TaskManager's failure and the job's recovery. */
    private static final double TRANSACTIONS_PER_SECOND = 300;

    /** Bounded, yet generous: the machine's two cores are shared with other builds. */
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

    private final Path jobJar = Path.of(System.getProperty("jobJar"));

    @Test
    void testJobJarBringsWhatTheClusterLacksAndNoFlink() throws Exception {
        List<String> entries;
        try (JarFile jar = new JarFile(jobJar.toFile())) {
            entries = jar.stream().map(JarEntry::getName).collect(Collectors.toList());
        }
        for (String bundled :
                List.of(
                        "io/streamml/examples/fraud/FraudDetection.class",
                        "io/streamml/classification/logisticregression/LogisticRegression.class",
                        "org/apache/flink/ml/api/Estimator.class",
                        "org/apache/flink/iteration/Iterations.class",
                        "org/apache/flink/statefun/flink/core/feedback/FeedbackChannel.class",
                        "dev/ludovic/netlib/BLAS.class",
                        "org/apache/flink/connector/kafka/sink/KafkaSink.class",
                        "org/apache/kafka/clients/producer/KafkaProducer.class",
                        "org/jfree/chart/JFreeChart.class")) {
            assertTrue(entries.contains(bundled), "the job jar lacks " + bundled);
        }
        // The cluster's classes, which a second copy in the job jar would shadow child-first.
        List<String> flinkItself =
                entries.stream()
                        .filter(
                                entry ->
                                        entry.matches(
                                                "org/apache/flink/(api|configuration|core|runtime"
                                                        + "|table|types|util|shaded"
                                                        + "|streaming/api|streaming/runtime)/.*"
                                                        + "|org/slf4j/.*|org/apache/log4j.*"
                                                        + "|org/apache/logging/.*|log4j2.*"
                                                        + "|com/esotericsoftware/.*"))
                        .collect(Collectors.toList());
        assertEquals(List.of(), flinkItself, "Flink's own classes in the job jar");
    }

    @Test
    void testClusterClassPathIsFlinkAlone() {
        List<String> jars =
                FlinkCluster.flinkDistClassPath().stream()
                        .map(jar -> Path.of(jar).getFileName().toString())
                        .collect(Collectors.toList());
        assertTrue(jars.stream().anyMatch(jar -> jar.startsWith("flink-runtime-")), jars::toString);
        assertTrue(
                jars.stream().anyMatch(jar -> jar.startsWith("flink-table-planner_")),
                jars::toString);
        List<String> fromTheJobJar =
                jars.stream()
                        .filter(
                                jar ->
                                        jar.matches(
                                                "(ml-|flink-ml-|statefun-|flink-connector-kafka"
                                                        + "|kafka-|jfreechart|blas-).*"))
                        .collect(Collectors.toList());
        assertEquals(List.of(), fromTheJobJar, "the job jar's dependencies on the cluster");
    }

    @Test
    void testGeneratorModeRunsAttachedAndChartsOnTheClient() throws Exception {
        Path workDir = freshWorkDir("fraud-detection-generator");
        try (FlinkCluster cluster = FlinkCluster.start(workDir, 2, Map.of())) {
            Path chart = workDir.resolve("chart.png");
            String printed =
                    cluster.runAttached(
                            jobJar,
                            FRAUD_DETECTION,
                            Duration.ofMinutes(3),
                            "--transactions",
                            "6000",
                            "--chart",
                            chart.toString());
            assertTrue(printed.contains("6000 transactions, pattern change at 3000"), printed);
            assertTrue(Files.size(chart) > 0, "no chart at " + chart);
        }
    }

    @Test
    void testKafkaModeRecoversFromALostTaskManagerAndScoresEveryTransactionOnce() throws Exception {
        Path workDir = freshWorkDir("fraud-detection-kafka-cluster");
        try (KafkaBroker broker = KafkaBroker.start(workDir.resolve("kafka"));
                FlinkCluster cluster = FlinkCluster.start(workDir.resolve("flink"), 2, Map.of())) {
            // One input partition keeps the transactions in id order.
            broker.createTopic(INPUT_TOPIC, 1);
            broker.createTopic(SCORED_TOPIC, 2);
            // The example's default; it stays empty: the feed writes valid transactions only.
            broker.createTopic(DEAD_LETTER_TOPIC, 1);
            try (TransactionFeed feed =
                    TransactionFeed.start(
                            broker.bootstrapServers(),
                            INPUT_TOPIC,
                            new TransactionGenerator(42, TRANSACTIONS / 2),
                            TRANSACTIONS,
                            TRANSACTIONS_PER_SECOND)) {
                String jobId =
                        cluster.submitDetached(
                                jobJar,
                                FRAUD_DETECTION,
                                "--kafka",
                                broker.bootstrapServers(),
                                "--transactions",
                                Integer.toString(TRANSACTIONS));

                // Scores committed before the failure must not come again after it.
                int beforeFailure = TRANSACTIONS / 4;
                int committedBeforeFailure =
                        broker.readCommitted(SCORED_TOPIC, beforeFailure, STEP_TIMEOUT).size();
                assertTrue(
                        committedBeforeFailure >= beforeFailure,
                        () -> "only " + committedBeforeFailure + " scores\n" + logs(cluster));
                assertTrue(
                        committedBeforeFailure < TRANSACTIONS,
                        "every transaction was scored before the failure: nothing to recover");
                List<Integer> runningTheJob = cluster.busyTaskManagers();
                assertFalse(runningTheJob.isEmpty(), "no TaskManager runs the job");
                cluster.killTaskManager(runningTheJob.get(0));

                cluster.awaitRestarted(jobId, 1, STEP_TIMEOUT);
                feed.awaitDone(STEP_TIMEOUT);
                assertScoredExactlyOnce(
                        broker.readCommitted(SCORED_TOPIC, TRANSACTIONS, STEP_TIMEOUT), cluster);
                assertEquals("RUNNING", cluster.jobStatus(jobId));
                cluster.cancel(jobId);
            }
        }
    }

    private static void assertScoredExactlyOnce(List<String> scored, FlinkCluster cluster) {
        Map<Long, Integer> timesScored = new TreeMap<>();
        for (String line : scored) {
            timesScored.merge(
                    Long.parseLong(line.substring(0, line.indexOf(','))), 1, Integer::sum);
        }
        List<Long> missing = new ArrayList<>();
        for (long id = 0; id < TRANSACTIONS; id++) {
            if (!timesScored.containsKey(id)) {
                missing.add(id);
            }
        }
        List<Long> repeated = new ArrayList<>();
        timesScored.forEach(
                (id, times) -> {
                    if (times > 1) {
                        repeated.add(id);
                    }
                });
        if (!missing.isEmpty() || !repeated.isEmpty() || scored.size() != TRANSACTIONS) {
            fail(
                    String.format(
                            "%d scores for %d transactions; %d missing (first %s), %d repeated"
                                    + " (first %s)%n%s",
                            scored.size(),
                            TRANSACTIONS,
                            missing.size(),
                            missing.subList(0, Math.min(10, missing.size())),
                            repeated.size(),
                            repeated.subList(0, Math.min(10, repeated.size())),
                            logs(cluster)));
        }
    }

    private static String logs(FlinkCluster cluster) {
        return cluster.diagnostics("jobmanager") + "\n" + cluster.diagnostics("taskmanager-0");
    }

    /** A work directory of its own under target/it, emptied, its logs kept after the test. */
    private static Path freshWorkDir(String name) throws Exception {
        Path workDir = Path.of(System.getProperty("itWorkDir"), name);
        if (Files.exists(workDir)) {
            try (var files = Files.walk(workDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(workDir);
    }
}
