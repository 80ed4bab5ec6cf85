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
package io.streamml.evaluation.binaryclassification;

import io.streamml.common.serialization.Codec;
import io.streamml.common.serialization.CodecTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.Comparator;

/**
 * The weight of the positives and negatives at one distinct score of one subtask's rows, on its way
 * to the subtask that sweeps the score's range.
 */
final class ScoreTally {
    static final TypeInformation<ScoreTally> TYPE =
            new CodecTypeInfo<>(ScoreTally.class, new TallyCodec());

    /** Decreasing scores, equal ones in the order of the subtasks they come from. */
    static final Comparator<ScoreTally> SWEEP_ORDER =
            Comparator.comparingDouble((ScoreTally tally) -> tally.score)
                    .reversed()
                    .thenComparingInt(tally -> tally.source);

    /** The range of the score; −1 until it is known. */
    final int range;

    /** The subtask whose rows these are. */
    final int source;

    final double score;
    final double positive;
    final double negative;

    ScoreTally(int range, int source, double score, double positive, double negative) {
        this.range = range;
        this.source = source;
        this.score = score;
        this.positive = positive;
        this.negative = negative;
    }

    ScoreTally inRange(int range) {
        return new ScoreTally(range, source, score, positive, negative);
    }

    private static final class TallyCodec implements Codec<ScoreTally> {
        private static final long serialVersionUID = 1L;

        @Override
        public void write(ScoreTally tally, DataOutputView out) throws IOException {
            out.writeInt(tally.range);
            out.writeInt(tally.source);
            out.writeDouble(tally.score);
            out.writeDouble(tally.positive);
            out.writeDouble(tally.negative);
        }

        @Override
        public ScoreTally read(DataInputView in) throws IOException {
            return new ScoreTally(
                    in.readInt(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble());
        }

        @Override
        public ScoreTally copy(ScoreTally tally) {
            return new ScoreTally(
                    tally.range, tally.source, tally.score, tally.positive, tally.negative);
        }
    }
}
