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

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses the Kafka records of the fraud example into {@link Transaction}s ({@link
 * Transaction#fromCsv}, UTF-8). A record that is no transaction — a tombstone, bytes that are not
 * UTF-8, an empty line, the wrong number of fields, a field that is not a number, not finite or out
 * of its range, a flag other than 0 or 1 — does not fail the job (a failure would replay it after
 * every restart, forever): it goes to the side output {@link #MALFORMED} as a {@link DeadLetter}
 * with the reason, and the counter {@value #MALFORMED_RECORDS} of this operator's metric group
 * counts it. The first malformed record of each subtask is logged at WARN (again after a restart:
 * the count starts over), later ones at DEBUG.
 */
public class TransactionParser extends ProcessFunction<RawRecord, Transaction> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TransactionParser.class);

    /** The records that are no transaction, with the reason. */
    public static final OutputTag<DeadLetter> MALFORMED =
            new OutputTag<>("malformed-transactions", TypeInformation.of(DeadLetter.class));

    /** The name of the counter of malformed records. */
    public static final String MALFORMED_RECORDS = "malformedRecords";

    private transient Counter malformedRecords;

    @Override
    public void open(Configuration parameters) {
        malformedRecords = getRuntimeContext().getMetricGroup().counter(MALFORMED_RECORDS);
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<Transaction> out) {
        Transaction transaction = null;
        String reason = null;
        if (record.value == null) {
            reason = "no value (a tombstone)";
        } else {
            try {
                transaction = Transaction.fromCsv(utf8(record.value));
            } catch (CharacterCodingException e) {
                reason = "not UTF-8 text";
            } catch (IllegalArgumentException e) {
                reason = e.getMessage();
            }
        }
        if (transaction != null) {
            // Outside the try: an error of a chained operator downstream is no malformed record.
            out.collect(transaction);
            return;
        }
        DeadLetter letter = new DeadLetter(record, reason);
        if (malformedRecords.getCount() == 0) {
            LOG.warn(
                    "Malformed record {}, sent to the dead-letter output; further ones are logged"
                            + " at DEBUG and counted in the metric {}",
                    letter,
                    MALFORMED_RECORDS);
        } else {
            LOG.debug("Malformed record {}", letter);
        }
        malformedRecords.inc();
        ctx.output(MALFORMED, letter);
    }

    /** Strict decoding: a malformed byte sequence is an error, not a replacement character. */
    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
