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
package io.streamml.benchmarks.spark;

import io.streamml.benchmarks.data.SyntheticRows;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.classification.StreamingLogisticRegressionWithSGD;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.regression.LabeledPoint;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchStarted;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Training throughput of Spark MLlib's {@link StreamingLogisticRegressionWithSGD} on the suite's
 * seeded rows ({@link SyntheticRows}), the peer of our online LogisticRegression benchmark.
 *
 * <p>For each batch size the rows are split into consecutive micro-batches, each a cached and
 * materialized {@code RDD<LabeledPoint>} of 2 partitions, and fed through {@code queueStream} one
 * per streaming batch; the model makes one SGD step (numIterations 1, miniBatchFraction 1.0) per
 * micro-batch, as our online training makes one step per mini-batch. The time runs from the first
 * data batch's processing start to the last one's processing end, as Spark's {@code BatchInfo}
 * records them: the processing rate, not the rate the batch interval lets in. One warm-up pass,
 * then the measured passes, each on a new StreamingContext over the one SparkContext.
 *
 * <p>Arguments: {@code ROWSxDIM} (default 1000000x100), batch sizes (default 1000,10000,100000),
 * measured passes (default 3); given as separate arguments or as one, split at whitespace. The
 * system property {@code spark.bench.out} names the markdown file to write (default
 * results/spark.md).
 */
public final class StreamingLogisticRegressionBenchmark {
    private static final String MASTER = "local[2]";
    private static final int PARTITIONS = 2;
    private static final double STEP_SIZE = 0.1;

    /**
     * The batch interval choice. A streaming batch is generated every interval and dequeues one
     * micro-batch, and the scheduler runs one batch's jobs at a time (spark.streaming.concurrentJobs
     * 1): with an interval shorter than every batch's processing time, each batch is already
     * waiting when the previous one ends, so the batches run back to back and the figure is the
     * processing rate, not the interval's. The warm-up pass runs at 1 ms, the smallest interval;
     * the measured passes at a quarter of the warm-up's median batch processing time (at least 1
     * ms), still well below every batch's time (a step runs several Spark jobs: isEmpty, the label
     * validator, the count and the gradient's treeAggregate), but without ticking every millisecond:
     * the ticks after the queue runs dry generate empty batches, which cost the driver a little CPU
     * on this 2-core machine while the data batches run. The run prints the idle time between data
     * batches, which shows whether they ran back to back.
     */
    private static final long WARM_UP_INTERVAL_MS = 1;

    private static final int INTERVAL_DIVISOR = 4;

    private static final long PASS_TIMEOUT_MINUTES = 60;

    private StreamingLogisticRegressionBenchmark() {}

    public static void main(String[] rawArgs) throws Exception {
        List<String> args =
                Arrays.stream(rawArgs)
                        .flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                        .filter(a -> !a.isEmpty())
                        .collect(Collectors.toList());
        String size = args.size() > 0 ? args.get(0) : "1000000x100";
        int[] batchSizes =
                Arrays.stream((args.size() > 1 ? args.get(1) : "1000,10000,100000").split(","))
                        .mapToInt(s -> Integer.parseInt(s.trim()))
                        .toArray();
        int repeats = args.size() > 2 ? Integer.parseInt(args.get(2)) : 3;
        Path out = Paths.get(System.getProperty("spark.bench.out", "results/spark.md"));

        SyntheticRows rows = SyntheticRows.of(size);

        SparkConf conf =
                new SparkConf()
                        .setMaster(MASTER)
                        .setAppName("StreamingLogisticRegressionBenchmark")
                        .set("spark.ui.enabled", "false")
                        .set("spark.driver.host", "localhost")
                        .set("spark.driver.bindAddress", "127.0.0.1")
                        // Streaming unpersists the RDDs of past batches by default; ours are
                        // the pre-cached micro-batches, reused by every pass.
                        .set("spark.streaming.unpersist", "false");
        JavaSparkContext sc = new JavaSparkContext(conf);
        sc.setLogLevel("WARN");

        List<String> tableRows = new ArrayList<>();
        try {
            for (int batchSize : batchSizes) {
                List<JavaRDD<LabeledPoint>> batches = cachedBatches(sc, rows, batchSize);
                System.out.printf(
                        Locale.ROOT,
                        "batch size %,d: %,d micro-batches cached%n",
                        batchSize,
                        batches.size());
                PassResult warmUp = pass(sc, batches, rows, WARM_UP_INTERVAL_MS, "warm-up");
                long intervalMs =
                        Math.max(1, Math.round(warmUp.medianBatchMs / INTERVAL_DIVISOR));
                double[] rates = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    rates[r] = pass(sc, batches, rows, intervalMs, "pass " + (r + 1)).rowsPerSecond;
                }
                tableRows.add(
                        String.format(
                                Locale.ROOT,
                                "| %,d | %,.0f | %s | %d ms |",
                                batchSize,
                                median(rates),
                                Arrays.stream(rates)
                                        .mapToObj(x -> String.format(Locale.ROOT, "%,.0f", x))
                                        .collect(Collectors.joining(", ")),
                                intervalMs));
                for (JavaRDD<LabeledPoint> batch : batches) {
                    batch.unpersist(true);
                }
            }
            String report = report(sc.version(), rows, repeats, tableRows);
            System.out.println();
            System.out.print(report);
            Path dir = out.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.write(out, report.getBytes(StandardCharsets.UTF_8));
            System.out.println("written to " + out.toAbsolutePath());
        } finally {
            sc.stop();
        }
    }

    /**
     * The rows in consecutive micro-batches of {@code batchSize}, cached and materialized.
     *
     * <p>Not {@code sc.parallelize(points)}: its partitions hold their rows, and every task of
     * every later job on the RDD would serialize them again even though it reads the cached
     * block. Here a partition is just its index, and its task builds its rows from {@link
     * SyntheticRows}, which in local mode is the data set already generated in this JVM (as the
     * Flink benchmarks' jobs read it from theirs).
     */
    private static List<JavaRDD<LabeledPoint>> cachedBatches(
            JavaSparkContext sc, SyntheticRows rows, int batchSize) {
        int numRows = rows.numRows;
        int dim = rows.dim;
        List<Integer> partitions =
                IntStream.range(0, PARTITIONS).boxed().collect(Collectors.toList());
        List<JavaRDD<LabeledPoint>> batches = new ArrayList<>();
        for (int start = 0; start < rows.numRows; start += batchSize) {
            int from = start;
            int end = Math.min(rows.numRows, start + batchSize);
            JavaRDD<LabeledPoint> batch =
                    sc.parallelize(partitions, PARTITIONS)
                            .flatMap(
                                    p -> {
                                        SyntheticRows data = SyntheticRows.of(numRows, dim);
                                        int n = end - from;
                                        int lo = from + (int) ((long) p * n / PARTITIONS);
                                        int hi = from + (int) ((long) (p + 1) * n / PARTITIONS);
                                        List<LabeledPoint> points = new ArrayList<>(hi - lo);
                                        for (int i = lo; i < hi; i++) {
                                            points.add(
                                                    new LabeledPoint(
                                                            data.label(i),
                                                            Vectors.dense(data.features(i))));
                                        }
                                        return points.iterator();
                                    })
                            .cache();
            if (batch.count() != end - start) {
                throw new IllegalStateException("micro-batch at " + start + " lost rows");
            }
            batches.add(batch);
        }
        return batches;
    }

    /** The outcome of one pass. */
    private static final class PassResult {
        final double rowsPerSecond;
        final double medianBatchMs;

        PassResult(double rowsPerSecond, double medianBatchMs) {
            this.rowsPerSecond = rowsPerSecond;
            this.medianBatchMs = medianBatchMs;
        }
    }

    /** One pass over all micro-batches on a new StreamingContext. */
    private static PassResult pass(
            JavaSparkContext sc,
            List<JavaRDD<LabeledPoint>> batches,
            SyntheticRows rows,
            long intervalMs,
            String name)
            throws InterruptedException {
        Queue<JavaRDD<LabeledPoint>> queue = new LinkedList<>(batches);
        Set<Integer> batchIds =
                batches.stream().map(JavaRDD::id).collect(Collectors.toCollection(HashSet::new));
        // Times of the batches that dequeued a micro-batch, recorded when a batch is generated,
        // which is before it starts.
        Set<Time> dataBatches = ConcurrentHashMap.newKeySet();
        DataBatchListener listener = new DataBatchListener(dataBatches, batches.size());

        JavaStreamingContext ssc = new JavaStreamingContext(sc, new Duration(intervalMs));
        ssc.addStreamingListener(listener);
        // The batches after the queue runs dry get an RDD without partitions, on which
        // trainOn's isEmpty runs no job (the default, an empty RDD with one partition, would
        // run one per tick).
        JavaRDD<LabeledPoint> none = sc.emptyRDD();
        JavaDStream<LabeledPoint> stream =
                ssc.queueStream(queue, true, none)
                        .transform(
                                (rdd, time) -> {
                                    if (batchIds.contains(rdd.id())) {
                                        dataBatches.add(time);
                                    }
                                    return rdd;
                                });
        StreamingLogisticRegressionWithSGD model =
                new StreamingLogisticRegressionWithSGD()
                        .setInitialWeights(Vectors.zeros(rows.dim))
                        .setNumIterations(1)
                        .setStepSize(STEP_SIZE)
                        .setMiniBatchFraction(1.0);
        model.trainOn(stream);
        ssc.start();
        boolean done = listener.allDone.await(PASS_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        ssc.stop(false, false);
        if (!done) {
            throw new IllegalStateException(
                    name + ": " + listener.completed + " of " + batches.size() + " batches ran");
        }
        for (JavaRDD<LabeledPoint> batch : batches) {
            if (!batch.getStorageLevel().equals(StorageLevel.MEMORY_ONLY())) {
                throw new IllegalStateException("a micro-batch was unpersisted");
            }
        }

        double seconds = (listener.lastEnd - listener.firstStart) / 1e3;
        double rate = rows.numRows / seconds;
        double medianBatchMs =
                median(listener.batchMs.stream().mapToDouble(Long::doubleValue).toArray());
        System.out.printf(
                Locale.ROOT,
                "  %s: %,d rows in %.3f s = %,.0f rows/s (interval %d ms, median batch %.1f ms,"
                        + " idle between batches %.1f%% of the time; final weights norm %.3f)%n",
                name,
                rows.numRows,
                seconds,
                rate,
                intervalMs,
                medianBatchMs,
                100.0 * listener.idle / (listener.lastEnd - listener.firstStart),
                Vectors.norm(model.latestModel().weights(), 2));
        return new PassResult(rate, medianBatchMs);
    }

    /** Times the data batches from Spark's own batch records. */
    private static final class DataBatchListener implements StreamingListener {
        private final Set<Time> dataBatches;
        final CountDownLatch allDone;
        volatile int completed;
        volatile long firstStart = Long.MAX_VALUE;
        volatile long lastEnd = Long.MIN_VALUE;

        /** Milliseconds between one data batch's end and the next one's start, summed. */
        volatile long idle;

        /** Each data batch's processing time in milliseconds. */
        final List<Long> batchMs = new CopyOnWriteArrayList<>();

        DataBatchListener(Set<Time> dataBatches, int numBatches) {
            this.dataBatches = dataBatches;
            this.allDone = new CountDownLatch(numBatches);
        }

        @Override
        public void onBatchStarted(StreamingListenerBatchStarted batchStarted) {
            BatchInfo info = batchStarted.batchInfo();
            if (dataBatches.contains(info.batchTime())) {
                firstStart = Math.min(firstStart, (Long) info.processingStartTime().get());
            }
        }

        // The listener bus calls back on one thread, in order.
        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted batchCompleted) {
            BatchInfo info = batchCompleted.batchInfo();
            if (!dataBatches.contains(info.batchTime())) {
                return;
            }
            long start = (Long) info.processingStartTime().get();
            long end = (Long) info.processingEndTime().get();
            firstStart = Math.min(firstStart, start);
            if (lastEnd != Long.MIN_VALUE) {
                idle += Math.max(0, start - lastEnd);
            }
            lastEnd = Math.max(lastEnd, end);
            batchMs.add(end - start);
            completed++;
            allDone.countDown();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String report(
            String sparkVersion, SyntheticRows rows, int repeats, List<String> tableRows) {
        StringBuilder s = new StringBuilder();
        s.append("# Spark StreamingLogisticRegressionWithSGD training throughput\n\n");
        s.append(
                String.format(
                        Locale.ROOT,
                        "Spark %s, %s %s, %d cores, %s; %,d rows × %d features (SyntheticRows, seed"
                                + " %d), master %s, numIterations 1, stepSize %s,"
                                + " miniBatchFraction 1.0, pre-cached micro-batches (%d"
                                + " partitions each); one warm-up pass at a %d ms batch interval,"
                                + " %d measured at a quarter of its median batch time. Rows/s:"
                                + " all rows over the time from the first micro-batch's"
                                + " processing start to the last one's end.\n\n",
                        sparkVersion,
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.runtime.version"),
                        Runtime.getRuntime().availableProcessors(),
                        ZonedDateTime.now(ZoneOffset.UTC)
                                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                        rows.numRows,
                        rows.dim,
                        SyntheticRows.SEED,
                        MASTER,
                        STEP_SIZE,
                        PARTITIONS,
                        WARM_UP_INTERVAL_MS,
                        repeats));
        s.append("| batch size | rows/s median | passes | batch interval |\n");
        s.append("| ---: | ---: | --- | ---: |\n");
        for (String row : tableRows) {
            s.append(row).append('\n');
        }
        return s.toString();
    }
}
