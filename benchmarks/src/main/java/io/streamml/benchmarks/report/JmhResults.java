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

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results in a JMH JSON file, looked up by benchmark method and size. */
public final class JmhResults {
    private final List<Result> results = new ArrayList<>();

    /** What the JVM of the first result was. */
    public final String vm;

    public final String jmhVersion;

    /** One benchmark method at one set of params. */
    public static final class Result {
        /** E.g. {@code BoundedFitBenchmark.logisticRegression}. */
        public final String name;

        public final Map<String, String> params;

        /** The primary score in its unit (mean over measured iterations). */
        public final double score;

        /** Standard deviation of the measured scores, NaN with fewer than two. */
        public final double scoreDeviation;

        public final String unit;

        /** Number of measured invocations or iterations behind the score. */
        public final int samples;

        /** Aux counters, each the mean of its per-iteration values. */
        public final Map<String, Double> secondary;

        /** JMH's mode: "ss" single shot, "avgt", "thrpt". */
        public final String mode;

        public final int forks;
        public final int warmupIterations;
        public final int measurementIterations;

        Result(JsonNode node) {
            String benchmark = node.get("benchmark").asText();
            String[] parts = benchmark.split("\\.");
            name = parts[parts.length - 2] + "." + parts[parts.length - 1];
            params = new LinkedHashMap<>();
            JsonNode paramsNode = node.get("params");
            if (paramsNode != null) {
                paramsNode
                        .fields()
                        .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            }
            JsonNode primary = node.get("primaryMetric");
            score = primary.get("score").asDouble();
            scoreDeviation = standardDeviation(primary.get("rawData"));
            unit = primary.get("scoreUnit").asText();
            samples = count(primary.get("rawData"));
            mode = node.get("mode").asText();
            forks = node.get("forks").asInt();
            warmupIterations = node.get("warmupIterations").asInt();
            measurementIterations = node.get("measurementIterations").asInt();
            secondary = new LinkedHashMap<>();
            JsonNode secondaryNode = node.get("secondaryMetrics");
            if (secondaryNode != null) {
                // JMH sums an EVENTS counter over iterations; the per-iteration mean is the figure.
                secondaryNode
                        .fields()
                        .forEachRemaining(
                                e -> secondary.put(e.getKey(), mean(e.getValue().get("rawData"))));
            }
        }

        /** The primary score in seconds per operation, for time-based modes. */
        public double seconds() {
            return score * secondsPer(unit);
        }

        /** The standard deviation of {@link #seconds()}. */
        public double secondsDeviation() {
            return scoreDeviation * secondsPer(unit);
        }

        /** An aux counter, NaN if absent. */
        public double secondary(String counter) {
            return secondary.getOrDefault(counter, Double.NaN);
        }

        private static double secondsPer(String unit) {
            switch (unit) {
                case "s/op":
                    return 1;
                case "ms/op":
                    return 1e-3;
                case "us/op":
                    return 1e-6;
                case "ns/op":
                    return 1e-9;
                default:
                    throw new IllegalArgumentException("not a time per operation: " + unit);
            }
        }

        private static int count(JsonNode rawData) {
            int n = 0;
            for (JsonNode fork : rawData) {
                n += fork.size();
            }
            return n;
        }

        private static double standardDeviation(JsonNode rawData) {
            double mean = mean(rawData);
            double squares = 0;
            int n = 0;
            for (JsonNode fork : rawData) {
                for (JsonNode value : fork) {
                    squares += (value.asDouble() - mean) * (value.asDouble() - mean);
                    n++;
                }
            }
            return n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
        }

        private static double mean(JsonNode rawData) {
            double sum = 0;
            int n = 0;
            for (JsonNode fork : rawData) {
                for (JsonNode value : fork) {
                    sum += value.asDouble();
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }
    }

    private JmhResults(JsonNode root) {
        for (JsonNode node : root) {
            results.add(new Result(node));
        }
        JsonNode first = root.size() > 0 ? root.get(0) : null;
        vm =
                first == null
                        ? "unknown"
                        : first.get("vmName").asText() + " " + first.get("vmVersion").asText();
        jmhVersion = first == null ? "unknown" : first.get("jmhVersion").asText();
    }

    public static JmhResults read(Path json) throws IOException {
        return new JmhResults(new ObjectMapper().readTree(json.toFile()));
    }

    public List<Result> all() {
        return results;
    }

    /** The result of {@code name} (Class.method) at {@code size}, or null. */
    public Result find(String name, String size) {
        return find(name, size, Collections.emptyMap());
    }

    /** The result of {@code name} at {@code size} and, of {@code params}, those it has, or null. */
    public Result find(String name, String size, Map<String, String> params) {
        for (Result result : results) {
            if (result.name.equals(name)
                    && size.equals(result.params.get("size"))
                    && params.entrySet().stream()
                            .allMatch(
                                    p ->
                                            !result.params.containsKey(p.getKey())
                                                    || p.getValue()
                                                            .equals(
                                                                    result.params.get(
                                                                            p.getKey())))) {
                return result;
            }
        }
        return null;
    }

    /** The values {@code param} took in the runs of {@code name}, in run order. */
    public List<String> values(String name, String param) {
        List<String> values = new ArrayList<>();
        for (Result result : results) {
            String value = result.params.get(param);
            if (result.name.equals(name) && value != null && !values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }

    /** The sizes ({@code ROWSxDIM}) {@code name} ran at, smallest first. */
    public List<String> sizes(String name) {
        List<String> sizes = new ArrayList<>();
        for (Result result : results) {
            String size = result.params.get("size");
            if (result.name.equals(name) && size != null && !sizes.contains(size)) {
                sizes.add(size);
            }
        }
        sizes.sort(Comparator.comparingLong((String s) -> rows(s)).thenComparingInt(s -> dim(s)));
        return sizes;
    }

    /** The rows of a size {@code ROWSxDIM}. */
    public static long rows(String size) {
        return Long.parseLong(size.split("x")[0]);
    }

    /** The features of a size {@code ROWSxDIM}. */
    public static int dim(String size) {
        return Integer.parseInt(size.split("x")[1]);
    }

    /** The results of {@code name} at any params. */
    public List<Result> findAll(String name) {
        List<Result> found = new ArrayList<>();
        for (Result result : results) {
            if (result.name.equals(name)) {
                found.add(result);
            }
        }
        return found;
    }
}
