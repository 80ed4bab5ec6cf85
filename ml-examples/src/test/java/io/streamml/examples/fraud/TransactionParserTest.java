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

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TransactionParser} in Flink's operator test harness: transactions to the main output,
 * every kind of malformed record to the side output with a reason naming its problem, counted.
 */
class TransactionParserTest {
    private static final String TOPIC = "transactions";

    private final InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
    private OneInputStreamOperatorTestHarness<RawRecord, Transaction> harness;
    private long offset;

    @BeforeEach
    void open() throws Exception {
        // The operator's metric group is what the task's metric group hands out for it.
        MockEnvironment environment =
                new MockEnvironmentBuilder()
                        .setMetricGroup(
                                new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
                                    @Override
                                    public InternalOperatorMetricGroup getOrAddOperator(
                                            OperatorID id, String name) {
                                        return metrics;
                                    }
                                })
                        .build();
        harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new TransactionParser()), environment);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void testTransactionsGoToTheMainOutput() throws Exception {
        TransactionGenerator generator = new TransactionGenerator(42, 1000);
        List<String> lines = new ArrayList<>();
        for (long id = 0; id < 200; id++) {
            lines.add(generator.transaction(id).toCsv());
        }
        // Whitespace around the line or a field is no reason to drop a transaction.
        lines.add("  200,1767225610000, 12.50 ,3,0.5,1.0,2, 1 ,0\r\n");
        for (String line : lines) {
            process(line.getBytes(StandardCharsets.UTF_8));
        }

        List<String> parsed =
                harness.extractOutputValues().stream()
                        .map(Transaction::toCsv)
                        .collect(Collectors.toList());
        assertEquals(lines.subList(0, 200), parsed.subList(0, 200));
        assertEquals("200,1767225610000,12.50,3,0.5000,1.000,2,1,0", parsed.get(200));
        assertNull(harness.getSideOutput(TransactionParser.MALFORMED));
        assertEquals(0, malformedRecords().getCount());
    }

    @Test
    void testEachKindOfMalformedRecordGoesToTheSideOutputWithItsReason() throws Exception {
        // Record → what its reason must say.
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("garbage, not a transaction", "expected 9 comma-separated fields");
        malformed.put("1,1767225600000,12.5,3,0.5,1.0,2,1", "got 8");
        malformed.put("1,1767225600000,12.5,3,0.5,1.0,2,1,0,", "got 10");
        malformed.put("", "empty record");
        malformed.put("   ", "empty record");
        malformed.put("x,1767225600000,12.5,3,0.5,1.0,2,1,0", "id is not an integer: 'x'");
        malformed.put("1,yesterday,12.5,3,0.5,1.0,2,1,0", "timestamp is not an integer");
        malformed.put("1,1767225600000,abc,3,0.5,1.0,2,1,0", "amount is not a number: 'abc'");
        malformed.put("1,1767225600000,,3,0.5,1.0,2,1,0", "amount is not a number: ''");
        malformed.put("1,1767225600000,NaN,3,0.5,1.0,2,1,0", "amount is not finite: 'NaN'");
        malformed.put("1,1767225600000,Infinity,3,0.5,1.0,2,1,0", "amount is not finite");
        malformed.put("1,1767225600000,1e400,3,0.5,1.0,2,1,0", "amount is not finite: '1e400'");
        malformed.put("1,1767225600000,-12.5,3,0.5,1.0,2,1,0", "amount must not be negative");
        malformed.put("1,1767225600000,12.5,24,0.5,1.0,2,1,0", "hour must be 0 to 23, got '24'");
        malformed.put("1,1767225600000,12.5,3.5,0.5,1.0,2,1,0", "hour is not an integer");
        malformed.put("1,1767225600000,12.5,3,1.5,1.0,2,1,0", "merchantRisk must be 0 to 1");
        malformed.put("1,1767225600000,12.5,3,-Infinity,1.0,2,1,0", "merchantRisk is not finite");
        malformed.put("1,1767225600000,12.5,3,0.5,-1.0,2,1,0", "distanceKm must not be negative");
        malformed.put("1,1767225600000,12.5,3,0.5,NaN,2,1,0", "distanceKm is not finite");
        malformed.put("1,1767225600000,12.5,3,0.5,1.0,-2,1,0", "txnLastHour must not be negative");
        malformed.put("1,1767225600000,12.5,3,0.5,1.0,2,yes,0", "cardPresent must be 0 or 1");
        malformed.put("1,1767225600000,12.5,3,0.5,1.0,2,1,2", "isFraud must be 0 or 1, got '2'");
        malformed.put("-1,1767225600000,12.5,3,0.5,1.0,2,1,0", "id must not be negative");
        TransactionGenerator generator = new TransactionGenerator(42, 1000);
        List<byte[]> values = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        long id = 0;
        // Interleaved with valid transactions, which must all come through.
        for (Map.Entry<String, String> record : malformed.entrySet()) {
            process(generator.transaction(id++).toCsv().getBytes(StandardCharsets.UTF_8));
            values.add(record.getKey().getBytes(StandardCharsets.UTF_8));
            reasons.add(record.getValue());
        }
        values.add(new byte[] {'1', ',', (byte) 0xC3, (byte) 0x28, ','});
        reasons.add("not UTF-8");
        values.add(null);
        reasons.add("tombstone");
        byte[] key = "17".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < values.size(); i++) {
            harness.processElement(new RawRecord(TOPIC, 3, 1000 + i, key, values.get(i)), 0);
        }

        assertEquals(id, harness.extractOutputValues().size());
        List<DeadLetter> letters =
                harness.getSideOutput(TransactionParser.MALFORMED).stream()
                        .map(StreamRecord::getValue)
                        .collect(Collectors.toList());
        assertEquals(values.size(), letters.size());
        for (int i = 0; i < values.size(); i++) {
            DeadLetter letter = letters.get(i);
            // The record as it arrived, where it came from, and why it is no transaction.
            assertArrayEquals(values.get(i), letter.record.value);
            assertArrayEquals(key, letter.record.key);
            assertEquals(TOPIC, letter.record.topic);
            assertEquals(3, letter.record.partition);
            assertEquals(1000 + i, letter.record.offset);
            assertNotNull(letter.reason);
            assertTrue(
                    letter.reason.contains(reasons.get(i)),
                    "the reason for "
                            + (values.get(i) == null
                                    ? "a tombstone"
                                    : new String(values.get(i), StandardCharsets.UTF_8))
                            + " is '"
                            + letter.reason
                            + "', not naming: "
                            + reasons.get(i));
        }
        assertEquals(values.size(), malformedRecords().getCount());
    }

    @Test
    void testALongGarbageRecordGetsAShortReason() throws Exception {
        String garbage = "x".repeat(1_000_000);
        process(
                ("1,1767225600000," + garbage + ",3,0.5,1.0,2,1,0")
                        .getBytes(StandardCharsets.UTF_8));
        DeadLetter letter = harness.getSideOutput(TransactionParser.MALFORMED).peek().getValue();
        assertTrue(letter.reason.length() < 100, letter.reason);
        assertEquals(1, malformedRecords().getCount());
    }

    @Test
    void testDeadLettersSurviveFlinksSerializerWithoutKeyOrValue() throws Exception {
        // Flink's POJO serializer, not Kryo, for the side output and any network hop after it.
        assertTrue(
                TransactionParser.MALFORMED.getTypeInfo() instanceof PojoTypeInfo,
                TransactionParser.MALFORMED.getTypeInfo().toString());
        TypeSerializer<DeadLetter> serializer =
                TransactionParser.MALFORMED.getTypeInfo().createSerializer(new ExecutionConfig());
        DataOutputSerializer out = new DataOutputSerializer(64);
        // A tombstone without a key: both byte arrays null.
        serializer.serialize(
                new DeadLetter(new RawRecord(TOPIC, 2, 7, null, null), "no value (a tombstone)"),
                out);
        DeadLetter copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(TOPIC, copy.record.topic);
        assertEquals(2, copy.record.partition);
        assertEquals(7, copy.record.offset);
        assertNull(copy.record.key);
        assertNull(copy.record.value);
        assertEquals("no value (a tombstone)", copy.reason);
    }

    private void process(byte[] value) throws Exception {
        harness.processElement(new RawRecord(TOPIC, 0, offset++, null, value), 0);
    }

    private Counter malformedRecords() {
        Counter counter = (Counter) metrics.get(TransactionParser.MALFORMED_RECORDS);
        assertNotNull(counter, "no counter " + TransactionParser.MALFORMED_RECORDS);
        assertSame(counter, metrics.get(TransactionParser.MALFORMED_RECORDS));
        return counter;
    }
}
