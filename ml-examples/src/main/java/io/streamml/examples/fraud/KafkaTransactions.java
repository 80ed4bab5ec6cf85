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

import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;

/**
 * The fraud example's Kafka side: transactions in; scored transactions and dead letters (the
 * malformed input records) out, exactly once.
 */
public final class KafkaTransactions {
    /**
     * Kafka brokers refuse transactions longer than {@code transaction.max.timeout.ms} (15 minutes
     * by default) and Flink's default of one hour exceeds it.
     */
    static final String TRANSACTION_TIMEOUT_MS = "600000";

    private KafkaTransactions() {}

    /**
     * Reads the topic from its earliest offset, each record as it is ({@link RawRecord}): parsing
     * is {@link TransactionParser}'s, so that a malformed record cannot fail the source.
     */
    public static KafkaSource<RawRecord> source(String bootstrap, String topic) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId("fraud-detection")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(RawRecord.deserializer())
                .build();
    }

    /**
     * Writes each line in a Kafka transaction committed when the checkpoint covering it completes,
     * so consumers reading committed records see every score once, also across failovers.
     */
    public static KafkaSink<String> scoredSink(String bootstrap, String topic) {
        return exactlyOnce(
                bootstrap,
                topic,
                KafkaRecordSerializationSchema.builder()
                        .setTopic(topic)
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build());
    }

    /**
     * Writes each dead letter (key and value as they arrived, the reason and origin as headers; see
     * {@link DeadLetter}) exactly once, like {@link #scoredSink}: a consumer reading committed
     * records sees every malformed input record once, also across failovers.
     */
    public static KafkaSink<DeadLetter> deadLetterSink(String bootstrap, String topic) {
        return exactlyOnce(bootstrap, topic, DeadLetter.serializer(topic));
    }

    private static <T> KafkaSink<T> exactlyOnce(
            String bootstrap, String topic, KafkaRecordSerializationSchema<T> serializer) {
        Properties producer = new Properties();
        producer.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(serializer)
                .setDeliverGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                // One prefix per topic: two sinks sharing one would abort each other's
                // transactions.
                .setTransactionalIdPrefix("fraud-detection-" + topic)
                .setKafkaProducerConfig(producer)
                .build();
    }

    /** Writes transactions {@code 0 … count − 1} to the topic, in order, keyed by id. */
    public static void produce(
            String bootstrap, String topic, TransactionGenerator generator, long count) {
        Properties config = new Properties();
        config.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        config.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (long id = 0; id < count; id++) {
                producer.send(
                        new ProducerRecord<>(
                                topic, Long.toString(id), generator.transaction(id).toCsv()));
            }
            producer.flush();
        }
    }
}
