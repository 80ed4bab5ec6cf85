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
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka record as it arrived, before any parsing: where it came from and its bytes, as is. The
 * source makes one of every record, so no record, however broken, fails the source, and a record
 * the parser rejects can go to the dead-letter topic unchanged.
 *
 * <p>A Flink POJO (public fields, public no-argument constructor), so Flink serializes it with its
 * own POJO serializer rather than Kryo.
 */
public class RawRecord {
    public String topic;
    public int partition;
    public long offset;

    /** The record's key, null if it has none. */
    public byte[] key;

    /** The record's value, null for a tombstone. */
    public byte[] value;

    public RawRecord() {}

    public RawRecord(String topic, int partition, long offset, byte[] key, byte[] value) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.key = key;
        this.value = value;
    }

    /** Where the record came from, as {@code topic-partition@offset}. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }

    /** The source's deserializer: every record becomes a RawRecord, nothing can fail. */
    static KafkaRecordDeserializationSchema<RawRecord> deserializer() {
        return new Deserializer();
    }

    private static final class Deserializer implements KafkaRecordDeserializationSchema<RawRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
            out.collect(
                    new RawRecord(
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            record.key(),
                            record.value()));
        }

        @Override
        public TypeInformation<RawRecord> getProducedType() {
            return TypeInformation.of(RawRecord.class);
        }
    }
}
