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

import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.util.Preconditions;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * Event-time session windows: a window closes after a gap without rows; its end is the version's
 * timestamp.
 */
public final class EventTimeSessionWindows extends Windows {
    static final String TYPE = "eventTimeSession";
    // Time is not Serializable, so the size is kept in milliseconds.
    private final long gapMs;

    private EventTimeSessionWindows(Time gap) {
        Preconditions.checkArgument(
                gap.toMilliseconds() > 0, "Window gap must be positive: %s", gap);
        this.gapMs = gap.toMilliseconds();
    }

    public static EventTimeSessionWindows withGap(Time gap) {
        return new EventTimeSessionWindows(gap);
    }

    public Time getGap() {
        return Time.milliseconds(gapMs);
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    void writeJson(ObjectNode node) {
        node.put("type", TYPE).put("gapMs", gapMs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventTimeSessionWindows && ((EventTimeSessionWindows) o).gapMs == gapMs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(TYPE, gapMs);
    }

    @Override
    public String toString() {
        return "EventTimeSessionWindows.withGap(" + gapMs + " ms)";
    }
}
