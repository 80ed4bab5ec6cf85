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

import io.streamml.examples.guide.OnlineKafkaJob;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The guide's online Kafka job end to end: a real Kafka broker, rows drawn from a known logistic
 * model, the job in a JVM of its own as a user would run it, and the scores and model versions read
 * back committed-only. Every row is scored exactly once by a version that is in the versions topic
 * and at most 20 s of event time older than the row, the versions count up a window of event time
 * at a time, and late in the stream the scores are about as accurate as the true model's decisions
 * (the Bayes classifier).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class OnlineKafkaJobIT {
    private static final String INPUT_TOPIC = "events";
    private static final String SCORES_TOPIC = "scores";
    private static final String VERSIONS_TOPIC = "model-versions";

    private static final int ROWS = 20_000;

    /** 2026-01-01T00:00:00Z, a multiple of the job's 10-second windows. */
    private static final long START_MILLIS = 1_767_225_600_000L;

    /** 200 rows per 10-second window of event time. */
    private static final long MILLIS_PER_ROW = 50;

    private static final long WINDOW_MILLIS = 10_000;

    /** The job's maxAllowedModelDelayMs: no row is scored by a version older than this. */
    private static final long MAX_MODEL_DELAY_MILLIS = 20_000;

    /**
     * The ground truth: x ~ N(mean, std²) per feature, P(label = 1) = σ(b + Σ wⱼ·zⱼ), z
     * standardized.
     */
    private static final double[] MEANS = {10, -3, 50};

    private static final double[] STDS = {2, 0.5, 20};
    private static final double[] WEIGHTS = {1.5, -1.0, 0.5};
    private static final double INTERCEPT = 0.5;

    /**
     * Accuracy is compared on the rows from here on, scored by versions trained on ~10,000 rows.
     */
    private static final int LATER_PART = ROWS / 2;

    /**
     * How far the scores' accuracy on the later part may fall below the Bayes classifier's on the
     * same rows. The standard error of either accuracy on 10,000 rows is about 0.004, and the
     * online model still moves; 0.02 is five standard errors.
     */
    private static final double ACCURACY_TOLERANCE = 0.02;

    /** cos 11°: the least cosine of the last version's coefficients to the true weights. */
    private static final double MIN_COSINE = 0.98;

    /** Bounded, yet generous: the machine's two cores are shared with other builds. */
    private static final Duration SCORING_TIMEOUT = Duration.ofSeconds(200);

    @Test
    void testScoresEveryRowOnceWithPublishedVersionsNearTheBayesRate() throws Exception {
        Path workDir = Files.createDirectories(Paths.get("target", "it", "online-kafka-job"));
        Path jobLog = workDir.resolve("job.log");
        Path checkpoints = workDir.resolve("checkpoints").toAbsolutePath();
        Rows rows = new Rows(7);
        try (KafkaBroker broker = KafkaBroker.start(workDir)) {
            // One input partition for two source subtasks: the online fits must not wait for the
            // subtask that reads nothing.
            broker.createTopic(INPUT_TOPIC, 1);
            broker.createTopic(SCORES_TOPIC, 2);
            // One partition: the versions are read back in the order they were written.
            broker.createTopic(VERSIONS_TOPIC, 1);
            produce(broker.bootstrapServers(), rows);

            long started = System.nanoTime();
            Process job =
                    ChildJvm.start(
                            jobLog,
                            OnlineKafkaJob.class.getName(),
                            "--bootstrap-servers",
                            broker.bootstrapServers(),
                            "--input-topic",
                            INPUT_TOPIC,
                            "--scores-topic",
                            SCORES_TOPIC,
                            "--versions-topic",
                            VERSIONS_TOPIC,
                            "--checkpoint-dir",
                            checkpoints.toUri().toString());
            try {
                List<String> scores = awaitScores(broker, job);
                double seconds = (System.nanoTime() - started) / 1e9;
                // Every window but the last is closed by the watermark of the rows after it.
                int closedWindows = (int) (ROWS * MILLIS_PER_ROW / WINDOW_MILLIS) - 1;
                List<String> versions =
                        broker.readCommitted(VERSIONS_TOPIC, closedWindows, Duration.ofSeconds(60));
                Map<Long, Long> published = assertVersionsCountUp(versions, closedWindows);
                assertPointsLikeTheTruth(versions.get(versions.size() - 1));
                assertScoredOnceByPublishedVersions(scores, rows, published, seconds);
            } catch (Throwable e) {
                System.err.printf(
                        "OnlineKafkaJob's output (%s) ends with:%n%s%n%n"
                                + "The broker's log (%s) ends with:%n%s%n",
                        jobLog,
                        LogTail.lastLines(jobLog, 80),
                        workDir.resolve("broker.log"),
                        LogTail.lastLines(workDir.resolve("broker.log"), 40));
                throw e;
            } finally {
                ChildJvm.stop(job);
            }
        }
    }

    /** Seeded rows of the ground truth, with each row's true probability of label 1. */
    private static final class Rows {
        final double[][] x = new double[ROWS][MEANS.length];
        final double[] label = new double[ROWS];
        final double[] probability = new double[ROWS];

        Rows(long seed) {
            Random random = new Random(seed);
            for (int id = 0; id < ROWS; id++) {
                double margin = INTERCEPT;
                for (int j = 0; j < MEANS.length; j++) {
                    x[id][j] = MEANS[j] + STDS[j] * random.nextGaussian();
                    margin += WEIGHTS[j] * (x[id][j] - MEANS[j]) / STDS[j];
                }
                probability[id] = 1 / (1 + Math.exp(-margin));
                label[id] = random.nextDouble() < probability[id] ? 1 : 0;
            }
        }

        /** The CSV line the job reads: id,x1,x2,x3,label,ts; event time grows with the id. */
        String csv(int id) {
            return String.format(
                    Locale.ROOT,
                    "%d,%s,%s,%s,%s,%d",
                    id,
                    x[id][0],
                    x[id][1],
                    x[id][2],
                    label[id],
                    START_MILLIS + id * MILLIS_PER_ROW);
        }
    }

    private static void produce(String bootstrap, Rows rows) {
        Properties config = new Properties();
        config.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        config.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int id = 0; id < ROWS; id++) {
                // Keyed by id: each partition gets its rows in increasing event time.
                producer.send(
                        new ProducerRecord<>(INPUT_TOPIC, Integer.toString(id), rows.csv(id)));
            }
            producer.flush();
        }
    }

    /**
     * The committed scores once there is one per row, or what there is when the job died or {@link
     * #SCORING_TIMEOUT} passed. Reads in rounds to notice a dead job.
     */
    private static List<String> awaitScores(KafkaBroker broker, Process job) throws Exception {
        long deadline = System.nanoTime() + SCORING_TIMEOUT.toNanos();
        while (true) {
            List<String> scores = broker.readCommitted(SCORES_TOPIC, ROWS, Duration.ofSeconds(15));
            if (scores.size() >= ROWS || System.nanoTime() > deadline) {
                return scores;
            }
            if (!job.isAlive()) {
                fail(
                        "OnlineKafkaJob exited with "
                                + job.exitValue()
                                + " after "
                                + scores.size()
                                + " committed scores");
            }
        }
    }

    /**
     * Versions 1, 2, 3 … in the order written, each with the end of its event-time window, the
     * previous one's plus 10 s, and a coefficient per feature. Returns each version's window end.
     */
    private static Map<Long, Long> assertVersionsCountUp(List<String> versions, int closedWindows) {
        assertTrue(
                versions.size() >= closedWindows,
                versions.size() + " committed model versions, expected " + closedWindows);
        Map<Long, Long> published = new HashMap<>();
        for (int i = 0; i < versions.size(); i++) {
            String line = versions.get(i);
            // modelVersion,windowEnd,intercept,"c1;c2;c3": Flink's CSV format writes an array
            // as one quoted field, its elements split by ';'.
            String[] fields = line.split(",");
            assertEquals(4, fields.length, "not modelVersion,windowEnd,intercept,coefficients");
            long version = Long.parseLong(fields[0]);
            long windowEnd = Long.parseLong(fields[1]);
            assertEquals(i + 1, version, "version " + (i + 1) + " expected: " + line);
            // The first window of event time ends 10 s after the first row's.
            assertEquals(START_MILLIS + (i + 1) * WINDOW_MILLIS, windowEnd, line);
            assertTrue(Double.isFinite(Double.parseDouble(fields[2])), line);
            assertTrue(fields[3].startsWith("\"") && fields[3].endsWith("\""), line);
            String[] coefficients = fields[3].substring(1, fields[3].length() - 1).split(";");
            assertEquals(MEANS.length, coefficients.length, line);
            for (String c : coefficients) {
                assertTrue(Double.isFinite(Double.parseDouble(c)), line);
            }
            published.put(version, windowEnd);
        }
        return published;
    }

    /**
     * The last version's coefficients, on the standardized features as the truth's weights are,
     * point the same way: their cosine is at least {@value #MIN_COSINE}. The online model's
     * coefficients are still smaller than the truth's after 20,000 rows, so their size is not
     * compared; the direction fixes which rows fall on which side.
     */
    private static void assertPointsLikeTheTruth(String lastVersion) {
        String field = lastVersion.split(",")[3];
        String[] values = field.substring(1, field.length() - 1).split(";");
        double dot = 0;
        double norm = 0;
        double truthNorm = 0;
        for (int j = 0; j < WEIGHTS.length; j++) {
            double c = Double.parseDouble(values[j]);
            dot += c * WEIGHTS[j];
            norm += c * c;
            truthNorm += WEIGHTS[j] * WEIGHTS[j];
        }
        double cosine = dot / Math.sqrt(norm * truthNorm);
        System.out.printf(
                Locale.ROOT,
                "OnlineKafkaJobIT: last version %s, cosine %.4f to the true weights%n",
                lastVersion,
                cosine);
        assertTrue(cosine >= MIN_COSINE, "cosine " + cosine + " of " + lastVersion);
    }

    private static void assertScoredOnceByPublishedVersions(
            List<String> scores, Rows rows, Map<Long, Long> published, double seconds) {
        int[] timesScored = new int[ROWS];
        double[] prediction = new double[ROWS];
        Set<Long> used = new HashSet<>();
        for (String line : scores) {
            // id,probability,prediction,modelVersion
            String[] fields = line.split(",");
            assertEquals(4, fields.length, "not id,probability,prediction,modelVersion: " + line);
            int id = Integer.parseInt(fields[0]);
            double probability = Double.parseDouble(fields[1]);
            long version = Long.parseLong(fields[3]);
            assertTrue(id >= 0 && id < ROWS, "no such row: " + line);
            assertTrue(probability >= 0 && probability <= 1, "not a probability: " + line);
            prediction[id] = Double.parseDouble(fields[2]);
            assertEquals(probability >= 0.5 ? 1.0 : 0.0, prediction[id], line);
            Long windowEnd = published.get(version);
            assertNotNull(
                    windowEnd,
                    "scored by version " + version + ", not in the versions topic: " + line);
            // Live versions: trained on the rows up to 20 s of event time before this one.
            assertTrue(
                    windowEnd >= START_MILLIS + id * MILLIS_PER_ROW - MAX_MODEL_DELAY_MILLIS,
                    "row " + id + " scored by version " + version + " of window end " + windowEnd);
            timesScored[id]++;
            used.add(version);
        }
        List<Integer> missing = new ArrayList<>();
        List<Integer> duplicated = new ArrayList<>();
        for (int id = 0; id < ROWS; id++) {
            if (timesScored[id] == 0) {
                missing.add(id);
            } else if (timesScored[id] > 1) {
                duplicated.add(id);
            }
        }
        if (!missing.isEmpty() || !duplicated.isEmpty()) {
            fail(
                    String.format(
                            "%d committed scores for %d rows; %d rows unscored (first: %s), %d"
                                    + " scored more than once (first: %s)",
                            scores.size(),
                            ROWS,
                            missing.size(),
                            missing.subList(0, Math.min(10, missing.size())),
                            duplicated.size(),
                            duplicated.subList(0, Math.min(10, duplicated.size()))));
        }

        // The Bayes classifier predicts 1 where the true probability is ≥ ½.
        int scoredRight = 0;
        int bayesRight = 0;
        double expectedBayes = 0;
        for (int id = LATER_PART; id < ROWS; id++) {
            double truth = rows.probability[id];
            scoredRight += prediction[id] == rows.label[id] ? 1 : 0;
            bayesRight += (truth >= 0.5 ? 1.0 : 0.0) == rows.label[id] ? 1 : 0;
            expectedBayes += Math.max(truth, 1 - truth);
        }
        int n = ROWS - LATER_PART;
        double accuracy = (double) scoredRight / n;
        double bayes = (double) bayesRight / n;
        System.out.printf(
                Locale.ROOT,
                "OnlineKafkaJobIT: %d rows scored once in %.0f s by %d of %d published versions;"
                        + " rows %d to %d: accuracy %.4f, Bayes classifier %.4f (expected"
                        + " %.4f)%n",
                ROWS,
                seconds,
                used.size(),
                published.size(),
                LATER_PART,
                ROWS - 1,
                accuracy,
                bayes,
                expectedBayes / n);
        assertTrue(
                accuracy >= bayes - ACCURACY_TOLERANCE,
                String.format(
                        Locale.ROOT,
                        "accuracy %.4f on rows %d to %d, more than %.2f below the Bayes"
                                + " classifier's %.4f",
                        accuracy,
                        LATER_PART,
                        ROWS - 1,
                        ACCURACY_TOLERANCE,
                        bayes));
    }
}
