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

import io.streamml.examples.fraud.DeadLetter;
import io.streamml.examples.fraud.FraudDetection;
import io.streamml.examples.fraud.TransactionGenerator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fraud example's Kafka mode end to end: a real Kafka broker, generated transactions with
 * malformed records of every kind among them, the example running in a JVM of its own as a user
 * would run it, and the scored and dead-letter topics read back committed-only. Every transaction
 * must be scored exactly once, by a model version whose metrics the prequential evaluator reported
 * (the example trains once, evaluates and serves), and every malformed record must be in the
 * dead-letter topic exactly once, as it was written, with its reason and origin.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FraudDetectionKafkaIT {
    private static final int TRANSACTIONS = 20_000;
    private static final String INPUT_TOPIC = "transactions";
    private static final String SCORED_TOPIC = "scored-transactions";

    /** The example's default: the input topic's name and "-dead-letter". */
    private static final String DEAD_LETTER_TOPIC = "transactions-dead-letter";

    /** A malformed record after every this many transactions, the kinds in turn. */
    private static final int TRANSACTIONS_PER_MALFORMED = 450;

    /**
     * Malformed records, each with what its dead letter's reason must say. Several carry the id of
     * a valid transaction, which must still be scored once.
     */
    private static final List<Malformed> MALFORMED_KINDS =
            List.of(
                    new Malformed("garbage: no transaction at all", "expected 9"),
                    new Malformed("17,1767225600850,12.50,3,0.5000", "got 5"),
                    new Malformed("18,1767225600900,12.50,3,0.5000,1.000,2,1,0,1", "got 10"),
                    new Malformed("19,1767225600950,twelve,3,0.5000,1.000,2,1,0", "not a number"),
                    new Malformed("20,1767225601000,NaN,3,0.5000,1.000,2,1,0", "not finite"),
                    new Malformed("21,1767225601050,12.50,3,0.5000,Infinity,2,1,0", "not finite"),
                    new Malformed("22,1767225601100,12.50,25,0.5000,1.000,2,1,0", "0 to 23"),
                    new Malformed("23,1767225601150,12.50,3,0.5000,1.000,2,yes,0", "0 or 1"),
                    new Malformed("", "empty"),
                    new Malformed(new byte[] {'2', '4', ',', (byte) 0xFF, (byte) 0xFE}, "UTF-8"),
                    new Malformed((byte[]) null, "tombstone"));

    /** FraudDetection prints a metrics line per window of 5 mini-batches of 500 transactions. */
    private static final int TRANSACTIONS_PER_WINDOW = 2_500;

    /** Bounded, yet generous: the machine's two cores are shared with other builds. */
    private static final Duration SCORING_TIMEOUT = Duration.ofSeconds(180);

    private static final Duration METRICS_TIMEOUT = Duration.ofSeconds(60);

    /** A window line: window, first–last transaction, first–last version, AUC, log-loss, alarms. */
    private static final Pattern WINDOW_LINE =
            Pattern.compile(
                    "^\\s*(\\d+)\\s+\\d+\\D+\\d+\\s+(\\d+)\\D+(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+\\d+\\s*$");

    @Test
    void testScoresEveryTransactionAndDeadLettersEveryMalformedRecordExactlyOnce()
            throws Exception {
        Path workDir = Files.createDirectories(Paths.get("target", "it", "fraud-detection-kafka"));
        Path exampleLog = workDir.resolve("example.log");
        try (KafkaBroker broker = KafkaBroker.start(workDir)) {
            // One input partition keeps the transactions in id order, as the generator made them.
            broker.createTopic(INPUT_TOPIC, 1);
            broker.createTopic(SCORED_TOPIC, 2);
            broker.createTopic(DEAD_LETTER_TOPIC, 2);
            Map<String, Produced> malformed = produce(broker.bootstrapServers());

            Process example =
                    ChildJvm.start(
                            exampleLog,
                            FraudDetection.class.getName(),
                            "--kafka",
                            broker.bootstrapServers(),
                            "--transactions",
                            Integer.toString(TRANSACTIONS));
            try {
                Set<Long> servingVersions = assertScoredExactlyOnce(awaitScores(broker, example));
                assertDeadLetteredExactlyOnce(
                        malformed,
                        broker.readCommittedRecords(
                                DEAD_LETTER_TOPIC, malformed.size(), Duration.ofSeconds(60)));
                assertServedVersionsWereEvaluated(
                        servingVersions,
                        assertWindowMetricsPrinted(
                                exampleLog, TRANSACTIONS / TRANSACTIONS_PER_WINDOW));
                assertFirstMalformedRecordLogged(exampleLog, malformed.values().iterator().next());
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
                ChildJvm.stop(example);
            }
        }
    }

    /**
     * Writes transactions 0 … {@link #TRANSACTIONS} − 1 in order, keyed by id as {@code
     * FraudDetection --produce} does, and after every {@link #TRANSACTIONS_PER_MALFORMED}th one a
     * malformed record keyed {@code malformed-<n>}. Returns the malformed records by key.
     */
    private static Map<String, Produced> produce(String bootstrap) throws Exception {
        Properties config = new Properties();
        config.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        config.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        TransactionGenerator generator = new TransactionGenerator(42, TRANSACTIONS / 2);
        Map<String, Future<RecordMetadata>> sent = new LinkedHashMap<>();
        Map<String, Malformed> kinds = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int id = 0; id < TRANSACTIONS; id++) {
                producer.send(
                        new ProducerRecord<>(
                                INPUT_TOPIC,
                                Integer.toString(id),
                                generator
                                        .transaction(id)
                                        .toCsv()
                                        .getBytes(StandardCharsets.UTF_8)));
                if (id % TRANSACTIONS_PER_MALFORMED == TRANSACTIONS_PER_MALFORMED - 1) {
                    String key = "malformed-" + kinds.size();
                    Malformed kind = MALFORMED_KINDS.get(kinds.size() % MALFORMED_KINDS.size());
                    kinds.put(key, kind);
                    sent.put(
                            key, producer.send(new ProducerRecord<>(INPUT_TOPIC, key, kind.value)));
                }
            }
            producer.flush();
        }
        Map<String, Produced> malformed = new LinkedHashMap<>();
        for (Map.Entry<String, Future<RecordMetadata>> entry : sent.entrySet()) {
            RecordMetadata metadata = entry.getValue().get();
            malformed.put(
                    entry.getKey(),
                    new Produced(
                            kinds.get(entry.getKey()), metadata.partition(), metadata.offset()));
        }
        // Every kind, more than once.
        assertTrue(malformed.size() >= 2 * MALFORMED_KINDS.size(), malformed::toString);
        return malformed;
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

    /** Returns the model versions that made the scores. */
    private static Set<Long> assertScoredExactlyOnce(List<String> scored) {
        int[] timesScored = new int[TRANSACTIONS];
        Set<Long> versions = new TreeSet<>();
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
            // Version 0, the zeros the evaluator tests the first batch with, is no model data:
            // rows that come before version 1 wait for it.
            assertTrue(version >= 1, "model version below 1: " + value);
            timesScored[(int) id]++;
            versions.add(version);
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
        assertTrue(versions.size() > 1, "the scores all came from model version " + versions);
        return versions;
    }

    /**
     * One training run, evaluated and served: every version that scored a transaction is one whose
     * test-then-train metrics the evaluator reported (its windows' version ranges), or the one the
     * last reported batch trained into being, which the last rows may meet.
     */
    private static void assertServedVersionsWereEvaluated(
            Set<Long> servingVersions, Map<Integer, long[]> reportedRanges) {
        Set<Long> reported = new TreeSet<>();
        long lastReported = -1;
        for (long[] range : reportedRanges.values()) {
            for (long version = range[0]; version <= range[1]; version++) {
                reported.add(version);
            }
            lastReported = Math.max(lastReported, range[1]);
        }
        System.out.printf(
                "FraudDetectionKafkaIT: the scores came from %d model versions, %d to %d; the"
                        + " evaluator's windows reported versions %d to %d%n",
                servingVersions.size(),
                Collections.min(servingVersions),
                Collections.max(servingVersions),
                Collections.min(reported),
                lastReported);
        for (long version : servingVersions) {
            assertTrue(
                    reported.contains(version) || version == lastReported + 1,
                    String.format(
                            "a transaction was scored by model version %d, which the evaluator"
                                    + " did not report (its windows' versions: %s)",
                            version, reported));
        }
    }

    /**
     * Every malformed record once in the dead-letter topic: its key and value as written, the
     * reason naming its problem, and the input topic, partition and offset it came from.
     */
    private static void assertDeadLetteredExactlyOnce(
            Map<String, Produced> malformed, List<ConsumerRecord<byte[], byte[]>> deadLetters) {
        Map<String, Integer> times = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : deadLetters) {
            assertNotNull(letter.key(), "a dead letter without the record's key");
            String key = new String(letter.key(), StandardCharsets.UTF_8);
            Produced produced = malformed.get(key);
            assertNotNull(produced, "a dead letter for no malformed record: key " + key);
            times.merge(key, 1, Integer::sum);
            assertArrayEquals(produced.kind.value, letter.value(), "the value of " + key);
            String reason = header(letter, DeadLetter.REASON_HEADER);
            assertTrue(
                    reason.contains(produced.kind.reason),
                    key + "'s reason '" + reason + "' does not say " + produced.kind.reason);
            assertEquals(INPUT_TOPIC, header(letter, DeadLetter.TOPIC_HEADER), key);
            assertEquals(
                    Integer.toString(produced.partition),
                    header(letter, DeadLetter.PARTITION_HEADER),
                    key);
            assertEquals(
                    Long.toString(produced.offset), header(letter, DeadLetter.OFFSET_HEADER), key);
        }
        List<String> missing = new ArrayList<>(malformed.keySet());
        missing.removeAll(times.keySet());
        List<String> repeated = new ArrayList<>();
        times.forEach(
                (key, count) -> {
                    if (count > 1) {
                        repeated.add(key);
                    }
                });
        if (!missing.isEmpty() || !repeated.isEmpty()) {
            fail(
                    String.format(
                            "%d committed dead letters for %d malformed records; missing: %s;"
                                    + " more than once: %s",
                            deadLetters.size(), malformed.size(), missing, repeated));
        }
    }

    /**
     * The parser's warning about the first malformed record, with its position, and no SLF4J
     * complaint about a missing binding (which would mean no log at all).
     */
    private static void assertFirstMalformedRecordLogged(Path exampleLog, Produced first)
            throws IOException {
        String position = INPUT_TOPIC + "-" + first.partition + "@" + first.offset;
        List<String> lines = readLines(exampleLog);
        assertTrue(
                lines.stream().anyMatch(line -> line.contains("Malformed record " + position)),
                "no warning about the first malformed record, " + position);
        assertTrue(
                lines.stream().noneMatch(line -> line.startsWith("SLF4J:")),
                "SLF4J warned, see " + exampleLog);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, "no header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A malformed record's value (null: a tombstone) and what its reason must say. */
    private static final class Malformed {
        final byte[] value;
        final String reason;

        Malformed(byte[] value, String reason) {
            this.value = value;
            this.reason = reason;
        }

        Malformed(String value, String reason) {
            this(value.getBytes(StandardCharsets.UTF_8), reason);
        }

        @Override
        public String toString() {
            return value == null ? "(tombstone)" : new String(value, StandardCharsets.UTF_8);
        }
    }

    /** A malformed record as written: its kind and where it went. */
    private static final class Produced {
        final Malformed kind;
        final int partition;
        final long offset;

        Produced(Malformed kind, int partition, long offset) {
            this.kind = kind;
            this.partition = partition;
            this.offset = offset;
        }

        @Override
        public String toString() {
            return kind + " at " + partition + "@" + offset;
        }
    }

    /**
     * Waits for the prequential metrics of windows 0 … windows − 1 on the example's output; the
     * print sink is not transactional and may lag behind the committed scores. Returns each
     * window's model versions, first and last.
     */
    private static Map<Integer, long[]> assertWindowMetricsPrinted(Path exampleLog, int windows)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + METRICS_TIMEOUT.toNanos();
        TreeMap<Integer, long[]> seen = new TreeMap<>();
        while (true) {
            seen.clear();
            for (String line : readLines(exampleLog)) {
                Matcher window = WINDOW_LINE.matcher(line);
                if (window.matches()) {
                    long firstVersion = Long.parseLong(window.group(2));
                    long lastVersion = Long.parseLong(window.group(3));
                    double auc = Double.parseDouble(window.group(4));
                    double logLoss = Double.parseDouble(window.group(5));
                    assertTrue(firstVersion <= lastVersion, "versions out of order: " + line);
                    assertTrue(auc >= 0 && auc <= 1, "AUC out of [0, 1]: " + line);
                    assertTrue(Double.isFinite(logLoss) && logLoss >= 0, "bad log-loss: " + line);
                    seen.put(
                            Integer.parseInt(window.group(1)),
                            new long[] {firstVersion, lastVersion});
                }
            }
            if (seen.size() >= windows
                    && seen.firstKey() == 0
                    && seen.lastKey() == seen.size() - 1) {
                return seen;
            }
            if (System.nanoTime() > deadline) {
                fail(
                        "expected metrics lines for windows 0 to "
                                + (windows - 1)
                                + ", saw "
                                + seen.keySet());
            }
            Thread.sleep(500);
        }
    }

    private static List<String> readLines(Path file) throws IOException {
        // Lenient decoding: the JVM may print the en dashes in another charset.
        return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
    }
}
