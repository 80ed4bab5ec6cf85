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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionGeneratorTest {
    private static final int N = 100_000;

    @Test
    void testATransactionDependsOnlyOnSeedAndId() {
        TransactionGenerator generator = new TransactionGenerator(42, N / 2);
        TransactionGenerator again = new TransactionGenerator(42, N / 2);
        for (long id : new long[] {0, 1, 777, N - 1}) {
            assertEquals(generator.transaction(id).toCsv(), again.transaction(id).toCsv());
        }
        assertTrue(
                !generator
                        .transaction(5)
                        .toCsv()
                        .equals(new TransactionGenerator(43, N / 2).transaction(5).toCsv()));
    }

    @Test
    void testFraudRatesAreWithinFourStandardErrors() {
        TransactionGenerator generator = new TransactionGenerator(42, N);
        assertFraudRate(generator, TransactionGenerator.FRAUD_RATE);
        generator = new TransactionGenerator(42, 0);
        assertFraudRate(generator, TransactionGenerator.FRAUD_RATE_AFTER_DRIFT);
    }

    private static void assertFraudRate(TransactionGenerator generator, double p) {
        int frauds = 0;
        for (long id = 0; id < N; id++) {
            frauds += generator.transaction(id).fraud ? 1 : 0;
        }
        assertEquals(p * N, frauds, 4 * Math.sqrt(N * p * (1 - p)));
    }

    /**
     * The documented pattern change: fraud turns from large, distant, card-absent to the opposite.
     */
    @Test
    void testFraudPatternChangesAtTheDriftPoint() {
        TransactionGenerator generator = new TransactionGenerator(42, N / 2);
        double[] before = fraudMeans(generator, 0, N / 2);
        double[] after = fraudMeans(generator, N / 2, N);
        double[] legit = legitMeans(generator);
        // Medians 150 → 15 (log-normal σ 1 and 0.7): mean logs ln 150 and ln 15.
        assertEquals(Math.log(150), before[0], 0.15);
        assertEquals(Math.log(15), after[0], 0.15);
        assertEquals(Math.log(40), legit[0], 0.05);
        assertEquals(80, before[1], 12);
        assertEquals(4, after[1], 0.8);
        assertEquals(0.55, before[2], 0.06);
        assertEquals(0.9, after[2], 0.05);
    }

    /** Mean log amount, distance and card presence of the fraud among ids [from, to). */
    private static double[] fraudMeans(TransactionGenerator generator, long from, long to) {
        double[] sums = new double[3];
        int n = 0;
        for (long id = from; id < to; id++) {
            Transaction t = generator.transaction(id);
            if (t.fraud) {
                sums[0] += Math.log(t.amount);
                sums[1] += t.distanceKm;
                sums[2] += t.cardPresent ? 1 : 0;
                n++;
            }
        }
        for (int j = 0; j < 3; j++) {
            sums[j] /= n;
        }
        return sums;
    }

    private static double[] legitMeans(TransactionGenerator generator) {
        double sum = 0;
        int n = 0;
        for (long id = 0; id < N; id++) {
            Transaction t = generator.transaction(id);
            if (!t.fraud) {
                sum += Math.log(t.amount);
                n++;
            }
        }
        return new double[] {sum / n};
    }

    @Test
    void testCsvRoundTrip() {
        Transaction t = new TransactionGenerator(42, 10).transaction(3);
        Transaction parsed = Transaction.fromCsv(t.toCsv());
        assertEquals(t.toCsv(), parsed.toCsv());
        assertArrayEquals(
                Transaction.fromCsv(t.toCsv()).features().values, parsed.features().values, 0);
        assertEquals(Transaction.FEATURE_NAMES.length, t.features().size());
    }

    @Test
    void testBadLinesAreRejectedNamingTheProblem() {
        assertRejected("1,2,3", "expected 9 comma-separated fields");
        assertRejected("1,0,12.5,3,0.5,1.0,2,1,yes", "isFraud must be 0 or 1, got 'yes'");
        assertRejected("1,0,abc,3,0.5,1.0,2,1,0", "amount is not a number: 'abc'");
        assertRejected("1,0,NaN,3,0.5,1.0,2,1,0", "amount is not finite: 'NaN'");
        assertRejected("1,0,12.5,3,0.5,1.0,2,1,0,", "got 10");
    }

    @Test
    void testEveryGeneratedTransactionParses() {
        TransactionGenerator generator = new TransactionGenerator(42, 50_000);
        for (long id = 0; id < 100_000; id++) {
            String csv = generator.transaction(id).toCsv();
            assertEquals(csv, Transaction.fromCsv(csv).toCsv());
        }
    }

    private static void assertRejected(String line, String reason) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Transaction.fromCsv(line));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
