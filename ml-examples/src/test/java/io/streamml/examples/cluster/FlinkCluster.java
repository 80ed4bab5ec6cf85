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

import io.streamml.examples.it.ChildJvm;
import io.streamml.examples.it.LogTail;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A standalone Flink session cluster as separate JVMs, the way flink-dist's scripts start one: a
 * JobManager ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code
 * TaskManagerRunner}) reading a generated {@code flink-conf.yaml}. Their class path is Flink's own
 * jars from the test class path ({@link #flinkDistClassPath()}), so a submitted job finds its
 * dependencies only in its jar, under Flink's user-code class loader, as on a real cluster.
 *
 * <p>Everything lives under the work directory: {@code conf/}, logs and standard output per
 * process, checkpoints and temporary files.
 */
final class FlinkCluster implements AutoCloseable {
    private static final int SLOTS_PER_TASK_MANAGER = 2;

    private static final String JOB_MANAGER_MAIN =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER_MAIN =
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String CLIENT_MAIN = "org.apache.flink.client.cli.CliFrontend";

    /** TaskManager i's resource id, as the REST API reports it, is this prefix and i. */
    private static final String TASK_MANAGER_ID_PREFIX = "taskmanager-";

    private static final List<String> TERMINAL_JOB_STATUSES =
            List.of("FAILED", "CANCELED", "FINISHED");
    private static final Pattern SUBMITTED_JOB_ID =
            Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");

    /**
     * Jars on the test class path that a job jar brings along (or that only tests use): flink-dist
     * has none of them, so the cluster must not either.
     */
    private static final List<String> NOT_IN_FLINK_DIST =
            List.of(
                    "ml-stages",
                    "ml-examples",
                    "flink-ml-",
                    "statefun-",
                    "flink-connector-kafka",
                    "flink-connector-base",
                    "flink-metrics-dropwizard",
                    "metrics-core",
                    "kafka-clients",
                    "jfreechart",
                    "blas-",
                    "arpack_combined",
                    "protobuf-java",
                    "okhttp",
                    "okio",
                    "junixsocket",
                    "auto-service",
                    "flink-test-utils",
                    "junit-",
                    "opentest4j",
                    "apiguardian");

    /** The TaskManager's memory, every component explicit as flink-dist's scripts would derive. */
    private static final Map<String, String> TASK_MANAGER_MEMORY =
            orderedMap(
                    "taskmanager.memory.framework.heap.size", "128m",
                    "taskmanager.memory.task.heap.size", "384m",
                    "taskmanager.memory.framework.off-heap.size", "64m",
                    "taskmanager.memory.task.off-heap.size", "0m",
                    "taskmanager.memory.network.min", "64m",
                    "taskmanager.memory.network.max", "64m",
                    "taskmanager.memory.managed.size", "64m",
                    "taskmanager.memory.jvm-metaspace.size", "192m",
                    "taskmanager.memory.jvm-overhead.min", "128m",
                    "taskmanager.memory.jvm-overhead.max", "128m");

    /** The JVM options flink-dist's scripts derive from {@link #TASK_MANAGER_MEMORY}. */
    private static final List<String> TASK_MANAGER_JVM_MEMORY =
            List.of(
                    "-Xmx512m",
                    "-Xms512m",
                    "-XX:MaxDirectMemorySize=128m",
                    "-XX:MaxMetaspaceSize=192m");

    private static final List<String> JOB_MANAGER_JVM_MEMORY =
            List.of("-Xmx384m", "-Xms384m", "-XX:MaxMetaspaceSize=192m");

    /** A TaskManager that is gone or replaced keeps its index, so log files stay distinct. */
    private final List<Process> taskManagers = new ArrayList<>();

    private final Path workDir;
    private final Path confDir;
    private final String classPath;
    private final int restPort;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process jobManager;

    /** A test JVM that exits without close() (killed by a time-out, say) leaves no cluster. */
    private final Thread killOnExit =
            new Thread(() -> processes().forEach(Process::destroyForcibly), "flink-cluster-kill");

    private int submissions;

    private FlinkCluster(Path workDir, int restPort) {
        this.workDir = workDir;
        this.confDir = workDir.resolve("conf");
        this.classPath = String.join(File.pathSeparator, flinkDistClassPath());
        this.restPort = restPort;
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts a JobManager and {@code taskManagers} TaskManagers and waits until all registered.
     *
     * @param extraConf settings added to (or overriding) the generated {@code flink-conf.yaml}
     */
    static FlinkCluster start(Path workDir, int taskManagers, Map<String, String> extraConf)
            throws Exception {
        FlinkCluster cluster = new FlinkCluster(workDir, freePort());
        try {
            cluster.writeConfiguration(extraConf);
            cluster.jobManager =
                    cluster.startJvm(
                            "jobmanager",
                            JOB_MANAGER_JVM_MEMORY,
                            JOB_MANAGER_MAIN,
                            List.of("--configDir", cluster.confDir.toString()));
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
            cluster.awaitTaskManagers(taskManagers, Duration.ofSeconds(90));
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Flink's own jars on the test class path: flink-dist's {@code lib/} as Maven resolves it
     * (runtime, clients, streaming, table planner and runtime, CSV, logging and their third-party
     * dependencies), without what {@link #NOT_IN_FLINK_DIST} names.
     */
    static List<String> flinkDistClassPath() {
        // Failsafe runs tests from a manifest-only jar and names the real class path here.
        String testClassPath =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(testClassPath.split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .filter(
                        entry -> {
                            String name = Path.of(entry).getFileName().toString();
                            return NOT_IN_FLINK_DIST.stream().noneMatch(name::startsWith)
                                    // flink-runtime's test jar.
                                    && !name.endsWith("-tests.jar");
                        })
                .collect(Collectors.toList());
    }

    /** Starts one more TaskManager (e.g. replacing a killed one) without waiting for it. */
    void startTaskManager() throws IOException {
        int index = taskManagers.size();
        taskManagers.add(
                startJvm(
                        "taskmanager-" + index,
                        TASK_MANAGER_JVM_MEMORY,
                        TASK_MANAGER_MAIN,
                        List.of(
                                "--configDir",
                                confDir.toString(),
                                "-Dtaskmanager.resource-id=" + TASK_MANAGER_ID_PREFIX + index)));
    }

    /** Kills TaskManager {@code index} the hard way (SIGKILL), as a crashed machine would go. */
    void killTaskManager(int index) throws InterruptedException {
        Process taskManager = taskManagers.get(index);
        taskManager.destroyForcibly();
        if (!taskManager.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("TaskManager " + index + " survived SIGKILL");
        }
    }

    /** Waits until the JobManager has {@code count} registered TaskManagers. */
    void awaitTaskManagers(int count, Duration timeout) throws Exception {
        awaitCondition(
                () -> registeredTaskManagers() == count,
                timeout,
                () -> count + " registered TaskManagers");
    }

    int registeredTaskManagers() {
        return get("/overview").path("taskmanagers").asInt(-1);
    }

    /** The indexes of the TaskManagers with a slot in use: those running a job's tasks. */
    List<Integer> busyTaskManagers() {
        List<Integer> busy = new ArrayList<>();
        for (JsonNode taskManager : get("/taskmanagers").path("taskmanagers")) {
            if (taskManager.path("freeSlots").asInt() < taskManager.path("slotsNumber").asInt()) {
                String resourceId = taskManager.path("id").asText();
                busy.add(Integer.parseInt(resourceId.substring(TASK_MANAGER_ID_PREFIX.length())));
            }
        }
        Collections.sort(busy);
        return busy;
    }

    /**
     * Submits a job the way users do, {@code flink run -d -c mainClass jar args...}, through
     * Flink's CLI in its own JVM, and returns the job's id.
     */
    String submitDetached(Path jar, String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("run", "-d", "-c", mainClass));
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        String name = "client-" + ++submissions;
        Path output = workDir.resolve(name + ".out");
        Process client = startJvm(name, List.of("-Xmx256m"), CLIENT_MAIN, command);
        if (!client.waitFor(3, TimeUnit.MINUTES)) {
            client.destroyForcibly();
            throw new IllegalStateException(
                    "flink run did not return in 3 minutes:\n" + tail(output));
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Matcher jobId = SUBMITTED_JOB_ID.matcher(printed);
        if (client.exitValue() != 0 || !jobId.find()) {
            throw new IllegalStateException(
                    "flink run failed (exit " + client.exitValue() + "):\n" + tail(output));
        }
        return jobId.group(1);
    }

    /**
     * Runs {@code flink run -c mainClass jar args...} attached, as a user waiting for the job's
     * result would, and returns what the client printed; fails if the client fails.
     */
    String runAttached(Path jar, String mainClass, Duration timeout, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("run", "-c", mainClass));
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        String name = "client-" + ++submissions;
        Path output = workDir.resolve(name + ".out");
        Process client = startJvm(name, List.of("-Xmx384m"), CLIENT_MAIN, command);
        if (!client.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new IllegalStateException(
                    "flink run did not return in " + timeout + ":\n" + tail(output));
        }
        if (client.exitValue() != 0) {
            throw new IllegalStateException(
                    "flink run failed (exit " + client.exitValue() + "):\n" + tail(output));
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** The job's status as the REST API reports it: RUNNING, RESTARTING, FINISHED, ... */
    String jobStatus(String jobId) {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** How often the job has restarted, from the JobManager's {@code numRestarts} metric. */
    long restarts(String jobId) {
        for (JsonNode metric : get("/jobs/" + jobId + "/metrics?get=numRestarts")) {
            if (metric.path("id").asText().equals("numRestarts")) {
                return Long.parseLong(metric.path("value").asText());
            }
        }
        return -1;
    }

    /** Waits until the job's status is {@code status}, failing early on a terminal other one. */
    void awaitJobStatus(String jobId, String status, Duration timeout) throws Exception {
        awaitCondition(
                () -> {
                    String current = jobStatus(jobId);
                    if (!current.equals(status) && TERMINAL_JOB_STATUSES.contains(current)) {
                        throw new IllegalStateException(
                                "job " + jobId + " is " + current + ", waiting for " + status);
                    }
                    return current.equals(status);
                },
                timeout,
                () -> "job " + jobId + " in state " + status);
    }

    /** Waits until the job has restarted at least {@code restarts} times and runs again. */
    void awaitRestarted(String jobId, long restarts, Duration timeout) throws Exception {
        awaitCondition(
                () -> {
                    String status = jobStatus(jobId);
                    if (TERMINAL_JOB_STATUSES.contains(status)) {
                        throw new IllegalStateException("job " + jobId + " is " + status);
                    }
                    return restarts(jobId) >= restarts && status.equals("RUNNING");
                },
                timeout,
                () -> "job " + jobId + " running after " + restarts + " restart(s)");
    }

    /** Cancels the job and waits until it is gone. */
    void cancel(String jobId) throws Exception {
        send(
                HttpRequest.newBuilder(restUri("/jobs/" + jobId + "?mode=cancel"))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .build());
        awaitCondition(
                () -> TERMINAL_JOB_STATUSES.contains(jobStatus(jobId)),
                Duration.ofSeconds(60),
                () -> "job " + jobId + " cancelled");
    }

    /** The last lines of a process's log and standard output, for failure messages. */
    String diagnostics(String process) {
        return tail(workDir.resolve(process + ".log"))
                + "\n"
                + tail(workDir.resolve(process + ".out"));
    }

    /** Stops every process, gracefully if it goes within 20 seconds, and waits for it. */
    @Override
    public void close() {
        List<Process> all = processes();
        for (Process process : all) {
            process.destroy();
        }
        for (Process process : all) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // The hook is running or ran.
        }
    }

    private List<Process> processes() {
        List<Process> all = new ArrayList<>(taskManagers);
        if (jobManager != null) {
            all.add(jobManager);
        }
        return all;
    }

    private void writeConfiguration(Map<String, String> extraConf) throws IOException {
        Files.createDirectories(confDir);
        Map<String, String> conf =
                orderedMap(
                        "jobmanager.rpc.address", "localhost",
                        "jobmanager.rpc.port", Integer.toString(freePort()),
                        "jobmanager.bind-host", "localhost",
                        "rest.address", "localhost",
                        "rest.bind-address", "localhost",
                        "rest.port", Integer.toString(restPort),
                        "taskmanager.host", "localhost",
                        "taskmanager.bind-host", "localhost",
                        "taskmanager.numberOfTaskSlots", Integer.toString(SLOTS_PER_TASK_MANAGER),
                        "taskmanager.cpu.cores", "1",
                        "state.checkpoints.dir", workDir.resolve("checkpoints").toUri().toString(),
                        "io.tmp.dirs", workDir.resolve("tmp").toString(),
                        "restart-strategy", "fixed-delay",
                        "restart-strategy.fixed-delay.attempts", "10",
                        "restart-strategy.fixed-delay.delay", "1 s",
                        // The REST API's metrics (numRestarts) refresh every second.
                        "metrics.fetcher.update-interval", "1000");
        conf.putAll(TASK_MANAGER_MEMORY);
        conf.putAll(extraConf);
        Files.createDirectories(workDir.resolve("tmp"));
        Files.write(
                confDir.resolve("flink-conf.yaml"),
                conf.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.toList()));
        // Each process logs to the file its log.file system property names.
        Files.write(
                confDir.resolve("log4j.properties"),
                List.of(
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.file.ref = FileAppender",
                        "appender.file.name = FileAppender",
                        "appender.file.type = FILE",
                        "appender.file.fileName = ${sys:log.file}",
                        "appender.file.layout.type = PatternLayout",
                        "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
                        "logger.kafka.name = org.apache.kafka",
                        "logger.kafka.level = WARN"));
    }

    /**
     * Starts a JVM running {@code mainClass} on the cluster class path with the JDK 17 flags and
     * {@code FLINK_CONF_DIR}; its log goes to {@code name.log}, its standard output and error to
     * {@code name.out}.
     */
    private Process startJvm(
            String name, List<String> jvmOptions, String mainClass, List<String> args)
            throws IOException {
        List<String> command = ChildJvm.flinkJavaCommand();
        command.addAll(jvmOptions);
        command.add("-Dlog.file=" + workDir.resolve(name + ".log"));
        command.add("-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties").toUri());
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(workDir.resolve(name + ".out").toFile());
        builder.environment().put("FLINK_CONF_DIR", confDir.toString());
        return builder.start();
    }

    private JsonNode get(String path) {
        try {
            return json.readTree(send(HttpRequest.newBuilder(restUri(path)).GET().build()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                // E.g. 503 while the JobManager elects its leader: callers that poll retry.
                throw new UncheckedIOException(
                        new IOException(
                                request.uri()
                                        + ": HTTP "
                                        + response.statusCode()
                                        + " "
                                        + response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI restUri(String path) {
        return URI.create("http://localhost:" + restPort + path);
    }

    /**
     * Polls {@code condition} twice a second until it holds; REST errors while the cluster starts
     * or fails over count as "not yet". Fails with the JobManager's log tail on time-out or when
     * the JobManager died.
     */
    private void awaitCondition(
            BooleanSupplier condition,
            Duration timeout,
            java.util.function.Supplier<String> description)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            if (jobManager != null && !jobManager.isAlive()) {
                throw new IllegalStateException(
                        "the JobManager died:\n" + diagnostics("jobmanager"));
            }
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                lastError = null;
            } catch (UncheckedIOException e) {
                lastError = e;
            }
            Thread.sleep(500);
        }
        IllegalStateException timedOut =
                new IllegalStateException(
                        "timed out after "
                                + timeout.toSeconds()
                                + " s waiting for "
                                + description.get()
                                + "\n"
                                + diagnostics("jobmanager"));
        if (lastError != null) {
            timedOut.addSuppressed(lastError);
        }
        throw timedOut;
    }

    private static String tail(Path file) {
        return "--- " + file + "\n" + LogTail.lastLines(file, 60);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
