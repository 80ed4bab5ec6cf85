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

import io.streamml.examples.fraud.TransactionGenerator;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes transactions {@code 0 … count − 1} to a topic at a steady rate from a background thread,
 * the way a live stream arrives, so a job reading the topic is still busy when a test breaks
 * something. Records are as {@code FraudDetection --produce} writes them: keyed by id, the value a
 * CSV line.
 */
final class TransactionFeed implements AutoCloseable {
    private final Thread thread;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;

    private TransactionFeed(
            String bootstrap,
            String topic,
            TransactionGenerator generator,
            long count,
            double perSecond) {
        thread =
                new Thread(
                        () -> feed(bootstrap, topic, generator, count, perSecond),
                        "transaction-feed");
        thread.setDaemon(true);
    }

    static TransactionFeed start(
            String bootstrap,
            String topic,
            TransactionGenerator generator,
            long count,
            double perSecond) {
        TransactionFeed feed = new TransactionFeed(bootstrap, topic, generator, count, perSecond);
        feed.thread.start();
        return feed;
    }

    /** How many transactions the broker acknowledged so far. */
    long sent() {
        return sent.get();
    }

    /** Waits until every transaction is written; rethrows what stopped the feed. */
    void awaitDone(Duration timeout) throws Exception {
        thread.join(timeout.toMillis());
        if (failure.get() != null) {
            throw new IllegalStateException("the transaction feed failed", failure.get());
        }
        if (thread.isAlive()) {
            throw new IllegalStateException(
                    "the transaction feed sent only " + sent() + " in " + timeout);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    private void feed(
            String bootstrap,
            String topic,
            TransactionGenerator generator,
            long count,
            double perSecond) {
        Properties config = new Properties();
        config.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        config.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // A record is on its way within 10 ms, so the stream is steady rather than bursty.
        config.setProperty(ProducerConfig.LINGER_MS_CONFIG, "10");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            long started = System.nanoTime();
            for (long id = 0; id < count && !stopped && failure.get() == null; id++) {
                long wait = started + (long) (id * 1e9 / perSecond) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                producer.send(
                        new ProducerRecord<>(
                                topic, Long.toString(id), generator.transaction(id).toCsv()),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            } else {
                                sent.incrementAndGet();
                            }
                        });
            }
            producer.flush();
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }
}
