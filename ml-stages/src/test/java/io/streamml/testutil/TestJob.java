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
package io.streamml.testutil;

import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.time.Time;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.groups.OperatorMetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.ExecutionCheckpointingOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A test job's environments — the given parallelism, a checkpoint every 100 ms (also after tasks
 * finish, which iterations need), restarts after injected failures, no Kryo fallback — and helpers
 * to make input Tables and collect results.
 */
public final class TestJob {
    public final StreamExecutionEnvironment env;
    public final StreamTableEnvironment tEnv;

    /** Unique name of the jobs this object runs, to find their metrics. */
    public final String name = "test-" + UUID.randomUUID();

    private TestJob(int parallelism) {
        Configuration config = new Configuration();
        config.set(ExecutionCheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, true);
        env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        // Every record and every piece of state has an explicit serializer (see KryoForbidden).
        KryoForbidden.install(env.getConfig());
        env.enableCheckpointing(100);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(20, Time.milliseconds(100)));
        tEnv = StreamTableEnvironment.create(env);
    }

    public static TestJob withParallelism(int parallelism) {
        return new TestJob(parallelism);
    }

    /**
     * This job with object reuse on: chained operators then pass records by reference, so an
     * operator that kept an input record (instead of its values) would see it change.
     */
    public TestJob withObjectReuse() {
        env.getConfig().enableObjectReuse();
        return this;
    }

    /** A bounded Table with the given columns. */
    public Table boundedTable(String[] names, TypeInformation<?>[] types, List<Row> rows) {
        DataStream<Row> stream = env.fromCollection(rows, new RowTypeInfo(types, names));
        return tEnv.fromDataStream(stream);
    }

    public Table boundedTable(String[] names, TypeInformation<?>[] types, Row... rows) {
        return boundedTable(names, types, Arrays.asList(rows));
    }

    /**
     * An unbounded Table fed by {@code source}. With {@code eventTime}, the table gets a rowtime
     * attribute {@code rowtime} from the source's timestamps and watermarks.
     */
    public Table unboundedTable(
            ControllableSource source,
            String[] names,
            TypeInformation<?>[] types,
            boolean eventTime) {
        DataStream<Row> stream = source.stream(env, new RowTypeInfo(types, names));
        if (!eventTime) {
            return tEnv.fromDataStream(stream);
        }
        return tEnv.fromDataStream(
                stream,
                Schema.newBuilder()
                        .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
                        .watermark("rowtime", "SOURCE_WATERMARK()")
                        .build());
    }

    /** Runs the job and returns all rows of a bounded Table. */
    public List<Row> collect(Table table) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.toDataStream(table).executeAndCollect(name)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** Starts the job and returns an iterator over the rows of an (unbounded) Table. */
    public CloseableIterator<Row> start(Table table) throws Exception {
        return tEnv.toDataStream(table).executeAndCollect(name);
    }

    /**
     * Sum over subtasks of a counter (or the values of a gauge) of this object's jobs' operators
     * whose name contains {@code operator}.
     */
    public List<Long> metricValues(MiniClusterExtension cluster, String operator, String metric) {
        List<Long> values = new ArrayList<>();
        InMemoryReporter reporter = cluster.reporter();
        for (OperatorMetricGroup group :
                reporter.findOperatorMetricGroups(".*" + Pattern.quote(operator) + ".*")) {
            if (!name.equals(group.getAllVariables().get("<job_name>"))) {
                continue;
            }
            Metric value = reporter.getMetricsByGroup(group).get(metric);
            if (value instanceof Counter) {
                values.add(((Counter) value).getCount());
            } else if (value instanceof Gauge) {
                values.add(((Number) ((Gauge<?>) value).getValue()).longValue());
            }
        }
        return values;
    }

    /**
     * Values of the metrics of this object's jobs whose identifier ends with {@code suffix} (e.g.
     * {@code ml.model.LogisticRegressionModel.version}), one per subtask.
     */
    public List<Long> metricValuesBySuffix(MiniClusterExtension cluster, String suffix) {
        List<Long> values = new ArrayList<>();
        InMemoryReporter reporter = cluster.reporter();
        reporter.getMetricsByGroup()
                .forEach(
                        (group, metrics) -> {
                            if (!name.equals(group.getAllVariables().get("<job_name>"))) {
                                return;
                            }
                            metrics.forEach(
                                    (metricName, metric) -> {
                                        if (group.getMetricIdentifier(metricName)
                                                .endsWith("." + suffix)) {
                                            values.add(valueOf(metric));
                                        }
                                    });
                        });
        return values;
    }

    private static Long valueOf(Metric metric) {
        if (metric instanceof Counter) {
            return ((Counter) metric).getCount();
        }
        return ((Number) ((Gauge<?>) metric).getValue()).longValue();
    }

    /**
     * Sum of a counter over the subtasks of this object's jobs' operators named {@code operator}.
     */
    public long counter(MiniClusterExtension cluster, String operator, String metric) {
        return metricValues(cluster, operator, metric).stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until every subtask of this object's operators named {@code operator} reports model
     * version {@code version} or later in its {@code modelVersion} gauge.
     */
    public void waitForModelVersion(MiniClusterExtension cluster, String operator, long version)
            throws InterruptedException {
        long deadline =
                System.currentTimeMillis()
                        + 120_000; // generous: a loaded 2-core CI machine deploys slowly
        while (System.currentTimeMillis() < deadline) {
            List<Long> versions = metricValues(cluster, operator, "modelVersion");
            if (!versions.isEmpty() && versions.stream().allMatch(v -> v >= version)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("model version " + version + " never reached " + operator);
    }

    /** Takes the next {@code n} rows from a running job's results. */
    public static List<Row> take(CloseableIterator<Row> it, int n) {
        List<Row> rows = new ArrayList<>();
        while (rows.size() < n && it.hasNext()) {
            rows.add(it.next());
        }
        return rows;
    }
}
