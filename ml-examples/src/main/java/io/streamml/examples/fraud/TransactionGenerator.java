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

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * A synthetic card-transaction stream with a known fraud pattern that changes at a known point.
 * Transaction {@code id} depends only on the seed and the id, so any task can make any transaction
 * and a replay after a failure makes the same ones.
 *
 * <p>A transaction is fraud with probability {@link #FRAUD_RATE}, from the drift on {@link
 * #FRAUD_RATE_AFTER_DRIFT} (a fraud ring at work); its fields are then drawn from the fraud pattern
 * in force, otherwise from the legitimate one:
 *
 * <table>
 *   <caption>How the fields are drawn</caption>
 *   <tr><th>field</th><th>legitimate</th><th>fraud before the drift: stolen card, spree far away</th>
 *       <th>fraud from the drift on: cloned cards, small purchases nearby</th></tr>
 *   <tr><td>amount (€)</td><td>log-normal, median 40, σ 1</td><td>log-normal, median 150, σ 1
 *       </td><td>log-normal, median 15, σ 0.7</td></tr>
 *   <tr><td>hour</td><td>normal around 14:00, sd 4 h</td><td>60%: uniform 0–5, else as legitimate
 *       </td><td>as legitimate</td></tr>
 *   <tr><td>merchantRisk</td><td>0.8·U²</td><td>uniform 0.2–1</td><td>uniform 0–0.4</td></tr>
 *   <tr><td>distanceKm</td><td>exponential, mean 10</td><td>exponential, mean 80</td>
 *       <td>exponential, mean 4</td></tr>
 *   <tr><td>txnLastHour</td><td>Poisson 1</td><td>Poisson 1.8</td><td>Poisson 4</td></tr>
 *   <tr><td>cardPresent</td><td>80%</td><td>55%</td><td>90%</td></tr>
 * </table>
 *
 * <p>After the drift large, distant, nightly, card-absent purchases at risky merchants stop being
 * the fraud and small card-present ones near home at ordinary merchants become it: a model trained
 * before the drift ranks most new fraud below legitimate traffic until it relearns. Only velocity
 * (transactions in the last hour) keeps pointing the same way. Timestamps advance 50 ms per
 * transaction from 2026-01-01T00:00Z.
 */
public final class TransactionGenerator implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final double FRAUD_RATE = 0.03;
    public static final double FRAUD_RATE_AFTER_DRIFT = 0.06;
    static final long START_MILLIS = 1_767_225_600_000L;
    static final long MILLIS_BETWEEN = 50;

    private final long seed;
    private final long driftAt;

    /** Fraud follows the second pattern from transaction {@code driftAt} on. */
    public TransactionGenerator(long seed, long driftAt) {
        this.seed = seed;
        this.driftAt = driftAt;
    }

    public long driftAt() {
        return driftAt;
    }

    public Transaction transaction(long id) {
        // One independent random stream per (seed, id): the golden-ratio step spreads ids apart.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
        boolean fraud = random.nextDouble() < (id < driftAt ? FRAUD_RATE : FRAUD_RATE_AFTER_DRIFT);
        long timestamp = START_MILLIS + id * MILLIS_BETWEEN;
        if (!fraud) {
            return new Transaction(
                    id,
                    timestamp,
                    logNormal(random, 40, 1.0),
                    daytimeHour(random),
                    0.8 * square(random.nextDouble()),
                    exponential(random, 10),
                    poisson(random, 1),
                    random.nextDouble() < 0.8,
                    false);
        }
        if (id < driftAt) {
            return new Transaction(
                    id,
                    timestamp,
                    logNormal(random, 150, 1.0),
                    random.nextDouble() < 0.6 ? random.nextInt(6) : daytimeHour(random),
                    0.2 + 0.8 * random.nextDouble(),
                    exponential(random, 80),
                    poisson(random, 1.8),
                    random.nextDouble() < 0.55,
                    true);
        }
        return new Transaction(
                id,
                timestamp,
                logNormal(random, 15, 0.7),
                daytimeHour(random),
                0.4 * random.nextDouble(),
                exponential(random, 4),
                poisson(random, 4),
                random.nextDouble() < 0.9,
                true);
    }

    private static double logNormal(SplittableRandom random, double median, double sigma) {
        return median * Math.exp(sigma * gaussian(random));
    }

    private static int daytimeHour(SplittableRandom random) {
        return Math.floorMod((int) Math.round(14 + 4 * gaussian(random)), 24);
    }

    private static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    /** Knuth's method: fine for the small means used here. */
    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Box–Muller; SplittableRandom has no nextGaussian on Java 11. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double square(double x) {
        return x * x;
    }
}
