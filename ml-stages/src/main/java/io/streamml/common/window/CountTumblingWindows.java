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

import org.apache.flink.util.Preconditions;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * Windows of a fixed number of elements of the whole stream. A partial last window is emitted when
 * a bounded input ends.
 */
public final class CountTumblingWindows extends Windows {
    static final String TYPE = "countTumbling";
    private final long size;

    private CountTumblingWindows(long size) {
        Preconditions.checkArgument(size > 0, "Count window size must be positive: %s", size);
        this.size = size;
    }

    public static CountTumblingWindows of(long size) {
        return new CountTumblingWindows(size);
    }

    public long getSize() {
        return size;
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    void writeJson(ObjectNode node) {
        node.put("type", TYPE).put("size", size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountTumblingWindows && ((CountTumblingWindows) o).size == size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(TYPE, size);
    }

    @Override
    public String toString() {
        return "CountTumblingWindows.of(" + size + ")";
    }
}
