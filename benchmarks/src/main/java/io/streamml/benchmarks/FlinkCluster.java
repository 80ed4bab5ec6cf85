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
package io.streamml.benchmarks;

import io.streamml.benchmarks.data.SyntheticRows;
import io.streamml.benchmarks.flink.CountingSink;
import io.streamml.benchmarks.flink.SyntheticRowTable;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.test.util.MiniClusterResourceConfiguration;
import org.apache.flink.test.util.MiniClusterWithClientResource;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A Flink MiniCluster for one JMH trial (one TaskManager with {@value #PARALLELISM} slots, as a job
 * runs on a small machine), and fresh environments on it for each invocation, so a timed job pays
 * for planning and running, not for starting a cluster or a table planner — the set-up
 * flink-benchmarks use.
 */
@State(Scope.Benchmark)
public class FlinkCluster {
    /** The parallelism of every job in the suite. */
    public static final int PARALLELISM = 2;

    private MiniClusterWithClientResource cluster;

    /** This invocation's environment, on the cluster. */
    public StreamExecutionEnvironment env;

    /** This invocation's table environment. */
    public StreamTableEnvironment tEnv;

    @Setup(Level.Trial)
    public void start() throws Exception {
        cluster =
                new MiniClusterWithClientResource(
                        new MiniClusterResourceConfiguration.Builder()
                                .setNumberTaskManagers(1)
                                .setNumberSlotsPerTaskManager(PARALLELISM)
                                .build());
        // Also makes the cluster the context environment.
        cluster.before();
    }

    @Setup(Level.Invocation)
    public void newEnvironments() {
        env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        tEnv = StreamTableEnvironment.create(env);
        CountingSink.reset();
    }

    @TearDown(Level.Trial)
    public void stop() {
        cluster.after();
    }

    /** {@code rows} as this invocation's input Table. */
    public Table table(SyntheticRows rows) {
        return SyntheticRowTable.of(env, tEnv, rows);
    }

    /** {@code rows} as this invocation's input Table, from a source that calls itself unbounded. */
    public Table unboundedTable(SyntheticRows rows) {
        return SyntheticRowTable.unboundedOf(env, tEnv, rows);
    }

    /** Runs the job built on this invocation's environment. */
    public void execute(String jobName) throws Exception {
        env.execute(jobName);
    }
}
