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
package io.streamml.common.table;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.transformations.LegacySourceTransformation;
import org.apache.flink.streaming.api.transformations.SourceTransformation;
import org.apache.flink.table.api.Table;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether an input is bounded: it is when every source it reads from is bounded. Estimators
 * fit to the optimum on bounded input and online on unbounded input.
 */
@Internal
public final class InputBoundedness {
    private InputBoundedness() {}

    /** Whether every source behind the Table is bounded. */
    public static boolean isBounded(Table table) {
        return isBounded(TableEnvironments.of(table).toDataStream(table));
    }

    /** Whether every source behind the stream is bounded. */
    public static boolean isBounded(DataStream<?> stream) {
        Deque<Transformation<?>> toVisit = new ArrayDeque<>();
        Set<Integer> visited = new HashSet<>();
        toVisit.add(stream.getTransformation());
        while (!toVisit.isEmpty()) {
            Transformation<?> t = toVisit.poll();
            if (!visited.add(t.getId())) {
                continue;
            }
            if (t instanceof SourceTransformation) {
                if (((SourceTransformation<?, ?, ?>) t).getBoundedness() != Boundedness.BOUNDED) {
                    return false;
                }
            } else if (t instanceof LegacySourceTransformation) {
                if (((LegacySourceTransformation<?>) t).getBoundedness() != Boundedness.BOUNDED) {
                    return false;
                }
            } else if (t.getInputs().isEmpty()) {
                // A leaf we do not know (e.g. an iteration's feedback): assume it never ends.
                return false;
            }
            toVisit.addAll(t.getInputs());
        }
        return true;
    }
}
