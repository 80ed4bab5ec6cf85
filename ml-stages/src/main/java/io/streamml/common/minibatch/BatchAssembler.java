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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides, from what the subtasks report ({@link Slice}s), which slices form the next mini-batch.
 * Plain Java: the coordinators host it and keep its state.
 *
 * <ul>
 *   <li>Count and processing-time batches: batch b is each subtask's next closed slice, with the
 *       pieces ({@link Slice#PART}) sent ahead of it. It waits for every subtask, except one that
 *       reported itself idle or ended, and except one that has kept the batch waiting for {@code
 *       maxBatchDelayMs} since the batch's first slice arrived: such a subtask's next slice joins a
 *       later batch.
 *   <li>Event-time windows: slices that overlap form one batch (the same tumbling window, or
 *       sessions that touch across subtasks); it closes once every subtask that is not idle has
 *       reported a low mark of at least the batch's end - 1, so nothing can still join it.
 * </ul>
 *
 * Without idleness or timeouts the batches depend only on each subtask's own rows, not on timing.
 *
 * @param <A> the slices' content
 */
@Internal
public final class BatchAssembler<A> {
    private final boolean eventTime;
    private final long maxBatchDelayMs;
    private final List<ArrayDeque<Slice<A>>> queues = new ArrayList<>();
    private final long[] lowMarks;
    private final boolean[] idle;
    private final boolean[] ended;

    /** Processing time the current count batch's first slice arrived, or -1. */
    private long waitingSince = -1;

    public BatchAssembler(int numSubtasks, boolean eventTime, long maxBatchDelayMs) {
        this.eventTime = eventTime;
        this.maxBatchDelayMs = maxBatchDelayMs;
        for (int i = 0; i < numSubtasks; i++) {
            queues.add(new ArrayDeque<>());
        }
        lowMarks = new long[numSubtasks];
        Arrays.fill(lowMarks, Long.MIN_VALUE);
        idle = new boolean[numSubtasks];
        ended = new boolean[numSubtasks];
    }

    /** Takes one report from a subtask, received at processing time {@code now}. */
    public void add(Slice<A> report, long now) {
        int s = report.subtask;
        switch (report.kind) {
            case Slice.CLOSED:
                queues.get(s).add(report);
                idle[s] = false;
                if (waitingSince < 0) {
                    waitingSince = now;
                }
                break;
            case Slice.PART:
                queues.get(s).add(report);
                idle[s] = false;
                break;
            case Slice.PROGRESS:
                lowMarks[s] = Math.max(lowMarks[s], report.lowMark);
                idle[s] = false;
                break;
            case Slice.IDLE:
                idle[s] = true;
                break;
            case Slice.TICK:
                break;
            case Slice.END:
                ended[s] = true;
                lowMarks[s] = Long.MAX_VALUE;
                break;
            default:
                throw new IllegalArgumentException("Unknown slice kind " + report.kind);
        }
    }

    /** When the waiting count batch times out, or -1 if no batch waits. */
    public long deadline() {
        return eventTime || waitingSince < 0 ? -1 : waitingSince + maxBatchDelayMs;
    }

    /**
     * The slices of the next batch, by subtask and then in each subtask's order, or null if no
     * batch can close yet.
     */
    public List<Slice<A>> next(long now) {
        List<Slice<A>> batch = eventTime ? nextWindow() : nextCount(now);
        if (batch != null && !eventTime) {
            waitingSince = hasPending() ? now : -1;
        }
        return batch;
    }

    /** The batch timestamp: the largest one its slices ask for. */
    public static long timestamp(List<? extends Slice<?>> batch) {
        long timestamp = Long.MIN_VALUE;
        for (Slice<?> slice : batch) {
            timestamp = Math.max(timestamp, slice.timestamp);
        }
        return timestamp;
    }

    /** Whether some subtask has a closed slice waiting. */
    private boolean hasPending() {
        for (int s = 0; s < queues.size(); s++) {
            if (hasClosed(s)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasClosed(int subtask) {
        for (Slice<A> slice : queues.get(subtask)) {
            if (slice.kind == Slice.CLOSED) {
                return true;
            }
        }
        return false;
    }

    private List<Slice<A>> nextCount(long now) {
        if (!hasPending()) {
            return null;
        }
        boolean timedOut = waitingSince >= 0 && now - waitingSince >= maxBatchDelayMs;
        boolean[] ready = new boolean[queues.size()];
        for (int s = 0; s < queues.size(); s++) {
            ready[s] = hasClosed(s);
            if (!ready[s] && !idle[s] && !ended[s] && !timedOut) {
                return null;
            }
        }
        List<Slice<A>> batch = new ArrayList<>();
        for (int s = 0; s < queues.size(); s++) {
            // A subtask's pieces, up to and with its closed slice; a later slice's pieces wait.
            while (ready[s]) {
                Slice<A> slice = queues.get(s).poll();
                batch.add(slice);
                ready[s] = slice.kind != Slice.CLOSED;
            }
        }
        return batch;
    }

    private List<Slice<A>> nextWindow() {
        long start = Long.MAX_VALUE;
        for (ArrayDeque<Slice<A>> queue : queues) {
            if (!queue.isEmpty()) {
                start = Math.min(start, queue.peek().start);
            }
        }
        if (start == Long.MAX_VALUE) {
            return null;
        }
        // The first batch: everything that overlaps, transitively, the earliest slice.
        long end = start + 1;
        int[] taken = new int[queues.size()];
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int s = 0; s < queues.size(); s++) {
                int i = 0;
                for (Slice<A> slice : queues.get(s)) {
                    if (slice.start >= end) {
                        break;
                    }
                    end = Math.max(end, slice.end);
                    i++;
                }
                if (i > taken[s]) {
                    taken[s] = i;
                    grew = true;
                }
            }
        }
        for (int s = 0; s < queues.size(); s++) {
            if (!idle[s] && lowMarks[s] < end - 1) {
                return null;
            }
        }
        List<Slice<A>> batch = new ArrayList<>();
        for (int s = 0; s < queues.size(); s++) {
            for (int i = 0; i < taken[s]; i++) {
                batch.add(queues.get(s).poll());
            }
        }
        return batch;
    }

    /** The slices not yet in a batch, for a snapshot. */
    public List<Slice<A>> pending() {
        List<Slice<A>> pending = new ArrayList<>();
        queues.forEach(pending::addAll);
        return pending;
    }

    /** Per subtask: its low mark, and whether it is idle or ended, for a snapshot. */
    public List<Long> subtaskStatus() {
        List<Long> status = new ArrayList<>();
        for (int s = 0; s < queues.size(); s++) {
            status.add(lowMarks[s]);
            status.add((idle[s] ? 1L : 0L) | (ended[s] ? 2L : 0L));
        }
        return status;
    }

    /** Restores what {@link #pending} and {@link #subtaskStatus} returned, at time {@code now}. */
    public void restore(Iterable<Slice<A>> pending, Iterable<Long> status, long now) {
        List<Long> values = new ArrayList<>();
        status.forEach(values::add);
        for (int s = 0; s < queues.size() && 2 * s + 1 < values.size(); s++) {
            lowMarks[s] = values.get(2 * s);
            idle[s] = (values.get(2 * s + 1) & 1) != 0;
            ended[s] = (values.get(2 * s + 1) & 2) != 0;
        }
        for (Slice<A> slice : pending) {
            queues.get(slice.subtask).add(slice);
        }
        waitingSince = hasPending() ? now : -1;
    }
}
