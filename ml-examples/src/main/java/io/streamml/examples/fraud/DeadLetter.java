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

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * A record the fraud example could not use, on its way to the dead-letter topic: the record as it
 * arrived and why it was rejected (a Flink POJO, like {@link RawRecord}).
 *
 * <p>In the dead-letter topic it keeps the original key and value bytes, so it can be inspected,
 * fixed and replayed as is; the reason and the origin travel as headers ({@value #REASON_HEADER},
 * {@value #TOPIC_HEADER}, {@value #PARTITION_HEADER}, {@value #OFFSET_HEADER}, UTF-8 text).
 */
public class DeadLetter {
    public static final String REASON_HEADER = "dead-letter.reason";
    public static final String TOPIC_HEADER = "dead-letter.topic";
    public static final String PARTITION_HEADER = "dead-letter.partition";
    public static final String OFFSET_HEADER = "dead-letter.offset";

    public RawRecord record;
    public String reason;

    public DeadLetter() {}

    public DeadLetter(RawRecord record, String reason) {
        this.record = record;
        this.reason = reason;
    }

    @Override
    public String toString() {
        return record.position() + ": " + reason;
    }

    /** Writes dead letters to {@code topic} as the class comment describes. */
    static KafkaRecordSerializationSchema<DeadLetter> serializer(String topic) {
        return new Serializer(topic);
    }

    private static final class Serializer implements KafkaRecordSerializationSchema<DeadLetter> {
        private static final long serialVersionUID = 1L;

        private final String topic;

        Serializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(
                DeadLetter letter, KafkaSinkContext context, Long timestamp) {
            RawRecord record = letter.record;
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, utf8(letter.reason));
            headers.add(TOPIC_HEADER, utf8(record.topic));
            headers.add(PARTITION_HEADER, utf8(Integer.toString(record.partition)));
            headers.add(OFFSET_HEADER, utf8(Long.toString(record.offset)));
            return new ProducerRecord<>(topic, null, null, record.key, record.value, headers);
        }

        private static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
