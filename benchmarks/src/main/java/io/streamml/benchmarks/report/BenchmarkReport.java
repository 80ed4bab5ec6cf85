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

import io.streamml.benchmarks.BoundedFitBenchmark;
import io.streamml.benchmarks.ConcurrentGradientLoopBenchmark;
import io.streamml.benchmarks.FlinkCluster;
import io.streamml.benchmarks.GradientLoopBenchmark;
import io.streamml.benchmarks.ModelTransformBenchmark;
import io.streamml.benchmarks.ModelVersionLatencyBenchmark;
import io.streamml.benchmarks.OnlineTrainingBenchmark;
import io.streamml.benchmarks.PassThroughBenchmark;
import io.streamml.benchmarks.RunningMomentsBenchmark;
import io.streamml.benchmarks.TrainingCacheMemoryBenchmark;
import io.streamml.benchmarks.report.JmhResults.Result;

import org.apache.flink.runtime.util.EnvironmentInformation;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns a suite run's directory — JMH's JSON ({@value #JMH_JSON}) and the side figures ({@value
 * #FIGURES_DIRECTORY}/) — into a markdown report of figures and ratios ({@value #MARKDOWN}), headed
 * with the date, the machine and the JVM, and a chart of the ratios ({@value #CHART}). Argument:
 * the directory.
 */
public final class BenchmarkReport {
    public static final String JMH_JSON = "jmh-result.json";
    public static final String FIGURES_DIRECTORY = "figures";
    public static final String MARKDOWN = "benchmarks.md";
    public static final String CHART = "ratios.png";

    /** What the report writes for a figure the run did not produce. */
    public static final String MISSING_FIGURE = Figures.MISSING;

    /** Side figures of the run itself: start and end, and the machine's load then. */
    public static final String RUN_FIGURES = "run";

    private static final String LR_FIT = name(BoundedFitBenchmark.class, "logisticRegression");
    private static final String PEER_FIT =
            name(BoundedFitBenchmark.class, "flinkMlLogisticRegression");
    private static final String PEER_TUNED_FIT =
            name(BoundedFitBenchmark.class, "flinkMlLogisticRegressionTuned");
    private static final String LINEAR_FIT = name(BoundedFitBenchmark.class, "linearRegression");
    private static final String SCALER_FIT = name(BoundedFitBenchmark.class, "standardScaler");
    private static final String PASS_THROUGH = name(PassThroughBenchmark.class, "passThrough");
    private static final String ONLINE =
            name(OnlineTrainingBenchmark.class, "onlineLogisticRegression");
    private static final String ONLINE_PASS_THROUGH =
            name(OnlineTrainingBenchmark.class, "passThrough");
    private static final String SINGLE_TASK =
            name(OnlineTrainingBenchmark.class, "singleTaskStage");
    private static final String HOP_PASS_THROUGH =
            name(OnlineTrainingBenchmark.class, "passThroughWithHop");
    private static final String ONLINE_SCALER =
            name(OnlineTrainingBenchmark.class, "onlineStandardScaler");
    private static final String BOUNDED_MODEL = name(ModelTransformBenchmark.class, "boundedModel");
    private static final String STREAMING_MODEL =
            name(ModelTransformBenchmark.class, "streamingModel");
    private static final String PEER_MODEL =
            name(ModelTransformBenchmark.class, "flinkMlBoundedModel");
    private static final String LATENCY =
            name(ModelVersionLatencyBenchmark.class, "versionLatency");
    private static final String CACHE = name(TrainingCacheMemoryBenchmark.class, "cacheRows");
    private static final String GRADIENT_LOOP = name(GradientLoopBenchmark.class, "gradientPass");
    private static final String CONCURRENT_GRADIENT_LOOP =
            name(ConcurrentGradientLoopBenchmark.class, "gradientPass");
    private static final String WELFORD = name(RunningMomentsBenchmark.class, "addRow");

    private final JmhResults results;
    private final Path figures;
    private final StringBuilder markdown = new StringBuilder();
    private final List<Ratio> ratios = new ArrayList<>();

    private BenchmarkReport(JmhResults results, Path figures) {
        this.results = results;
        this.figures = figures;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkReport RESULTS_DIRECTORY");
            System.exit(2);
        }
        write(Paths.get(args[0]));
    }

    /** Writes {@value #MARKDOWN} and {@value #CHART} into {@code directory}. */
    public static void write(Path directory) throws IOException {
        Path json = directory.resolve(JMH_JSON);
        BenchmarkReport report =
                new BenchmarkReport(JmhResults.read(json), directory.resolve(FIGURES_DIRECTORY));
        String machine = report.header(Files.getLastModifiedTime(json).toInstant());
        report.logisticRegressionFit();
        report.otherFits();
        report.onlineTraining();
        report.transform();
        report.versionLatency();
        report.cacheMemory();
        report.hardwareReference();
        Files.write(
                directory.resolve(MARKDOWN),
                report.markdown.toString().getBytes(StandardCharsets.UTF_8));
        RatioChart.write(report.ratios, machine, directory.resolve(CHART));
    }

    private static String name(Class<?> benchmark, String method) {
        return benchmark.getSimpleName() + "." + method;
    }

    /** Writes the heading; returns the one-line machine description for the chart. */
    private String header(Instant finished) {
        String date =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                        .format(finished.atZone(ZoneOffset.UTC));
        int cores = Runtime.getRuntime().availableProcessors();
        double memoryGib = physicalMemoryBytes() / (double) (1L << 30);
        String machine =
                String.format(
                        Locale.ROOT,
                        "%s: %d cores%s, %.1f GiB memory, %s",
                        date,
                        cores,
                        cpuModel(),
                        memoryGib,
                        results.vm);
        markdown.append("# Benchmark results\n\n");
        markdown.append(
                String.format(
                        Locale.ROOT,
                        "Run finished %s on %d cores%s with %.1f GiB memory; %s, JMH %s, Flink"
                                + " %s MiniCluster (one TaskManager, %d slots), parallelism %d.%s\n\n",
                        date,
                        cores,
                        cpuModel(),
                        memoryGib,
                        results.vm,
                        results.jmhVersion,
                        EnvironmentInformation.getVersion(),
                        FlinkCluster.PARALLELISM,
                        FlinkCluster.PARALLELISM,
                        load()));
        markdown.append(
                "Every Flink figure is a whole job per JMH invocation ("
                        + singleShotIterations()
                        + "; ± is the standard deviation over the measured jobs). Both sides of a"
                        + " comparison"
                        + " read the same seeded rows, generated before the timed part. Absolute"
                        + " times depend on the machine; the ratios, taken within this run, are"
                        + " the figures.\n\n");
        return machine;
    }

    /**
     * How the single-shot benchmarks ran: the warm-up jobs most of them ran, and the benchmark
     * classes that ran another number.
     */
    private String singleShotIterations() {
        Result first = null;
        Map<String, Integer> warmupsByClass = new TreeMap<>();
        Map<Integer, Integer> classesByWarmups = new TreeMap<>();
        for (Result result : results.all()) {
            if (!result.mode.equals("ss")) {
                continue;
            }
            first = first == null ? result : first;
            String name = result.name.substring(0, result.name.lastIndexOf('.'));
            warmupsByClass.put(name.substring(name.lastIndexOf('.') + 1), result.warmupIterations);
        }
        if (first == null) {
            return "single-shot";
        }
        warmupsByClass.values().forEach(w -> classesByWarmups.merge(w, 1, Integer::sum));
        int usual =
                Collections.max(classesByWarmups.entrySet(), Map.Entry.comparingByValue()).getKey();
        Map<Integer, List<String>> others = new TreeMap<>(Collections.reverseOrder());
        warmupsByClass.forEach(
                (benchmark, warmups) -> {
                    if (warmups != usual) {
                        others.computeIfAbsent(warmups, w -> new ArrayList<>()).add(benchmark);
                    }
                });
        StringBuilder exceptions = new StringBuilder();
        others.forEach(
                (warmups, benchmarks) ->
                        exceptions
                                .append(exceptions.length() == 0 ? " (" : "; ")
                                .append(warmups)
                                .append(" in ")
                                .append(String.join(" and ", benchmarks)));
        if (exceptions.length() > 0) {
            exceptions.append(')');
        }
        String forks =
                first.forks == 0
                        ? "in the runner's JVM"
                        : first.forks == 1 ? "one fork" : first.forks + " forks";
        return String.format(
                Locale.ROOT,
                "single-shot, %s, %d warm-up jobs%s and %d measured jobs per benchmark and size",
                forks,
                usual,
                exceptions,
                first.measurementIterations);
    }

    private void logisticRegressionFit() {
        List<String> sizes = results.sizes(LR_FIT);
        String tunedSetting = "tuned";
        for (Result tuned : results.findAll(PEER_TUNED_FIT)) {
            tunedSetting =
                    String.format(
                            Locale.ROOT,
                            "maxIter %s, batch %,d",
                            tuned.params.get("peerTunedMaxIter"),
                            BoundedFitBenchmark.PEER_TUNED_BATCH_SIZE);
        }
        section(
                "Bounded LogisticRegression fit against flink-ml-lib 2.0.0",
                "Wall time of the fit job, ours (L-BFGS, defaults) and flink-ml-lib's"
                        + " LogisticRegression with its defaults (maxIter 20, globalBatchSize 32)"
                        + " and with "
                        + tunedSetting
                        + ". Speed-up: the peer's time over ours.");
        MarkdownTable times =
                new MarkdownTable(
                        "rows × features",
                        "ours",
                        "flink-ml-lib defaults",
                        "flink-ml-lib " + tunedSetting,
                        "speed-up vs defaults",
                        "speed-up vs " + tunedSetting);
        MarkdownTable quality =
                new MarkdownTable(
                        "rows × features",
                        "optimum",
                        "ours (rounds)",
                        "our gap",
                        "flink-ml-lib defaults",
                        "its gap",
                        "flink-ml-lib " + tunedSetting,
                        "its gap");
        MarkdownTable toLoss =
                new MarkdownTable(
                        "rows × features",
                        "ours to the defaults' loss",
                        "speed-up at that loss",
                        "ours to the " + tunedSetting + " loss",
                        "speed-up at that loss");
        for (String size : sizes) {
            Result ours = results.find(LR_FIT, size);
            Result peer = results.find(PEER_FIT, size);
            Result tuned = results.find(PEER_TUNED_FIT, size);
            double speedUp = seconds(peer) / seconds(ours);
            double tunedSpeedUp = seconds(tuned) / seconds(ours);
            times.row(
                    Figures.size(size),
                    timeOf(ours),
                    timeOf(peer),
                    timeOf(tuned),
                    Figures.ratio(speedUp),
                    Figures.ratio(tunedSpeedUp));
            addRatio("LR fit vs flink-ml-lib defaults, " + Figures.shortSize(size), speedUp, true);
            addRatio(
                    "LR fit vs flink-ml-lib tuned, " + Figures.shortSize(size), tunedSpeedUp, true);
            quality.row(
                    Figures.size(size),
                    Figures.objective(
                            secondary(ours, "objective") - secondary(ours, "gapToOptimum")),
                    Figures.objective(secondary(ours, "objective"))
                            + " ("
                            + Figures.count(secondary(ours, "rounds"))
                            + ")",
                    Figures.gap(secondary(ours, "gapToOptimum")),
                    Figures.objective(secondary(peer, "objective")),
                    Figures.gap(secondary(peer, "gapToOptimum")),
                    Figures.objective(secondary(tuned, "objective")),
                    Figures.gap(secondary(tuned, "gapToOptimum")));
            double toPeerLoss = timeToLoss(ours, size, secondary(peer, "objective"));
            double toTunedLoss = timeToLoss(ours, size, secondary(tuned, "objective"));
            toLoss.row(
                    Figures.size(size),
                    Figures.seconds(toPeerLoss),
                    Figures.ratio(seconds(peer) / toPeerLoss),
                    Figures.seconds(toTunedLoss),
                    Figures.ratio(seconds(tuned) / toTunedLoss));
            addRatio(
                    "LR fit to the defaults' loss, " + Figures.shortSize(size),
                    seconds(peer) / toPeerLoss,
                    true);
            addRatio(
                    "LR fit to the tuned loss, " + Figures.shortSize(size),
                    seconds(tuned) / toTunedLoss,
                    true);
        }
        markdown.append(times.render()).append('\n');
        markdown.append(
                "Final objective (mean log-loss over all rows, one evaluator for every model) and"
                        + " the gap to the optimum, which is the minimum found by ml-stages' L-BFGS"
                        + " run in plain Java to a relative tolerance of 1e-12 (flink-ml-lib fits"
                        + " no intercept; the data has none).\n\n");
        markdown.append(quality.render()).append('\n');
        markdown.append(
                "Time our fit needs to reach each peer's final loss: its wall time less the"
                        + " rounds after the first round at or below that loss (from our training"
                        + " summary's per-round objective and elapsed time).\n\n");
        markdown.append(toLoss.render()).append('\n');
    }

    private void otherFits() {
        section(
                "Bounded LinearRegression and StandardScaler fit",
                "Wall time of the fit job against the pass-through job over the same rows;"
                        + " pass-through / fit is the share of the engine's limit the fit"
                        + " reaches. LinearRegression's gap is to the least-squares optimum.");
        MarkdownTable table =
                new MarkdownTable(
                        "fit",
                        "rows × features",
                        "fit",
                        "pass-through",
                        "pass-through / fit",
                        "rounds",
                        "gap to optimum");
        for (String size : results.sizes(LINEAR_FIT)) {
            Result fit = results.find(LINEAR_FIT, size);
            double share = seconds(results.find(PASS_THROUGH, size)) / seconds(fit);
            table.row(
                    "LinearRegression",
                    Figures.size(size),
                    timeOf(fit),
                    timeOf(results.find(PASS_THROUGH, size)),
                    Figures.ratio(share),
                    Figures.count(secondary(fit, "rounds")),
                    Figures.gap(secondary(fit, "gapToOptimum")));
            addRatio(
                    "LinearRegression fit: pass-through / fit, " + Figures.shortSize(size),
                    share,
                    false);
        }
        for (String size : results.sizes(SCALER_FIT)) {
            Result fit = results.find(SCALER_FIT, size);
            double share = seconds(results.find(PASS_THROUGH, size)) / seconds(fit);
            table.row(
                    "StandardScaler (withMean)",
                    Figures.size(size),
                    timeOf(fit),
                    timeOf(results.find(PASS_THROUGH, size)),
                    Figures.ratio(share),
                    "1",
                    "exact");
            addRatio(
                    "StandardScaler fit: pass-through / fit, " + Figures.shortSize(size),
                    share,
                    false);
        }
        markdown.append(table.render()).append('\n');
    }

    private void onlineTraining() {
        section(
                "Online LogisticRegression training throughput",
                "Rows per second of online training (the bounded Table replayed as a stream) at"
                        + " parallelism 2 and 1, each against the pass-through job at the same"
                        + " parallelism over the same source, Table conversion and sink (measured"
                        + " in the same trial): LogisticRegression (FTRL) at several"
                        + " globalBatchSizes, StandardScaler (a version per "
                        + OnlineTrainingBenchmark.SCALER_WINDOW
                        + " rows), the pass-through with one forward hop between tasks (inherent to"
                        + " online linear training: its workers are two-input operators inside the"
                        + " iteration, which chain to nothing upstream; the last column is the ratio"
                        + " to it), and the pass-through with every row through one task, the shape"
                        + " that capped online training while one task cut the mini-batches.");
        MarkdownTable table =
                new MarkdownTable(
                        "job",
                        "rows × features",
                        "parallelism",
                        "rows/s",
                        "ratio to pass-through",
                        "ratio to pass-through with a hop");
        for (String size : results.sizes(ONLINE)) {
            for (String parallelism : results.values(ONLINE, "parallelism")) {
                Map<String, String> at = new LinkedHashMap<>();
                at.put("parallelism", parallelism);
                double passThrough =
                        rowsPerSecond(results.find(ONLINE_PASS_THROUGH, size, at), size);
                double withHop = rowsPerSecond(results.find(HOP_PASS_THROUGH, size, at), size);
                table.row(
                        "pass-through",
                        Figures.size(size),
                        parallelism,
                        Figures.rate(passThrough),
                        "1.00×",
                        Figures.ratio(passThrough / withHop));
                List<String[]> jobs = new ArrayList<>();
                for (String batch : results.values(ONLINE, "globalBatchSize")) {
                    jobs.add(new String[] {ONLINE, batch, "LogisticRegression, batch " + batch});
                }
                jobs.add(new String[] {ONLINE_SCALER, null, "StandardScaler"});
                jobs.add(new String[] {HOP_PASS_THROUGH, null, "pass-through with a hop"});
                jobs.add(new String[] {SINGLE_TASK, null, "pass-through through one task"});
                for (String[] job : jobs) {
                    Map<String, String> params = new LinkedHashMap<>(at);
                    if (job[1] != null) {
                        params.put("globalBatchSize", job[1]);
                    }
                    double rate = rowsPerSecond(results.find(job[0], size, params), size);
                    table.row(
                            job[2],
                            Figures.size(size),
                            parallelism,
                            Figures.rate(rate),
                            Figures.ratio(rate / passThrough),
                            Figures.ratio(rate / withHop));
                    if (job[0].equals(ONLINE) || job[0].equals(ONLINE_SCALER)) {
                        addRatio(
                                job[2]
                                        + " / pass-through, p"
                                        + parallelism
                                        + ", "
                                        + Figures.shortSize(size),
                                rate / passThrough,
                                false);
                    }
                }
            }
        }
        markdown.append(table.render()).append('\n');
    }

    private void transform() {
        section(
                "Model transform throughput",
                "LogisticRegressionModel.transform over the pass-through's rows: ours with a"
                        + " bounded model (one version) and with a streaming model (a new version"
                        + " every "
                        + ModelTransformBenchmark.VERSION_INTERVAL_MS
                        + " ms while rows flow), and flink-ml-lib 2.0.0's with the same"
                        + " coefficients. Scoring needs the model versions as a second input, so"
                        + " the scoring operator chains to nothing upstream and every row crosses"
                        + " one hop between tasks: the last column is the ratio to the"
                        + " pass-through with that hop (from the online section, same size and"
                        + " parallelism).");
        MarkdownTable table =
                new MarkdownTable(
                        "model",
                        "rows × features",
                        "rows/s",
                        "ratio to pass-through",
                        "ratio to pass-through with a hop");
        Map<String, String> at = new LinkedHashMap<>();
        at.put("parallelism", String.valueOf(FlinkCluster.PARALLELISM));
        for (String size : results.sizes(BOUNDED_MODEL)) {
            double passThrough = rowsPerSecond(results.find(PASS_THROUGH, size), size);
            double withHop = rowsPerSecond(results.find(HOP_PASS_THROUGH, size, at), size);
            table.row(
                    "pass-through",
                    Figures.size(size),
                    Figures.rate(passThrough),
                    "1.00×",
                    Figures.ratio(passThrough / withHop));
            // Benchmark, table label, chart label (null: not a ratio to the pass-through).
            String[][] models = {
                {BOUNDED_MODEL, "ours, bounded model", "transform, bounded model"},
                {STREAMING_MODEL, "ours, streaming model", "transform, streaming model"},
                {PEER_MODEL, "flink-ml-lib 2.0.0, bounded model", null}
            };
            for (String[] model : models) {
                double rate = rowsPerSecond(results.find(model[0], size), size);
                table.row(
                        model[1],
                        Figures.size(size),
                        Figures.rate(rate),
                        Figures.ratio(rate / passThrough),
                        Figures.ratio(rate / withHop));
                if (model[2] != null) {
                    addRatio(
                            model[2] + " / pass-through, " + Figures.shortSize(size),
                            rate / passThrough,
                            false);
                }
            }
            addRatio(
                    "transform vs flink-ml-lib's, bounded model, " + Figures.shortSize(size),
                    seconds(results.find(PEER_MODEL, size))
                            / seconds(results.find(BOUNDED_MODEL, size)),
                    true);
        }
        markdown.append(table.render()).append('\n');
    }

    private void versionLatency() {
        section(
                "Model-version latency",
                "Online LogisticRegression (globalBatchSize "
                        + ModelVersionLatencyBenchmark.GLOBAL_BATCH_SIZE
                        + ") fed at half its maximum rate (measured first, by the same job"
                        + " unpaced): from a mini-batch's last row leaving the source to the"
                        + " version trained on it reaching the sink, over the versions after the"
                        + " start-up.");
        MarkdownTable table =
                new MarkdownTable("rows × features", "maximum rate", "input rate", "p50", "p99");
        for (String size : results.sizes(LATENCY)) {
            Result latency = results.find(LATENCY, size);
            table.row(
                    Figures.size(size),
                    Figures.rate(secondary(latency, "maxRowsPerSecond")),
                    Figures.rate(secondary(latency, "inputRowsPerSecond")),
                    Figures.millis(secondary(latency, "p50Ms")),
                    Figures.millis(secondary(latency, "p99Ms")));
        }
        markdown.append(table.render()).append('\n');
    }

    private void cacheMemory() {
        section(
                "Memory per cached training row",
                "Heap held by the TrainingCache of a bounded fit's worker after a full GC, per"
                        + " dense row, and what its arrays count, against 8·(d + 2) bytes"
                        + " (features, label, weight; the cache adds a 4-byte row index).");
        MarkdownTable table =
                new MarkdownTable(
                        "rows × features",
                        "heap bytes/row",
                        "array bytes/row",
                        "8·(d + 2)",
                        "heap / 8·(d + 2)");
        for (String size : results.sizes(CACHE)) {
            Result cache = results.find(CACHE, size);
            double bound = 8.0 * (JmhResults.dim(size) + 2);
            double heap = secondary(cache, "heapBytesPerRow");
            table.row(
                    Figures.size(size),
                    Figures.bytes(heap),
                    Figures.bytes(secondary(cache, "arrayBytesPerRow")),
                    Figures.bytes(bound),
                    Figures.ratio(heap / bound));
            addRatio(
                    "8·(d+2) / cached row's heap bytes, " + Figures.shortSize(size),
                    bound / heap,
                    false);
        }
        markdown.append(table.render()).append('\n');
    }

    private void hardwareReference() {
        int p = FlinkCluster.PARALLELISM;
        section(
                "Hardware reference",
                "One pass of log-loss and gradient over the rows with the library's own linear"
                        + " kernel (TrainingCache.addTo into MiniBatchGradient, what every"
                        + " training worker runs) in a plain loop, no Flink: on one thread over"
                        + " all rows, and on "
                        + p
                        + " threads at once, each over its share of the rows as the fit's"
                        + " subtasks (they share the memory bandwidth as the subtasks do), against"
                        + " our bounded fit's training rounds per subtask (rows × rounds /"
                        + " training time / parallelism), at the same sizes.");
        MarkdownTable table =
                new MarkdownTable(
                        "rows × features",
                        "kernel, 1 thread",
                        "kernel, " + p + " threads at once, per thread",
                        "our training, per subtask",
                        "ours / kernel on 1 thread",
                        "ours / kernel on " + p + " threads");
        for (String size : results.sizes(GRADIENT_LOOP)) {
            double loop = rowsPerSecond(results.find(GRADIENT_LOOP, size), size);
            double concurrent =
                    rowsPerSecond(results.find(CONCURRENT_GRADIENT_LOOP, size), size) / p;
            Result fit = results.find(LR_FIT, size);
            double ours =
                    JmhResults.rows(size)
                            * secondary(fit, "rounds")
                            / secondary(fit, "trainingSeconds")
                            / p;
            table.row(
                    Figures.size(size),
                    Figures.rate(loop),
                    Figures.rate(concurrent),
                    Figures.rate(ours),
                    Figures.ratio(ours / loop),
                    Figures.ratio(ours / concurrent));
            addRatio(
                    "training per subtask / plain loop, " + Figures.shortSize(size),
                    ours / loop,
                    false);
            addRatio(
                    "training per subtask / plain loop on "
                            + p
                            + " threads, "
                            + Figures.shortSize(size),
                    ours / concurrent,
                    false);
        }
        markdown.append(table.render()).append('\n');
        MarkdownTable welford =
                new MarkdownTable("features", "Welford mean/variance update, 1 thread");
        for (Result result : results.findAll(WELFORD)) {
            welford.row(result.params.get("dimension"), Figures.rate(result.score));
        }
        markdown.append(welford.render()).append('\n');
    }

    private void section(String title, String text) {
        markdown.append("## ").append(title).append("\n\n").append(text).append("\n\n");
    }

    private void addRatio(String label, double value, boolean versusPeer) {
        if (Double.isFinite(value) && value > 0) {
            ratios.add(
                    new Ratio(
                            label,
                            value,
                            versusPeer ? Ratio.Kind.VERSUS_PEER : Ratio.Kind.OF_LIMIT));
        }
    }

    /**
     * Wall time our fit needed to first reach {@code loss}: the mean job time less the training
     * time after the first round at or below it; NaN if it never did or there is no curve.
     */
    private double timeToLoss(Result ours, String size, double loss) {
        JsonNode curve = SideFigures.read(figures, BoundedFitBenchmark.curveName(LR_FIT, size));
        if (ours == null || curve == null || !Double.isFinite(loss)) {
            return Double.NaN;
        }
        JsonNode losses = curve.get("losses");
        JsonNode elapsedMs = curve.get("elapsedMs");
        long lastMs = elapsedMs.get(elapsedMs.size() - 1).asLong();
        for (int round = 0; round < losses.size(); round++) {
            if (losses.get(round).asDouble() <= loss) {
                return ours.seconds() - (lastMs - elapsedMs.get(round).asLong()) / 1e3;
            }
        }
        return Double.NaN;
    }

    private static String timeOf(Result result) {
        return result == null
                ? Figures.MISSING
                : Figures.seconds(result.seconds(), result.secondsDeviation());
    }

    private static double seconds(Result result) {
        return result == null ? Double.NaN : result.seconds();
    }

    private static double secondary(Result result, String counter) {
        return result == null ? Double.NaN : result.secondary(counter);
    }

    private static double rowsPerSecond(Result result, String size) {
        return JmhResults.rows(size) / seconds(result);
    }

    /** How busy the machine was: its load before the run, and at the end (the suite's own too). */
    private String load() {
        JsonNode run = SideFigures.read(figures, RUN_FIGURES);
        if (run == null || !run.has("loadAverageAtStart")) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                " One-minute load average %.1f before the run, %.1f at its end.",
                run.get("loadAverageAtStart").asDouble(),
                run.get("loadAverageAtEnd").asDouble());
    }

    private static String cpuModel() {
        Path cpuinfo = Paths.get("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "";
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> " (" + l.substring(l.indexOf(':') + 1).trim() + ")")
                    .findFirst()
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    @SuppressWarnings("deprecation") // getTotalMemorySize() arrived in Java 14; we target 11
    private static long physicalMemoryBytes() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getTotalPhysicalMemorySize();
    }
}
