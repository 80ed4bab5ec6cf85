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
 * Tumbling windows of a fixed event-time size; model versions carry the window end as timestamp.
 */
public final class EventTimeTumblingWindows extends Windows {
    static final String TYPE = "eventTimeTumbling";
    // Time is not Serializable, so the size is kept in milliseconds.
    private final long sizeMs;

    private EventTimeTumblingWindows(Time size) {
        Preconditions.checkArgument(
                size.toMilliseconds() > 0, "Window size must be positive: %s", size);
        this.sizeMs = size.toMilliseconds();
    }

    public static EventTimeTumblingWindows of(Time size) {
        return new EventTimeTumblingWindows(size);
    }

    public Time getSize() {
        return Time.milliseconds(sizeMs);
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    void writeJson(ObjectNode node) {
        node.put("type", TYPE).put("sizeMs", sizeMs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventTimeTumblingWindows
                && ((EventTimeTumblingWindows) o).sizeMs == sizeMs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(TYPE, sizeMs);
    }

    @Override
    public String toString() {
        return "EventTimeTumblingWindows.of(" + sizeMs + " ms)";
    }
}
