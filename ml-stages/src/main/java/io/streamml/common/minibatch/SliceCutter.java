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

import io.streamml.common.input.BadDataException;
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.common.window.EventTimeSessionWindows;
import io.streamml.common.window.EventTimeTumblingWindows;
import io.streamml.common.window.ProcessingTimeTumblingWindows;
import io.streamml.common.window.Windows;
import io.streamml.optim.MiniBatchSgd;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Cuts its own subtask's partition into slices of mini-batches, at the job's parallelism, so no row
 * ever funnels through one task: count batches take this subtask's share of the global batch size
 * (the remainder goes to the first subtasks), event-time windows close on this subtask's watermark,
 * processing-time windows on its clock. A {@link BatchAssembler} downstream puts the slices of all
 * subtasks together.
 *
 * <p>A late row (its window closed already here) is counted in {@value #LATE_ELEMENTS_METRIC} and
 * folded into this subtask's next slice, deterministically. A subtask that sees no row for {@code
 * maxBatchDelayMs} closes its partial count or processing-time slice and reports itself {@link
 * Slice#IDLE}, so an empty partition does not stall training. Open windows live in operator state;
 * a bounded input's last partial windows are sent when it ends, followed by {@link Slice#END}.
 *
 * @param <IN> the element type
 * @param <A> the slice accumulator type
 */
@Internal
public class SliceCutter<IN, A> extends AbstractStreamOperator<Slice<A>>
        implements OneInputStreamOperator<IN, Slice<A>>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    public static final String LATE_ELEMENTS_METRIC = "numLateRows";

    /**
     * Bytes of rows of a count or processing-time slice sent ahead as one {@link Slice#PART}: 256
     * KiB, 8 network buffers, a few hundred to a few thousand rows.
     */
    public static final long PIECE_BYTES = 256 * 1024;

    private final Windows windows;
    private final BatchAccumulator<IN, A> accumulator;
    private final TypeInformation<A> accumulatorType;
    private final boolean stampWithLatestElement;
    private final long maxBatchDelayMs;

    /**
     * Open windows: start, end (exclusive), element count, accumulator; sorted by start. Count and
     * processing-time windows have no start; there f0 holds the largest element timestamp seen.
     */
    private transient List<Tuple4<Long, Long, Long, A>> open;

    private transient A late;
    private transient boolean hasLate;
    private transient long watermark;
    private transient long reportedLowMark;
    private transient long countSize;
    private transient boolean activeSinceCheck;
    private transient boolean idle;
    private transient Counter lateElements;
    private transient ListState<Tuple4<Long, Long, Long, A>> openState;
    private transient ListState<A> lateState;

    /**
     * @param stampWithLatestElement whether count and processing-time slices carry the largest
     *     event time among their elements (when they have event times) instead of {@code
     *     Long.MAX_VALUE}
     * @param maxBatchDelayMs how long without a row before this subtask reports itself idle
     */
    public SliceCutter(
            Windows windows,
            BatchAccumulator<IN, A> accumulator,
            TypeInformation<A> accumulatorType,
            boolean stampWithLatestElement,
            long maxBatchDelayMs) {
        // Chained to the operator before it, so rows reach it without a network hop.
        setChainingStrategy(ChainingStrategy.ALWAYS);
        this.windows = windows;
        this.accumulator = accumulator;
        this.accumulatorType = accumulatorType;
        this.stampWithLatestElement = stampWithLatestElement;
        this.maxBatchDelayMs = maxBatchDelayMs;
    }

    /**
     * This subtask's share of a global count batch, split as Flink ML splits its global batch size
     * ({@link MiniBatchSgd#localBatchSize}), and at least one row.
     */
    public static long share(long size, int subtask, int numSubtasks) {
        return Math.max(
                1,
                MiniBatchSgd.localBatchSize(
                        (int) Math.min(size, Integer.MAX_VALUE), numSubtasks, subtask));
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
        reportedLowMark = Long.MIN_VALUE;
    }

    @Override
    public void open() throws Exception {
        super.open();
        accumulator.open(getMetricGroup());
        lateElements = getMetricGroup().counter(LATE_ELEMENTS_METRIC);
        if (windows instanceof CountTumblingWindows) {
            countSize =
                    share(
                            ((CountTumblingWindows) windows).getSize(),
                            subtask(),
                            getRuntimeContext().getNumberOfParallelSubtasks());
        }
        if (windows instanceof ProcessingTimeTumblingWindows && !open.isEmpty()) {
            scheduleProcessingTimeFire(open.get(0).f1);
        }
        activeSinceCheck = true;
        scheduleIdleCheck();
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
        activeSinceCheck = true;
        if (windows instanceof CountTumblingWindows) {
            Tuple4<Long, Long, Long, A> window = singleWindow(Long.MAX_VALUE);
            add(window, record.getValue());
            noteTimestamp(window, record);
            if (window.f2 >= countSize) {
                fire(window);
            } else if (accumulator.sizeInBytes(window.f3) >= PIECE_BYTES) {
                sendPiece(window);
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
            if (accumulator.sizeInBytes(open.get(0).f3) >= PIECE_BYTES) {
                sendPiece(open.get(0));
            }
        } else {
            processEventTimeElement(record);
        }
    }

    private void processEventTimeElement(StreamRecord<IN> record) {
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
                // Its window has closed: count it and fold it into the next slice.
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
        watermark = Math.max(watermark, mark.getTimestamp());
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
            reportProgress();
        }
        super.processWatermark(mark);
    }

    /**
     * Reports the low mark: no slice ending at or before it + 1 will come from here any more (an
     * open session starting earlier could still grow, so it holds the mark back).
     */
    private void reportProgress() {
        long lowMark = watermark;
        for (Tuple4<Long, Long, Long, A> window : open) {
            lowMark = Math.min(lowMark, window.f0 - 1);
        }
        if (lowMark > reportedLowMark) {
            reportedLowMark = lowMark;
            activeSinceCheck = true;
            output.collect(new StreamRecord<>(Slice.marker(Slice.PROGRESS, subtask(), lowMark)));
        }
    }

    @Override
    public void endInput() throws Exception {
        List<Tuple4<Long, Long, Long, A>> remaining = new ArrayList<>(open);
        remaining.sort(Comparator.comparing(w -> w.f1));
        for (Tuple4<Long, Long, Long, A> window : remaining) {
            fire(window);
        }
        output.collect(new StreamRecord<>(Slice.marker(Slice.END, subtask(), Long.MAX_VALUE)));
    }

    private int subtask() {
        return getRuntimeContext().getIndexOfThisSubtask();
    }

    private void scheduleIdleCheck() {
        if (maxBatchDelayMs <= 0) {
            return;
        }
        long now = getProcessingTimeService().getCurrentProcessingTime();
        getProcessingTimeService()
                .registerTimer(
                        now + maxBatchDelayMs,
                        time -> {
                            if (!activeSinceCheck && !idle) {
                                goIdle();
                            } else {
                                output.collect(
                                        new StreamRecord<>(
                                                Slice.marker(Slice.TICK, subtask(), watermark)));
                            }
                            idle = idle && !activeSinceCheck;
                            activeSinceCheck = false;
                            scheduleIdleCheck();
                        });
    }

    /** No row for a while: send the partial count or processing-time slice, then say so. */
    private void goIdle() {
        idle = true;
        if (!windows.isEventTime() && !open.isEmpty() && open.get(0).f2 > 0) {
            fire(open.get(0));
        }
        output.collect(new StreamRecord<>(Slice.marker(Slice.IDLE, subtask(), watermark)));
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

    /** Sends the rows so far of a large count or processing-time slice ahead of it. */
    private void sendPiece(Tuple4<Long, Long, Long, A> window) {
        output.collect(new StreamRecord<>(Slice.part(subtask(), window.f3)));
        window.f3 = accumulator.create();
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
        long start = windows.isEventTime() ? window.f0 : 0;
        long end = windows.isEventTime() ? window.f1 : 0;
        output.collect(
                new StreamRecord<>(Slice.closed(subtask(), start, end, timestamp, window.f3)));
    }
}
