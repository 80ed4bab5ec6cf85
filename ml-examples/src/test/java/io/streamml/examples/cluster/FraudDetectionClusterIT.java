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

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fraud example's job jar on a standalone Flink cluster of separate JVMs. */
class FraudDetectionClusterIT {
    private static final String FRAUD_DETECTION = "io.streamml.examples.fraud.FraudDetection";

    @Test
    void generatorModeRunsOnTheCluster() throws Exception {
        Path workDir = Path.of(System.getProperty("itWorkDir"), "cluster-generator");
        Path jar = Path.of(System.getProperty("jobJar"));
        Files.createDirectories(workDir);
        try (FlinkCluster cluster = FlinkCluster.start(workDir, 2, Map.of())) {
            String printed =
                    cluster.runAttached(
                            jar,
                            FRAUD_DETECTION,
                            Duration.ofMinutes(3),
                            "--transactions",
                            "6000",
                            "--chart",
                            workDir.resolve("chart.png").toString());
            System.out.println(printed);
            assertTrue(printed.contains("6000 transactions"), printed);
        }
    }
}
