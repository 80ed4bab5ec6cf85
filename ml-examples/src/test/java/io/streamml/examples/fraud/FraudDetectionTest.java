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
package io.streamml.examples.fraud;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example end to end on its generator: the known pattern change must show in its output. */
class FraudDetectionTest {
    @Test
    void testAlarmFollowsThePatternChangeAndTheModelRecovers(@TempDir Path dir) throws Exception {
        Path chart = dir.resolve("chart.png");
        FraudDetection.Report report =
                FraudDetection.run(
                        FraudDetection.Options.parse(
                                new String[] {
                                    "--transactions", "40000",
                                    "--drift-at", "20000",
                                    "--chart", chart.toString()
                                }));

        // 40,000 rows in windows of 5 batches of 500.
        assertEquals(16, report.points.size());
        assertEquals(40_000, report.points.get(15)[0]);
        assertFalse(report.alarms.isEmpty(), "no drift alarm");
        assertTrue(
                report.alarms.stream().allMatch(row -> row > 20_000 && row < 25_000),
                "alarms " + report.alarms + " must follow the change at 20,000 within 5,000 rows");

        double aucBefore = report.points.get(7)[1]; // rows 17,500–19,999
        double aucAtChange = report.points.get(8)[1]; // rows 20,000–22,499
        double aucAtEnd = report.points.get(15)[1];
        assertTrue(aucBefore > 0.95, "AUC before the change " + aucBefore);
        assertTrue(aucAtChange < aucBefore - 0.15, "AUC at the change " + aucAtChange);
        assertTrue(aucAtEnd > 0.9, "AUC at the end " + aucAtEnd);

        byte[] png = Files.readAllBytes(chart);
        assertArrayEquals(
                new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "a PNG file");
    }

    @Test
    void testDeadLetterTopicDefaultsToTheInputTopicsNameAndMustDifferFromTheOthers() {
        assertEquals(
                "transactions-dead-letter",
                FraudDetection.Options.parse(new String[] {"--kafka", "k:9092"}).deadLetterTopic());
        assertEquals(
                "in-dead-letter",
                FraudDetection.Options.parse(
                                new String[] {"--kafka", "k:9092", "--input-topic", "in"})
                        .deadLetterTopic());
        assertEquals(
                "bad",
                FraudDetection.Options.parse(
                                new String[] {"--kafka", "k:9092", "--dead-letter-topic", "bad"})
                        .deadLetterTopic());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                FraudDetection.Options.parse(
                                        new String[] {
                                            "--kafka",
                                            "k:9092",
                                            "--dead-letter-topic",
                                            "scored-transactions"
                                        }));
        assertTrue(e.getMessage().contains("must differ"), e.getMessage());
    }
}
