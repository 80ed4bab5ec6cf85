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

import org.apache.flink.ml.linalg.DenseVector;

import java.util.Locale;

/**
 * A card transaction as it travels through the fraud example: generated, or read from Kafka as one
 * CSV line in the order of {@link #CSV_HEADER}. The label arrives with the transaction — a
 * simplification: in production it would arrive later, when the cardholder disputes a charge.
 */
public final class Transaction {
    public static final String CSV_HEADER =
            "id,timestamp,amount,hour,merchantRisk,distanceKm,txnLastHour,cardPresent,isFraud";

    /** The model's feature names, in the order of {@link #features()}. */
    public static final String[] FEATURE_NAMES = {
        "log(1+amount)", "night", "merchantRisk", "log(1+distanceKm)", "txnLastHour", "cardPresent"
    };

    public final long id;

    /** Event time, epoch milliseconds. */
    public final long timestamp;

    /** Amount in euros. */
    public final double amount;

    /** Local hour of day, 0–23. */
    public final int hour;

    /** The merchant category's risk score, 0–1. */
    public final double merchantRisk;

    /** Distance from the cardholder's home, km. */
    public final double distanceKm;

    /** Transactions on the same card in the hour before this one. */
    public final int txnLastHour;

    /** Whether the card was physically present. */
    public final boolean cardPresent;

    public final boolean fraud;

    public Transaction(
            long id,
            long timestamp,
            double amount,
            int hour,
            double merchantRisk,
            double distanceKm,
            int txnLastHour,
            boolean cardPresent,
            boolean fraud) {
        this.id = id;
        this.timestamp = timestamp;
        this.amount = amount;
        this.hour = hour;
        this.merchantRisk = merchantRisk;
        this.distanceKm = distanceKm;
        this.txnLastHour = txnLastHour;
        this.cardPresent = cardPresent;
        this.fraud = fraud;
    }

    /**
     * The model's view: logs tame the heavy-tailed amount and distance, and the hour becomes a
     * night flag because fraud clusters at night, which no linear term in the hour can express.
     */
    public DenseVector features() {
        return new DenseVector(
                new double[] {
                    Math.log1p(amount),
                    hour < 6 ? 1 : 0,
                    merchantRisk,
                    Math.log1p(distanceKm),
                    txnLastHour,
                    cardPresent ? 1 : 0
                });
    }

    public double label() {
        return fraud ? 1 : 0;
    }

    public String toCsv() {
        return String.format(
                Locale.ROOT,
                "%d,%d,%.2f,%d,%.4f,%.3f,%d,%d,%d",
                id,
                timestamp,
                amount,
                hour,
                merchantRisk,
                distanceKm,
                txnLastHour,
                cardPresent ? 1 : 0,
                fraud ? 1 : 0);
    }

    /** Parses a line written by {@link #toCsv()}, failing with the line quoted on a bad one. */
    public static Transaction fromCsv(String line) {
        String[] f = line.trim().split(",");
        if (f.length != 9) {
            throw new IllegalArgumentException(
                    "A transaction needs the 9 fields " + CSV_HEADER + ", got: " + line);
        }
        try {
            return new Transaction(
                    Long.parseLong(f[0]),
                    Long.parseLong(f[1]),
                    Double.parseDouble(f[2]),
                    Integer.parseInt(f[3]),
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]),
                    Integer.parseInt(f[6]),
                    flag(f[7], line),
                    flag(f[8], line));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a transaction: " + line, e);
        }
    }

    private static boolean flag(String field, String line) {
        switch (field) {
            case "0":
                return false;
            case "1":
                return true;
            default:
                throw new IllegalArgumentException("A flag must be 0 or 1, got: " + line);
        }
    }
}
