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
package io.streamml.common.minibatch;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import java.util.HashMap;
import java.util.Map;

/**
 * What a {@link SliceCutter} subtask tells the rest of the runtime about its own partition: a
 * closed slice of a mini-batch (its rows folded into {@code content}), how far its event time has
 * progressed, that it has gone idle, or that its input has ended.
 *
 * @param <A> what the slice's rows were folded into
 */
@Internal
public class Slice<A> {
    /** A closed slice: {@code content}, {@code start}, {@code end}, {@code timestamp}. */
    public static final int CLOSED = 0;

    /** Event time: nothing that ends at or before {@code lowMark} + 1 will come any more. */
    public static final int PROGRESS = 1;

    /** No row for {@code maxBatchDelayMs}: batches need not wait for this subtask. */
    public static final int IDLE = 2;

    /** The input ended; every slice was sent. */
    public static final int END = 3;

    /**
     * A piece of this subtask's current count or processing-time slice, sent before the slice
     * closes so that a large slice never travels as one record; the slice's last piece is the
     * {@link #CLOSED} one, and a batch takes a subtask's pieces with it.
     */
    public static final int PART = 5;

    /** Whether this report carries rows of a slice: a piece, or the closing one. */
    public boolean carriesRows() {
        return kind == CLOSED || kind == PART;
    }

    /**
     * Sent every {@code maxBatchDelayMs}: lets a coordinator inside an iteration, where timers
     * cannot emit, notice that a waiting batch has timed out.
     */
    public static final int TICK = 4;

    public int kind;
    public int subtask;

    /** Event-time windows: the window's start and end (exclusive); otherwise unused. */
    public long start;

    public long end;

    /** The batch timestamp this slice asks for: the window end, or its latest event time. */
    public long timestamp;

    public long lowMark;
    public A content;

    public Slice() {}

    static <A> Slice<A> closed(int subtask, long start, long end, long timestamp, A content) {
        Slice<A> slice = new Slice<>();
        slice.kind = CLOSED;
        slice.subtask = subtask;
        slice.start = start;
        slice.end = end;
        slice.timestamp = timestamp;
        slice.content = content;
        return slice;
    }

    static <A> Slice<A> part(int subtask, A content) {
        Slice<A> slice = new Slice<>();
        slice.kind = PART;
        slice.subtask = subtask;
        slice.timestamp = Long.MIN_VALUE;
        slice.content = content;
        return slice;
    }

    static <A> Slice<A> marker(int kind, int subtask, long lowMark) {
        Slice<A> slice = new Slice<>();
        slice.kind = kind;
        slice.subtask = subtask;
        slice.lowMark = lowMark;
        return slice;
    }

    /** This report without its content: what a coordinator needs to assemble batches. */
    public Slice<Void> withoutContent() {
        return withContent(null);
    }

    /** This report with {@code content} in place of its own, e.g. a summary of its rows. */
    public <B> Slice<B> withContent(B content) {
        Slice<B> report = new Slice<>();
        report.content = content;
        report.kind = kind;
        report.subtask = subtask;
        report.start = start;
        report.end = end;
        report.timestamp = timestamp;
        report.lowMark = lowMark;
        return report;
    }

    /** The slice type for content of type {@code contentType}: a POJO, no Kryo. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <A> TypeInformation<Slice<A>> type(TypeInformation<A> contentType) {
        Map<String, TypeInformation<?>> fields = new HashMap<>();
        fields.put("kind", Types.INT);
        fields.put("subtask", Types.INT);
        fields.put("start", Types.LONG);
        fields.put("end", Types.LONG);
        fields.put("timestamp", Types.LONG);
        fields.put("lowMark", Types.LONG);
        fields.put("content", contentType);
        return (TypeInformation) Types.POJO(Slice.class, fields);
    }
}
