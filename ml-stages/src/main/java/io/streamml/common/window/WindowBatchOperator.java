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
package io.streamml.common.window;

import io.streamml.common.input.BadDataException;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Cuts a stream into the batches of {@link Windows} in a single task and emits each closed batch
 * with its timestamp: the window end for event-time windows, {@code Long.MAX_VALUE} otherwise.
 *
 * <p>Flink's own windows send late elements to a side output that reaches the next operator on
 * another channel, so which version they land in would depend on timing. Here a late element (its
 * window closed already) is counted in {@value #LATE_ELEMENTS_METRIC} and folded into the next
 * batch emitted, deterministically. Open windows live in operator state; a bounded input's last
 * partial windows are emitted when it ends.
 *
 * @param <IN> the element type
 * @param <A> the batch accumulator type
 */
public class WindowBatchOperator<IN, A> extends AbstractStreamOperator<Tuple2<A, Long>>
        implements OneInputStreamOperator<IN, Tuple2<A, Long>>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    public static final String LATE_ELEMENTS_METRIC = "numLateRows";

    private final Windows windows;
    private final BatchAccumulator<IN, A> accumulator;
    private final TypeInformation<A> accumulatorType;
    private final boolean stampWithLatestElement;

    /**
     * Open windows: start, end (exclusive), element count, accumulator; sorted by start. Count and
     * processing-time windows have no start; there f0 holds the largest element timestamp seen.
     */
    private transient List<Tuple4<Long, Long, Long, A>> open;

    private transient A late;
    private transient boolean hasLate;
    private transient long watermark;
    private transient Counter lateElements;
    private transient ListState<Tuple4<Long, Long, Long, A>> openState;
    private transient ListState<A> lateState;

    /**
     * @param stampWithLatestElement whether count and processing-time batches carry the largest
     *     event time among their elements (when they have event times) instead of {@code
     *     Long.MAX_VALUE}
     */
    public WindowBatchOperator(
            Windows windows,
            BatchAccumulator<IN, A> accumulator,
            TypeInformation<A> accumulatorType,
            boolean stampWithLatestElement) {
        this.windows = windows;
        this.accumulator = accumulator;
        this.accumulatorType = accumulatorType;
        this.stampWithLatestElement = stampWithLatestElement;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        openState =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "openWindows",
                                        new TupleTypeInfo<>(
                                                Types.LONG,
                                                Types.LONG,
                                                Types.LONG,
                                                accumulatorType)));
        lateState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("late", accumulatorType));
        open = new ArrayList<>();
        openState.get().forEach(open::add);
        late = accumulator.create();
        hasLate = false;
        for (A restored : lateState.get()) {
            accumulator.merge(late, restored);
            hasLate = true;
        }
        watermark = Long.MIN_VALUE;
    }

    @Override
    public void open() throws Exception {
        super.open();
        accumulator.open(getMetricGroup());
        lateElements = getMetricGroup().counter(LATE_ELEMENTS_METRIC);
        if (windows instanceof ProcessingTimeTumblingWindows && !open.isEmpty()) {
            scheduleProcessingTimeFire(open.get(0).f1);
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        openState.update(open);
        lateState.clear();
        if (hasLate) {
            lateState.add(late);
        }
    }

    @Override
    public void processElement(StreamRecord<IN> record) throws Exception {
        if (windows instanceof CountTumblingWindows) {
            Tuple4<Long, Long, Long, A> window = singleWindow(Long.MAX_VALUE);
            add(window, record.getValue());
            noteTimestamp(window, record);
            if (window.f2 >= ((CountTumblingWindows) windows).getSize()) {
                fire(window);
            }
        } else if (windows instanceof ProcessingTimeTumblingWindows) {
            if (open.isEmpty()) {
                long size = ((ProcessingTimeTumblingWindows) windows).getSize().toMilliseconds();
                long now = getProcessingTimeService().getCurrentProcessingTime();
                long end = now - Math.floorMod(now, size) + size;
                scheduleProcessingTimeFire(end);
                singleWindow(end);
            }
            add(open.get(0), record.getValue());
            noteTimestamp(open.get(0), record);
        } else {
            processEventTimeElement(record);
        }
    }

    private void processEventTimeElement(StreamRecord<IN> record) throws Exception {
        if (!record.hasTimestamp()) {
            throw new BadDataException(
                    windows
                            + " need event time, but a row has no timestamp: give the input Table"
                            + " a rowtime attribute with a watermark.");
        }
        long t = record.getTimestamp();
        long start;
        long end;
        if (windows instanceof EventTimeTumblingWindows) {
            long size = ((EventTimeTumblingWindows) windows).getSize().toMilliseconds();
            start = t - Math.floorMod(t, size);
            end = start + size;
        } else {
            start = t;
            end = t + ((EventTimeSessionWindows) windows).getGap().toMilliseconds();
        }
        Tuple4<Long, Long, Long, A> window = null;
        // Merge with overlapping open windows (tumbling windows overlap only their own start).
        Iterator<Tuple4<Long, Long, Long, A>> it = open.iterator();
        while (it.hasNext()) {
            Tuple4<Long, Long, Long, A> candidate = it.next();
            boolean same =
                    windows instanceof EventTimeTumblingWindows
                            ? candidate.f0 == start
                            : candidate.f0 < end && start < candidate.f1;
            if (!same) {
                continue;
            }
            if (window == null) {
                window = candidate;
                window.f0 = Math.min(window.f0, start);
                window.f1 = Math.max(window.f1, end);
            } else {
                window.f0 = Math.min(window.f0, candidate.f0);
                window.f1 = Math.max(window.f1, candidate.f1);
                window.f2 += candidate.f2;
                accumulator.merge(window.f3, candidate.f3);
                it.remove();
            }
        }
        if (window == null) {
            if (end - 1 <= watermark) {
                // Its window has closed: count it and fold it into the next batch.
                lateElements.inc();
                accumulator.add(late, record.getValue());
                hasLate = true;
                return;
            }
            window = Tuple4.of(start, end, 0L, accumulator.create());
            open.add(window);
            open.sort(Comparator.comparing(w -> w.f0));
        }
        add(window, record.getValue());
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        watermark = mark.getTimestamp();
        if (windows.isEventTime()) {
            List<Tuple4<Long, Long, Long, A>> closed = new ArrayList<>();
            for (Tuple4<Long, Long, Long, A> window : open) {
                if (window.f1 - 1 <= watermark) {
                    closed.add(window);
                }
            }
            closed.sort(Comparator.comparing(w -> w.f1));
            for (Tuple4<Long, Long, Long, A> window : closed) {
                fire(window);
            }
        }
        super.processWatermark(mark);
    }

    @Override
    public void endInput() throws Exception {
        List<Tuple4<Long, Long, Long, A>> remaining = new ArrayList<>(open);
        remaining.sort(Comparator.comparing(w -> w.f1));
        for (Tuple4<Long, Long, Long, A> window : remaining) {
            fire(window);
        }
    }

    private Tuple4<Long, Long, Long, A> singleWindow(long end) {
        if (open.isEmpty()) {
            open.add(Tuple4.of(Long.MIN_VALUE, end, 0L, accumulator.create()));
        }
        return open.get(0);
    }

    private static void noteTimestamp(Tuple4<Long, Long, Long, ?> window, StreamRecord<?> record) {
        if (record.hasTimestamp()) {
            window.f0 = Math.max(window.f0, record.getTimestamp());
        }
    }

    private void add(Tuple4<Long, Long, Long, A> window, IN element) {
        accumulator.add(window.f3, element);
        window.f2++;
    }

    private void scheduleProcessingTimeFire(long end) {
        getProcessingTimeService()
                .registerTimer(
                        end,
                        time -> {
                            if (!open.isEmpty() && open.get(0).f1 == end) {
                                fire(open.get(0));
                            }
                        });
    }

    private void fire(Tuple4<Long, Long, Long, A> window) {
        open.remove(window);
        if (hasLate) {
            accumulator.merge(window.f3, late);
            late = accumulator.create();
            hasLate = false;
        }
        long timestamp =
                windows.isEventTime()
                        ? window.f1
                        : stampWithLatestElement && window.f0 != Long.MIN_VALUE
                                ? window.f0
                                : Long.MAX_VALUE;
        output.collect(new StreamRecord<>(Tuple2.of(window.f3, timestamp)));
    }
}
