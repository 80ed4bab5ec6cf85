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

import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.streaming.api.windowing.time.Time;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Serializable;

/**
 * How an online fit cuts an unbounded input into the batches after which it emits a model version,
 * shaped like Flink ML 2.2's {@code Windows}: {@link CountTumblingWindows}, {@link
 * EventTimeTumblingWindows}, {@link ProcessingTimeTumblingWindows} and {@link
 * EventTimeSessionWindows}.
 */
public abstract class Windows implements Serializable {
    private static final long serialVersionUID = 1L;

    Windows() {}

    /** Whether windows follow event time, so their end is the model version's timestamp. */
    public abstract boolean isEventTime();

    /** Type name and size or gap, for JSON. */
    abstract void writeJson(ObjectNode node);

    /** Encodes windows as JSON, for params. */
    public static String toJson(Windows windows) throws IOException {
        ObjectNode node = ReadWriteUtils.OBJECT_MAPPER.createObjectNode();
        windows.writeJson(node);
        return ReadWriteUtils.OBJECT_MAPPER.writeValueAsString(node);
    }

    /** Decodes what {@link #toJson} wrote. */
    public static Windows fromJson(String json) throws IOException {
        JsonNode node = ReadWriteUtils.OBJECT_MAPPER.readTree(json);
        String type = node.get("type").asText();
        switch (type) {
            case CountTumblingWindows.TYPE:
                return CountTumblingWindows.of(node.get("size").asLong());
            case EventTimeTumblingWindows.TYPE:
                return EventTimeTumblingWindows.of(Time.milliseconds(node.get("sizeMs").asLong()));
            case ProcessingTimeTumblingWindows.TYPE:
                return ProcessingTimeTumblingWindows.of(
                        Time.milliseconds(node.get("sizeMs").asLong()));
            case EventTimeSessionWindows.TYPE:
                return EventTimeSessionWindows.withGap(
                        Time.milliseconds(node.get("gapMs").asLong()));
            default:
                throw new IOException("Unknown windows type '" + type + "' in " + json);
        }
    }
}
