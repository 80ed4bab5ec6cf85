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

    /**
     * Parses a line written by {@link #toCsv()}: exactly 9 comma-separated fields (surrounding
     * whitespace of the line aside), numbers finite and in their field's range (id, timestamp,
     * amount, distance and transactions in the last hour not negative, hour 0 to 23, merchant risk
     * 0 to 1), flags 0 or 1. A record that breaks any of this would fail the job or poison the
     * model, so it is rejected with an {@link IllegalArgumentException} whose message names the
     * problem (the field and the offending value, not the whole line).
     */
    public static Transaction fromCsv(String line) {
        String trimmed = line.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty record");
        }
        // Limit -1: trailing empty fields count, so "…,0," has 10 fields rather than 9.
        String[] f = trimmed.split(",", -1);
        if (f.length != 9) {
            throw new IllegalArgumentException(
                    "expected 9 comma-separated fields " + CSV_HEADER + ", got " + f.length);
        }
        long id = longField("id", f[0]);
        long timestamp = longField("timestamp", f[1]);
        double amount = doubleField("amount", f[2]);
        int hour = intField("hour", f[3]);
        double merchantRisk = doubleField("merchantRisk", f[4]);
        double distanceKm = doubleField("distanceKm", f[5]);
        int txnLastHour = intField("txnLastHour", f[6]);
        boolean cardPresent = flag("cardPresent", f[7]);
        boolean fraud = flag("isFraud", f[8]);
        check(id >= 0, "id", f[0], "must not be negative");
        check(timestamp >= 0, "timestamp", f[1], "must not be negative");
        check(amount >= 0, "amount", f[2], "must not be negative");
        check(hour >= 0 && hour <= 23, "hour", f[3], "must be 0 to 23");
        check(merchantRisk >= 0 && merchantRisk <= 1, "merchantRisk", f[4], "must be 0 to 1");
        check(distanceKm >= 0, "distanceKm", f[5], "must not be negative");
        check(txnLastHour >= 0, "txnLastHour", f[6], "must not be negative");
        return new Transaction(
                id,
                timestamp,
                amount,
                hour,
                merchantRisk,
                distanceKm,
                txnLastHour,
                cardPresent,
                fraud);
    }

    private static long longField(String name, String field) {
        try {
            return Long.parseLong(field.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not an integer: " + quote(field));
        }
    }

    private static int intField(String name, String field) {
        try {
            return Integer.parseInt(field.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not an integer: " + quote(field));
        }
    }

    private static double doubleField(String name, String field) {
        double value;
        try {
            value = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + quote(field));
        }
        // NaN and ±Infinity parse (also 1e400, which overflows), but no model can learn from them.
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not finite: " + quote(field));
        }
        return value;
    }

    private static boolean flag(String name, String field) {
        switch (field.trim()) {
            case "0":
                return false;
            case "1":
                return true;
            default:
                throw new IllegalArgumentException(name + " must be 0 or 1, got " + quote(field));
        }
    }

    private static void check(boolean valid, String name, String field, String rule) {
        if (!valid) {
            throw new IllegalArgumentException(name + " " + rule + ", got " + quote(field));
        }
    }

    /** The field in quotes, cut short if long: a garbage record can be megabytes. */
    private static String quote(String field) {
        return "'" + (field.length() <= 40 ? field : field.substring(0, 40) + "...") + "'";
    }
}
