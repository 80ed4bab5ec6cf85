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
package io.streamml.benchmarks.report;

import java.util.Locale;

/** How the report writes its numbers: all formatting in one place, Locale.ROOT throughout. */
final class Figures {
    /** What a figure the run did not produce is written as. */
    static final String MISSING = "—";

    private Figures() {}

    /** {@code 1000000x100} as {@code 1,000,000 × 100}. */
    static String size(String size) {
        return String.format(Locale.ROOT, "%,d × %d", JmhResults.rows(size), JmhResults.dim(size));
    }

    /** {@code 1000000x100} as {@code 1M × 100}, for the chart's labels. */
    static String shortSize(String size) {
        long rows = JmhResults.rows(size);
        String shortRows =
                rows % 1_000_000 == 0
                        ? rows / 1_000_000 + "M"
                        : rows % 1000 == 0 ? rows / 1000 + "k" : Long.toString(rows);
        return shortRows + " × " + JmhResults.dim(size);
    }

    /** Seconds with three significant digits, and JMH's error when it has one. */
    static String seconds(double seconds, double error) {
        if (!Double.isFinite(seconds)) {
            return MISSING;
        }
        String value = significant(seconds) + " s";
        return Double.isFinite(error) ? value + " ± " + significant(error) : value;
    }

    static String seconds(double seconds) {
        return seconds(seconds, Double.NaN);
    }

    static String millis(double millis) {
        return Double.isFinite(millis) ? significant(millis) + " ms" : MISSING;
    }

    /** Rows per second, e.g. {@code 1.23 M/s} or {@code 412 k/s}. */
    static String rate(double rowsPerSecond) {
        if (!Double.isFinite(rowsPerSecond)) {
            return MISSING;
        }
        if (rowsPerSecond >= 1e6) {
            return significant(rowsPerSecond / 1e6) + " M/s";
        }
        if (rowsPerSecond >= 1e3) {
            return significant(rowsPerSecond / 1e3) + " k/s";
        }
        return significant(rowsPerSecond) + " /s";
    }

    /** A ratio, e.g. {@code 4.87×}. */
    static String ratio(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f×", ratio) : MISSING;
    }

    /** An objective value, to the digits where fits differ. */
    static String objective(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : MISSING;
    }

    /** A small difference, e.g. {@code 3.1e-11}. */
    static String gap(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1e", value) : MISSING;
    }

    static String bytes(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f", value) : MISSING;
    }

    static String count(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.0f", value) : MISSING;
    }

    /** Three significant digits, without exponent for the magnitudes a report shows. */
    static String significant(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
