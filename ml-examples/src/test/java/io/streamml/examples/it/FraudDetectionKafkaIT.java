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
package io.streamml.examples.it;

import io.streamml.examples.fraud.FraudDetection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fraud example's Kafka mode end to end: a real Kafka broker, transactions produced by {@code
 * FraudDetection --produce}, the example running in a JVM of its own as a user would run it, and
 * the scored topic read back committed-only. Every transaction must be scored exactly once.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FraudDetectionKafkaIT {
    private static final int TRANSACTIONS = 20_000;
    private static final String INPUT_TOPIC = "transactions";
    private static final String SCORED_TOPIC = "scored-transactions";

    /** FraudDetection prints a metrics line per window of 5 mini-batches of 500 transactions. */
    private static final int TRANSACTIONS_PER_WINDOW = 2_500;

    /** Bounded, yet generous: the machine's two cores are shared with other builds. */
    private static final Duration SCORING_TIMEOUT = Duration.ofSeconds(180);

    private static final Duration METRICS_TIMEOUT = Duration.ofSeconds(60);

    /** A window line: window, first–last transaction, first–last version, AUC, log-loss, alarms. */
    private static final Pattern WINDOW_LINE =
            Pattern.compile(
                    "^\\s*(\\d+)\\s+\\d+\\D+\\d+\\s+\\d+\\D+\\d+\\s+(\\S+)\\s+(\\S+)\\s+\\d+\\s*$");

    @Test
    void testScoresEveryTransactionExactlyOnce() throws Exception {
        Path workDir = Files.createDirectories(Paths.get("target", "it", "fraud-detection-kafka"));
        Path exampleLog = workDir.resolve("example.log");
        try (KafkaBroker broker = KafkaBroker.start(workDir)) {
            // One input partition keeps the transactions in id order, as the generator made them.
            broker.createTopic(INPUT_TOPIC, 1);
            broker.createTopic(SCORED_TOPIC, 2);
            FraudDetection.main(
                    new String[] {
                        "--kafka",
                        broker.bootstrapServers(),
                        "--produce",
                        "--transactions",
                        Integer.toString(TRANSACTIONS)
                    });

            Process example =
                    startJava(
                            exampleLog,
                            FraudDetection.class.getName(),
                            "--kafka",
                            broker.bootstrapServers(),
                            "--transactions",
                            Integer.toString(TRANSACTIONS));
            try {
                assertScoredExactlyOnce(awaitScores(broker, example));
                assertWindowMetricsPrinted(exampleLog, TRANSACTIONS / TRANSACTIONS_PER_WINDOW);
            } catch (Throwable e) {
                System.err.printf(
                        "FraudDetection's output (%s) ends with:%n%s%n%n"
                                + "The broker's log (%s) ends with:%n%s%n",
                        exampleLog,
                        LogTail.lastLines(exampleLog, 80),
                        workDir.resolve("broker.log"),
                        LogTail.lastLines(workDir.resolve("broker.log"), 40));
                throw e;
            } finally {
                stop(example);
            }
        }
    }

    /**
     * The committed scores once there are a score per transaction, or what there is when the
     * example died or {@link #SCORING_TIMEOUT} passed. Reads in rounds to notice a dead example.
     */
    private static List<String> awaitScores(KafkaBroker broker, Process example) throws Exception {
        long deadline = System.nanoTime() + SCORING_TIMEOUT.toNanos();
        while (true) {
            List<String> scored =
                    broker.readCommitted(SCORED_TOPIC, TRANSACTIONS, Duration.ofSeconds(15));
            if (scored.size() >= TRANSACTIONS || System.nanoTime() > deadline) {
                return scored;
            }
            if (!example.isAlive()) {
                fail(
                        "FraudDetection exited with "
                                + example.exitValue()
                                + " after "
                                + scored.size()
                                + " committed scores");
            }
        }
    }

    private static void assertScoredExactlyOnce(List<String> scored) {
        int[] timesScored = new int[TRANSACTIONS];
        long maxVersion = -1;
        for (String value : scored) {
            String[] fields = value.split(",");
            assertEquals(3, fields.length, "not id,probability,modelVersion: " + value);
            long id = Long.parseLong(fields[0]);
            double probability = Double.parseDouble(fields[1]);
            long version = Long.parseLong(fields[2]);
            assertTrue(id >= 0 && id < TRANSACTIONS, "no such transaction: " + value);
            assertTrue(
                    Double.isFinite(probability) && probability >= 0 && probability <= 1,
                    "not a probability: " + value);
            assertTrue(version >= 0, "negative model version: " + value);
            timesScored[(int) id]++;
            maxVersion = Math.max(maxVersion, version);
        }
        List<Integer> missing = new ArrayList<>();
        List<Integer> duplicated = new ArrayList<>();
        for (int id = 0; id < TRANSACTIONS; id++) {
            if (timesScored[id] == 0) {
                missing.add(id);
            } else if (timesScored[id] > 1) {
                duplicated.add(id);
            }
        }
        if (!missing.isEmpty() || !duplicated.isEmpty()) {
            fail(
                    String.format(
                            "%d committed scores for %d transactions; %d transactions unscored"
                                    + " (first: %s), %d scored more than once (first: %s)",
                            scored.size(),
                            TRANSACTIONS,
                            missing.size(),
                            missing.subList(0, Math.min(10, missing.size())),
                            duplicated.size(),
                            duplicated.subList(0, Math.min(10, duplicated.size()))));
        }
        // The model trains online while it scores, so later transactions see later versions.
        assertTrue(maxVersion > 1, "the scores all came from model version " + maxVersion);
    }

    /**
     * Waits for the prequential metrics of windows 0 … windows − 1 on the example's output; the
     * print sink is not transactional and may lag behind the committed scores.
     */
    private static void assertWindowMetricsPrinted(Path exampleLog, int windows)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + METRICS_TIMEOUT.toNanos();
        TreeSet<Integer> seen = new TreeSet<>();
        while (true) {
            seen.clear();
            for (String line : readLines(exampleLog)) {
                Matcher window = WINDOW_LINE.matcher(line);
                if (window.matches()) {
                    double auc = Double.parseDouble(window.group(2));
                    double logLoss = Double.parseDouble(window.group(3));
                    assertTrue(auc >= 0 && auc <= 1, "AUC out of [0, 1]: " + line);
                    assertTrue(Double.isFinite(logLoss) && logLoss >= 0, "bad log-loss: " + line);
                    seen.add(Integer.parseInt(window.group(1)));
                }
            }
            if (seen.size() >= windows && seen.first() == 0 && seen.last() == seen.size() - 1) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("expected metrics lines for windows 0 to " + (windows - 1) + ", saw " + seen);
            }
            Thread.sleep(500);
        }
    }

    private static List<String> readLines(Path file) throws IOException {
        // Lenient decoding: the JVM may print the en dashes in another charset.
        return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
    }

    /**
     * Runs {@code mainClass} in a new JVM with this test's class path and module flags (Flink 1.14
     * needs the --add-opens of surefire's and failsafe's argLine on JDK 17), output to {@code log}.
     */
    private static Process startJava(Path log, String mainClass, String... args)
            throws IOException {
        List<String> command = ChildJvm.flinkJavaCommand();
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Kills the example: it runs until cancelled, and its Kafka transactions need no cleanup. */
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
