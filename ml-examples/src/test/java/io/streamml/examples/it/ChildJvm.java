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

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The start of a command line for a Flink JVM that integration tests launch as a child process. */
public final class ChildJvm {
    private ChildJvm() {}

    /**
     * This JVM's java binary and the module flags Flink 1.14 needs on JDK 17 (the root pom's {@code
     * jdk17.opens}, which failsafe passes as a system property).
     */
    public static List<String> flinkJavaCommand() {
        String flags = System.getProperty("jdk17.opens");
        if (flags == null || flags.isBlank()) {
            throw new IllegalStateException(
                    "system property jdk17.opens is not set (failsafe passes the root pom's)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(flags.trim().split("\\s+")));
        return command;
    }

    /**
     * Runs {@code mainClass} in a new JVM with this test's class path and module flags, output to
     * {@code log}.
     */
    public static Process start(Path log, String mainClass, String... args) throws IOException {
        List<String> command = flinkJavaCommand();
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

    /** Kills a job that runs until cancelled; its Kafka transactions need no cleanup. */
    public static void stop(Process process) {
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
