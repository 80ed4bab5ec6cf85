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
package io.streamml.common.statistics;

import io.streamml.common.input.VectorSizes;
import io.streamml.common.serialization.Codec;
import io.streamml.common.serialization.CodecTypeInfo;
import io.streamml.stats.FeatureStatistics;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.ml.linalg.Vector;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statistics of a slice, batch or subtask kept apart per vector size, with the rows of each size:
 * the fit decides its feature size from the counts ({@link VectorSizes#mostCommon()}, or the size
 * already fixed) and rejects the rows of the other sizes, so a few rows of a wrong size cannot
 * decide the model even when they come first.
 *
 * @param <S> the statistics type
 */
final class StatisticsBySize<S extends FeatureStatistics<S>> {
    /** Per size, ascending: the statistics of the vectors of that size. */
    private final TreeMap<Integer, S> bySize = new TreeMap<>();

    private final VectorSizes rows = new VectorSizes();

    /**
     * The size rows had last, its statistics and the rows added to them since it became the last
     * size (not yet in {@link #rows}): rows nearly always share one size, so adding a row costs no
     * map lookup and no count update.
     */
    private int lastSize = -1;

    private S lastStatistics;
    private long lastSizeRows;

    /** Adds a validated vector to the statistics of its size. */
    void add(Vector vector, StatisticsSupplier<S> supplier) {
        int size = vector.size();
        if (size != lastSize) {
            flushLastSize();
            lastSize = size;
            lastStatistics = bySize.computeIfAbsent(size, ignored -> supplier.get());
        }
        VectorRows.addTo(lastStatistics, vector);
        lastSizeRows++;
    }

    /** Moves the rows counted for the last size into {@link #rows}. */
    private void flushLastSize() {
        if (lastSizeRows > 0) {
            rows.add(lastSize, lastSizeRows);
            lastSizeRows = 0;
        }
    }

    void merge(StatisticsBySize<S> other) {
        other.flushLastSize();
        for (Map.Entry<Integer, S> entry : other.bySize.entrySet()) {
            S own = bySize.get(entry.getKey());
            if (own == null) {
                bySize.put(entry.getKey(), entry.getValue().copy());
            } else {
                own.merge(entry.getValue());
            }
        }
        rows.merge(other.rows);
    }

    /** The rows of each size. */
    VectorSizes sizes() {
        flushLastSize();
        return rows;
    }

    /** The statistics of the vectors of {@code size}, or null when there were none. */
    S of(int size) {
        return bySize.get(size);
    }

    /** The type for messages and state: each size's statistics with their own serializer. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <S extends FeatureStatistics<S>> TypeInformation<StatisticsBySize<S>> type(
            TypeInformation<S> statisticsType) {
        return new CodecTypeInfo<>(
                (Class) StatisticsBySize.class, new BySizeCodec<>(statisticsType));
    }

    /** Writes the number of sizes, then per size: the size, its rows and its statistics. */
    private static final class BySizeCodec<S extends FeatureStatistics<S>>
            implements Codec<StatisticsBySize<S>> {
        private static final long serialVersionUID = 1L;

        private final TypeInformation<S> statisticsType;
        private transient TypeSerializer<S> statisticsSerializer;

        BySizeCodec(TypeInformation<S> statisticsType) {
            this.statisticsType = statisticsType;
        }

        private TypeSerializer<S> serializer() {
            if (statisticsSerializer == null) {
                statisticsSerializer = statisticsType.createSerializer(new ExecutionConfig());
            }
            return statisticsSerializer;
        }

        @Override
        public void write(StatisticsBySize<S> value, DataOutputView out) throws IOException {
            value.flushLastSize();
            out.writeInt(value.bySize.size());
            for (Map.Entry<Integer, S> entry : value.bySize.entrySet()) {
                out.writeInt(entry.getKey());
                out.writeLong(value.rows.rowsOf(entry.getKey()));
                serializer().serialize(entry.getValue(), out);
            }
        }

        @Override
        public StatisticsBySize<S> read(DataInputView in) throws IOException {
            StatisticsBySize<S> value = new StatisticsBySize<>();
            int numSizes = in.readInt();
            for (int i = 0; i < numSizes; i++) {
                int size = in.readInt();
                value.rows.add(size, in.readLong());
                value.bySize.put(size, serializer().deserialize(in));
            }
            return value;
        }

        @Override
        public StatisticsBySize<S> copy(StatisticsBySize<S> value) {
            StatisticsBySize<S> copy = new StatisticsBySize<>();
            copy.merge(value);
            return copy;
        }
    }
}
