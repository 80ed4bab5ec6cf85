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

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A single-node Kafka 4.x cluster for integration tests: one KRaft process that is broker and
 * controller at once, in a JVM of its own.
 *
 * <p>The broker runs on its own class path, the jars Maven copies to {@code target/kafka-broker}
 * (see {@code ml-examples/pom.xml}; the system property {@value #LIB_PROPERTY} names another
 * folder), because the test class path has the kafka-clients 2.4.1 that Flink's 1.14 connector
 * needs. This class talks to the broker with that old client, which Kafka 4 still serves (clients
 * from 2.1 on).
 */
public final class KafkaBroker implements AutoCloseable {
    static final String LIB_PROPERTY = "kafka.broker.lib";

    private static final String HOST = "127.0.0.1";

    /** Generous: two cores are shared with other builds, and a cold JVM loads Scala first. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    /** How long {@link #readCommittedRecords} keeps polling past the expected count. */
    private static final Duration DUPLICATE_GRACE = Duration.ofSeconds(2);

    private final Process process;
    private final String bootstrapServers;
    private final Path log;
    private final AdminClient admin;
    private final Thread killOnExit;

    private KafkaBroker(Process process, String bootstrapServers, Path log) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.log = log;
        // A broker must not outlive a test JVM that ends without close(), e.g. on Ctrl-C.
        this.killOnExit = new Thread(process::destroyForcibly, "kill-kafka-broker");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        Properties config = new Properties();
        config.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = AdminClient.create(config);
    }

    /**
     * Formats a log directory under {@code workDir} (replacing one an earlier broker left there),
     * starts the broker on free ports and returns once it serves requests. The broker's output goes
     * to {@code workDir/broker.log}.
     */
    public static KafkaBroker start(Path workDir) throws Exception {
        Files.createDirectories(workDir);
        String classPath = brokerClassPath();
        Path dataDir = workDir.resolve("kafka-data");
        deleteRecursively(dataDir);
        int[] ports = freePorts(2);
        Path config = workDir.resolve("server.properties");
        Files.write(config, serverProperties(ports[0], ports[1], dataDir), StandardCharsets.UTF_8);
        Path logConfig = workDir.resolve("broker-log4j2.properties");
        Files.write(logConfig, LOG_CONFIG, StandardCharsets.UTF_8);
        Path log = workDir.resolve("broker.log");
        Files.deleteIfExists(log);

        // KRaft refuses to start on an unformatted log directory; kafka-storage.sh does this.
        Process format =
                java(
                                classPath,
                                logConfig,
                                "kafka.tools.StorageTool",
                                "format",
                                "--cluster-id",
                                randomClusterId(),
                                "--config",
                                config.toString())
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
        if (!format.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException(
                    "Formatting the Kafka log directory failed; "
                            + log
                            + " ends with:\n"
                            + LogTail.lastLines(log, 40));
        }

        Process process =
                java(classPath, logConfig, "kafka.Kafka", config.toString())
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
        KafkaBroker broker;
        try {
            broker = new KafkaBroker(process, HOST + ":" + ports[0], log);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        try {
            broker.awaitReady();
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topic and returns once every partition has a leader, so clients can use it. */
    public void createTopic(String name, int partitions) throws Exception {
        admin.createTopics(Collections.singleton(new NewTopic(name, partitions, (short) 1)))
                .all()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (true) {
            try {
                TopicDescription description =
                        admin.describeTopics(
                                        Collections.singleton(name),
                                        new DescribeTopicsOptions().timeoutMs(5000))
                                .all()
                                .get()
                                .get(name);
                if (description.partitions().size() == partitions
                        && description.partitions().stream()
                                .map(TopicPartitionInfo::leader)
                                .allMatch(leader -> leader != null && !leader.isEmpty())) {
                    return;
                }
            } catch (ExecutionException e) {
                // The broker may not have the new topic in its metadata yet.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Topic "
                                + name
                                + " has no leader for each partition after "
                                + ADMIN_TIMEOUT);
            }
            Thread.sleep(100);
        }
    }

    /**
     * The values of the topic's committed records (isolation.level=read_committed), from the
     * beginning, each partition's in offset order. Returns once {@code expected} records were read
     * or {@code timeout} passed, after polling two seconds more so that records beyond the expected
     * ones, duplicates say, are in the list too.
     */
    public List<String> readCommitted(String topic, int expected, Duration timeout)
            throws Exception {
        return readCommittedRecords(topic, expected, timeout).stream()
                .map(record -> new String(record.value(), StandardCharsets.UTF_8))
                .collect(Collectors.toList());
    }

    /**
     * Like {@link #readCommitted}, but the whole records: key and value bytes (null where a record
     * has none), headers, partition and offset.
     */
    public List<ConsumerRecord<byte[], byte[]>> readCommittedRecords(
            String topic, int expected, Duration timeout) throws Exception {
        Properties config = new Properties();
        config.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            // Assigned, not subscribed: no consumer group, so nothing to join or commit.
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, ADMIN_TIMEOUT).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .sorted(Comparator.comparingInt(TopicPartition::partition))
                            .collect(Collectors.toList());
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("No topic " + topic + " on " + bootstrapServers);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                poll(consumer, records);
            }
            long graceEnd = System.nanoTime() + DUPLICATE_GRACE.toNanos();
            while (System.nanoTime() < graceEnd) {
                poll(consumer, records);
            }
        }
        return records;
    }

    /** Stops the broker process and waits for it; never throws. */
    @Override
    public void close() {
        try {
            admin.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            // Closing the admin client must not keep the broker alive.
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and runs the hook anyway.
        }
    }

    private static void poll(
            KafkaConsumer<byte[], byte[]> consumer, List<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            records.add(record);
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The Kafka broker exited with "
                                + process.exitValue()
                                + "; "
                                + log
                                + " ends with:\n"
                                + LogTail.lastLines(log, 40));
            }
            try {
                if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                        .nodes()
                        .get()
                        .isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                // Not listening yet.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "The Kafka broker did not start within "
                                + START_TIMEOUT
                                + "; "
                                + log
                                + " ends with:\n"
                                + LogTail.lastLines(log, 40));
            }
            Thread.sleep(200);
        }
    }

    private static String brokerClassPath() throws IOException {
        Path lib = Paths.get(System.getProperty(LIB_PROPERTY, "target/kafka-broker"));
        List<String> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars =
                    files.filter(file -> file.toString().endsWith(".jar"))
                            .map(file -> file.toAbsolutePath().toString())
                            .sorted()
                            .collect(Collectors.toList());
        } catch (IOException e) {
            jars = Collections.emptyList();
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException(
                    "No Kafka broker jars in "
                            + lib.toAbsolutePath()
                            + "; `mvn -pl ml-examples verify` copies them there (phase"
                            + " pre-integration-test)");
        }
        return String.join(File.pathSeparator, jars);
    }

    private static ProcessBuilder java(
            String classPath, Path logConfig, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms128m");
        command.add("-Xmx512m");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + logConfig.toAbsolutePath());
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        Collections.addAll(command, args);
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static List<String> serverProperties(int brokerPort, int controllerPort, Path dataDir) {
        List<String> lines = new ArrayList<>();
        lines.add("process.roles=broker,controller");
        lines.add("node.id=1");
        lines.add("controller.quorum.voters=1@" + HOST + ":" + controllerPort);
        lines.add(
                "listeners=PLAINTEXT://"
                        + HOST
                        + ":"
                        + brokerPort
                        + ",CONTROLLER://"
                        + HOST
                        + ":"
                        + controllerPort);
        lines.add("advertised.listeners=PLAINTEXT://" + HOST + ":" + brokerPort);
        lines.add("controller.listener.names=CONTROLLER");
        lines.add("inter.broker.listener.name=PLAINTEXT");
        lines.add("listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        lines.add("log.dirs=" + dataDir.toAbsolutePath());
        // One node: the internal topics cannot have more replicas than that.
        lines.add("offsets.topic.replication.factor=1");
        lines.add("transaction.state.log.replication.factor=1");
        lines.add("transaction.state.log.min.isr=1");
        lines.add("share.coordinator.state.topic.replication.factor=1");
        lines.add("share.coordinator.state.topic.min.isr=1");
        // Fewer internal partitions than the default 50 each: quicker to create on two cores.
        lines.add("offsets.topic.num.partitions=4");
        lines.add("transaction.state.log.num.partitions=4");
        lines.add("share.coordinator.state.topic.num.partitions=4");
        lines.add("group.initial.rebalance.delay.ms=0");
        lines.add("num.partitions=1");
        lines.add("num.network.threads=2");
        lines.add("num.io.threads=2");
        // Topics are created explicitly, so a typo in a topic name fails instead of creating one.
        lines.add("auto.create.topics.enable=false");
        return lines;
    }

    /** INFO to standard output, which {@link #start} sends to broker.log. */
    private static final List<String> LOG_CONFIG =
            List.of(
                    "rootLogger.level=INFO",
                    "rootLogger.appenderRef.stdout.ref=STDOUT",
                    "appender.stdout.type=Console",
                    "appender.stdout.name=STDOUT",
                    "appender.stdout.layout.type=PatternLayout",
                    "appender.stdout.layout.pattern=[%d] %p %m (%c)%n");

    /**
     * Kafka's cluster id format: 16 random bytes, URL-safe base64 without padding. Like Kafka's
     * {@code Uuid.randomUuid()}, never one starting with '-', which the format command would take
     * for an option.
     */
    private static String randomClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    /** Distinct free ports: the sockets are all open while the ports are picked. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
