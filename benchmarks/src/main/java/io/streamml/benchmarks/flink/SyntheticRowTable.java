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
package io.streamml.benchmarks.flink;

import io.streamml.benchmarks.data.SyntheticRows;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

/**
 * The input Table of every job in the suite: {@link SyntheticRows} as columns {@code features}
 * (DenseVector), {@code label} (0/1) and {@code target} (real), read from a bounded sequence source
 * at the environment's parallelism. Every side of a comparison gets exactly this Table.
 */
public final class SyntheticRowTable {
    public static final RowTypeInfo ROW_TYPE =
            new RowTypeInfo(
                    new TypeInformation<?>[] {
                        DenseVectorTypeInfo.INSTANCE, Types.DOUBLE, Types.DOUBLE
                    },
                    new String[] {"features", "label", "target"});

    private SyntheticRowTable() {}

    /** The rows of {@code rows} as a bounded Table of {@code tEnv}. */
    public static Table of(
            StreamExecutionEnvironment env, StreamTableEnvironment tEnv, SyntheticRows rows) {
        return tEnv.fromDataStream(stream(env, rows));
    }

    /**
     * The same rows from the same kind of source, but one that calls itself unbounded, so stages
     * that train online on unbounded input (the scalers, which have no trainingMode) do; its data
     * still ends, and so does the job.
     */
    public static Table unboundedOf(
            StreamExecutionEnvironment env, StreamTableEnvironment tEnv, SyntheticRows rows) {
        DataStream<Long> indices =
                env.fromSource(
                        new UnboundedSequence(rows.numRows),
                        WatermarkStrategy.noWatermarks(),
                        "Sequence Source");
        return tEnv.fromDataStream(rowsAt(indices, rows));
    }

    private static DataStream<Row> stream(StreamExecutionEnvironment env, SyntheticRows rows) {
        return rowsAt(env.fromSequence(0, rows.numRows - 1), rows);
    }

    private static DataStream<Row> rowsAt(DataStream<Long> indices, SyntheticRows rows) {
        return indices.map(new RowAt(rows.numRows, rows.dim), ROW_TYPE).name("synthetic rows");
    }

    /** {@code fromSequence}'s source, declared unbounded. */
    private static final class UnboundedSequence extends NumberSequenceSource {
        private static final long serialVersionUID = 1L;

        UnboundedSequence(long numRows) {
            super(0, numRows - 1);
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.CONTINUOUS_UNBOUNDED;
        }
    }

    /** Looks row i up in this JVM's {@link SyntheticRows} (or generates the set where absent). */
    private static final class RowAt extends RichMapFunction<Long, Row> {
        private static final long serialVersionUID = 1L;
        private final int numRows;
        private final int dim;
        private transient SyntheticRows rows;

        RowAt(int numRows, int dim) {
            this.numRows = numRows;
            this.dim = dim;
        }

        @Override
        public void open(Configuration parameters) {
            rows = SyntheticRows.of(numRows, dim);
        }

        @Override
        public Row map(Long i) {
            int row = (int) (long) i;
            return Row.of(new DenseVector(rows.features(row)), rows.label(row), rows.target(row));
        }
    }
}
