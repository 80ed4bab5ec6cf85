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

import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.classification.logisticregression.LogisticRegressionModel;
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.evaluation.prequential.PrequentialEvaluator;
import io.streamml.feature.standardscaler.StandardScaler;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.ExecutionCheckpointingOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Either;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Real-time fraud detection on a stream whose fraud pattern changes half-way (see {@link
 * TransactionGenerator}): an online {@link StandardScaler} feeds an online {@link
 * LogisticRegression}, and a {@link PrequentialEvaluator} scores every transaction with the model
 * version that existed before the model learned from it. Per window of 5 mini-batches (2,500
 * transactions) it prints the model versions, prequential AUC and log-loss and ADWIN's drift
 * alarms, then draws AUC and log-loss over time with the pattern change and the alarms marked.
 *
 * <p>With {@code --kafka <bootstrap>} it reads transactions (CSV lines, {@link
 * Transaction#CSV_HEADER}) from the topic {@code transactions} and writes every transaction's score
 * as {@code id,probability,modelVersion} to {@code scored-transactions}, exactly once (Kafka
 * transactions committed at checkpoints; read the topic with {@code
 * isolation.level=read_committed}); the window metrics go to the task managers' standard output. It
 * runs until cancelled. {@code --produce} writes {@code --transactions} generated transactions to
 * the input topic instead.
 *
 * <p>A record that is no valid transaction (see {@link TransactionParser}: a tombstone, not UTF-8,
 * empty, the wrong number of fields, a field not a number, NaN or infinite or out of range, a flag
 * other than 0 or 1) does not fail the job, which would read it again after every restart: it goes,
 * exactly once like the scores, to the dead-letter topic ({@code transactions-dead-letter}: the
 * input topic's name and {@code -dead-letter}), key and value as they arrived, the reason and the
 * record's topic, partition and offset as headers ({@link DeadLetter}), and the parse operator's
 * counter {@value TransactionParser#MALFORMED_RECORDS} counts it. Like the output topic, the
 * dead-letter topic must exist, unless the brokers create topics automatically.
 *
 * <p>Options: {@code --transactions N} (60,000), {@code --drift-at N} (half of them), {@code --seed
 * S} (42), {@code --rate R} transactions per second (0: as fast as possible), {@code --parallelism
 * P} (1; with more, the source deals the transactions round-robin to P training subtasks, so while
 * P divides the batch sizes each mini-batch still holds exactly the same 500 consecutive
 * transactions, but within a batch the evaluator sees them grouped by subtask: an alarm's position
 * is exact to its batch, and sums may differ in the last bits), {@code --chart file}
 * (fraud-detection.png), {@code --input-topic}, {@code --output-topic}, {@code --dead-letter-topic}
 * (the input topic's name and {@code -dead-letter}), {@code --checkpoint-interval ms} (1,000).
 */
public class FraudDetection {
    static final int BATCH_SIZE = 500;
    static final int WINDOW_BATCHES = 5;

    public static void main(String[] args) throws Exception {
        run(Options.parse(args));
    }

    /** Runs the example; on the built-in generator returns what it printed and charted. */
    static Report run(Options options) throws Exception {
        TransactionGenerator generator = new TransactionGenerator(options.seed, options.driftAt);
        if (options.kafka != null && options.produce) {
            KafkaTransactions.produce(
                    options.kafka, options.inputTopic, generator, options.transactions);
            System.out.printf(
                    Locale.ROOT,
                    "wrote %d transactions to topic %s%n",
                    options.transactions,
                    options.inputTopic);
            return null;
        }

        Configuration conf = new Configuration();
        // Iterations end with finished sources; checkpoints must go on past them.
        conf.set(ExecutionCheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, true);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(options.parallelism);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);

        DataStream<Transaction> transactions;
        if (options.kafka == null) {
            transactions =
                    env.addSource(
                                    new TransactionSource(
                                            generator, options.transactions, options.rate),
                                    "transactions")
                            .setParallelism(1);
        } else {
            env.enableCheckpointing(options.checkpointInterval, CheckpointingMode.EXACTLY_ONCE);
            // Back off rather than count attempts: after a TaskManager dies, the JobManager keeps
            // deploying to it until its heartbeat times out (50 s by default), and each such
            // restart fails at once; ten 1-second attempts ran out before that on a cluster.
            Configuration restarts = new Configuration();
            restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
            restarts.set(
                    RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                    Duration.ofSeconds(1));
            restarts.set(
                    RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
                    Duration.ofSeconds(30));
            env.configure(restarts);
            SingleOutputStreamOperator<Transaction> parsed =
                    env.fromSource(
                                    KafkaTransactions.source(options.kafka, options.inputTopic),
                                    WatermarkStrategy.noWatermarks(),
                                    "transactions")
                            .setParallelism(1)
                            .process(new TransactionParser())
                            .setParallelism(1)
                            .name("parse");
            // A malformed record must not fail the job: a restart would only read it again.
            parsed.getSideOutput(TransactionParser.MALFORMED)
                    .sinkTo(
                            KafkaTransactions.deadLetterSink(
                                    options.kafka, options.deadLetterTopic()))
                    .setParallelism(1)
                    .name("dead-letters");
            transactions = parsed;
        }
        Table rows =
                tEnv.fromDataStream(
                        transactions
                                .map(t -> Row.of(t.id, t.features(), t.label()))
                                .returns(
                                        new RowTypeInfo(
                                                new TypeInformation<?>[] {
                                                    Types.LONG,
                                                    TypeInformation.of(DenseVector.class),
                                                    Types.DOUBLE
                                                },
                                                new String[] {"id", "features", "label"}))
                                .setParallelism(1)
                                .name("features"));

        // Unbounded input: both stages train online, a scaler version per 1,000 transactions.
        Table scaled =
                new StandardScaler()
                        .setInputCol("features")
                        .setOutputCol("scaled")
                        .setWithMean(true)
                        .setWindows(CountTumblingWindows.of(1000))
                        .fit(rows)
                        .transform(rows)[0];
        LogisticRegression regression =
                new LogisticRegression()
                        .setFeaturesCol("scaled")
                        .setGlobalBatchSize(BATCH_SIZE)
                        .setAlpha(0.5)
                        .setResetOnDrift(true)
                        .setModelVersionCol("modelVersion");
        Table[] evaluation =
                new PrequentialEvaluator()
                        .setEstimator(regression)
                        .setWindowBatches(WINDOW_BATCHES)
                        .setDriftDetector(PrequentialEvaluator.ADWIN)
                        .transform(scaled);

        if (options.kafka == null) {
            return runAndChart(tEnv, evaluation, options);
        }
        // One training run, evaluated and served: the model scores with the very versions whose
        // test-then-train metrics the evaluator reports (output 2 is that run's model data).
        LogisticRegressionModel model = new LogisticRegressionModel().setModelData(evaluation[2]);
        ReadWriteUtils.updateExistingParams(model, regression.getParamMap());
        DataStream<String> scores =
                tEnv.toDataStream(model.transform(scaled)[0])
                        .map(
                                row ->
                                        String.format(
                                                Locale.ROOT,
                                                "%d,%.6f,%d",
                                                row.getField("id"),
                                                ((DenseVector) row.getField("rawPrediction"))
                                                        .get(1),
                                                row.getField("modelVersion")))
                        .name("score");
        scores.sinkTo(KafkaTransactions.scoredSink(options.kafka, options.outputTopic))
                .name("scored-transactions");
        events(tEnv, evaluation)
                .flatMap(new Report(generator))
                .setParallelism(1)
                .print()
                .setParallelism(1);
        env.execute("Fraud detection (Kafka " + options.inputTopic + ")");
        return null;
    }

    /** Runs the job on the generator, printing windows and alarms as they arrive, then charts. */
    private static Report runAndChart(
            StreamTableEnvironment tEnv, Table[] evaluation, Options options) throws Exception {
        Report report = new Report(new TransactionGenerator(options.seed, options.driftAt));
        System.out.println(Report.HEADER);
        try (CloseableIterator<Either<Row, Row>> it =
                events(tEnv, evaluation).executeAndCollect("Fraud detection")) {
            while (it.hasNext()) {
                String line = report.line(it.next());
                if (line != null) {
                    System.out.println(line);
                }
            }
        }
        Path chart = Paths.get(options.chart).toAbsolutePath();
        FraudChart.write(report, options.driftAt, chart);
        System.out.printf(
                Locale.ROOT,
                "%s%nchart of AUC and log-loss over time: %s%n",
                report.summary(),
                chart);
        return report;
    }

    /** Window metrics (left) and drift alarms (right) as one stream, so one job yields both. */
    private static DataStream<Either<Row, Row>> events(
            StreamTableEnvironment tEnv, Table[] evaluation) {
        DataStream<Row> windows = tEnv.toDataStream(evaluation[0]);
        DataStream<Row> alarms = tEnv.toDataStream(evaluation[1]);
        TypeInformation<Either<Row, Row>> type =
                new EitherTypeInfo<>(windows.getType(), alarms.getType());
        return windows.map(row -> Either.<Row, Row>Left(row))
                .returns(type)
                .setParallelism(1)
                .union(
                        alarms.map(row -> Either.<Row, Row>Right(row))
                                .returns(type)
                                .setParallelism(1));
    }

    /** Command-line options; see the class comment. */
    static final class Options {
        static final String DEAD_LETTER_SUFFIX = "-dead-letter";

        long transactions = 60_000;
        long driftAt = -1;
        long seed = 42;
        double rate;
        int parallelism = 1;
        String chart = "fraud-detection.png";
        String kafka;
        boolean produce;
        String inputTopic = "transactions";
        String outputTopic = "scored-transactions";

        /** Null: {@link #deadLetterTopic()}'s default. */
        String deadLetterTopic;

        long checkpointInterval = 1000;

        /**
         * Where malformed input records go: {@code --dead-letter-topic}, else the input topic's
         * name followed by {@value #DEAD_LETTER_SUFFIX}.
         */
        String deadLetterTopic() {
            return deadLetterTopic != null ? deadLetterTopic : inputTopic + DEAD_LETTER_SUFFIX;
        }

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--produce")) {
                    options.produce = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--transactions":
                        options.transactions = Long.parseLong(value);
                        break;
                    case "--drift-at":
                        options.driftAt = Long.parseLong(value);
                        break;
                    case "--seed":
                        options.seed = Long.parseLong(value);
                        break;
                    case "--rate":
                        options.rate = Double.parseDouble(value);
                        break;
                    case "--parallelism":
                        options.parallelism = Integer.parseInt(value);
                        break;
                    case "--chart":
                        options.chart = value;
                        break;
                    case "--kafka":
                        options.kafka = value;
                        break;
                    case "--input-topic":
                        options.inputTopic = value;
                        break;
                    case "--output-topic":
                        options.outputTopic = value;
                        break;
                    case "--dead-letter-topic":
                        options.deadLetterTopic = value;
                        break;
                    case "--checkpoint-interval":
                        options.checkpointInterval = Long.parseLong(value);
                        break;
                    default:
                        throw new IllegalArgumentException("Unknown option " + name);
                }
            }
            if (options.driftAt < 0) {
                options.driftAt = options.transactions / 2;
            }
            if (options.kafka != null
                    && (options.inputTopic.equals(options.outputTopic)
                            || options.inputTopic.equals(options.deadLetterTopic())
                            || options.outputTopic.equals(options.deadLetterTopic()))) {
                throw new IllegalArgumentException(
                        "The input, output and dead-letter topics must differ, got "
                                + options.inputTopic
                                + ", "
                                + options.outputTopic
                                + " and "
                                + options.deadLetterTopic());
            }
            return options;
        }
    }

    /** Turns window metrics and alarms into printed lines and keeps what the chart needs. */
    static final class Report implements FlatMapFunction<Either<Row, Row>, String> {
        private static final long serialVersionUID = 1L;
        static final String HEADER =
                "window  transactions  model versions  AUC     log-loss  alarms";

        private final TransactionGenerator generator;
        final List<double[]> points = new ArrayList<>();

        /** First alarm of each burst. */
        final List<Long> alarms = new ArrayList<>();

        private long alarmCount;
        private long rowsSeen;
        private boolean driftAnnounced;

        Report(TransactionGenerator generator) {
            this.generator = generator;
        }

        @Override
        public void flatMap(Either<Row, Row> event, Collector<String> out) {
            String line = line(event);
            if (line != null) {
                out.collect(line);
            }
        }

        /** The line to print for a window or an alarm; null for an alarm repeating a recent one. */
        String line(Either<Row, Row> event) {
            if (event.isRight()) {
                Row alarm = event.right();
                long row = (Long) alarm.getField("row");
                alarmCount++;
                // ADWIN repeats an alarm while it drops the stale part of its window.
                boolean repeat = !alarms.isEmpty() && row - alarms.get(alarms.size() - 1) < 1000;
                if (repeat) {
                    return null;
                }
                alarms.add(row);
                return String.format(
                        Locale.ROOT,
                        "  DRIFT ALARM (ADWIN): prequential error rose after %d transactions, model"
                                + " version %d",
                        row,
                        alarm.getField("modelVersion"));
            }
            Row window = event.left();
            // From the window's index, not a running count: after a failover this function
            // restarts empty while the evaluator's windows continue from its checkpoint.
            long first = (Long) window.getField("window") * WINDOW_BATCHES * BATCH_SIZE;
            rowsSeen = first + (Integer) window.getField("rows");
            double auc = (Double) window.getField("areaUnderROC");
            double logLoss = (Double) window.getField("logLoss");
            points.add(new double[] {rowsSeen, auc, logLoss});
            String line =
                    String.format(
                            Locale.ROOT,
                            "%6d  %5d–%-6d  %5d–%-7d  %.4f  %.4f    %d",
                            window.getField("window"),
                            first,
                            rowsSeen - 1,
                            window.getField("firstModelVersion"),
                            window.getField("lastModelVersion"),
                            auc,
                            logLoss,
                            window.getField("drifts"));
            if (!driftAnnounced && rowsSeen > generator.driftAt()) {
                driftAnnounced = true;
                line =
                        String.format(
                                        Locale.ROOT,
                                        "  -- the fraud pattern changed at transaction %d --%n",
                                        generator.driftAt())
                                + line;
            }
            return line;
        }

        String summary() {
            return String.format(
                    Locale.ROOT,
                    "%d transactions, pattern change at %d, %d drift alarm(s)%s",
                    rowsSeen,
                    generator.driftAt(),
                    alarmCount,
                    alarms.isEmpty() ? "" : ", bursts starting at " + alarms);
        }
    }
}
