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
package io.streamml.linear.training;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.iteration.DataStreamList;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes an iteration's round messages travel at once. A round is one model out and one reply per
 * subtask back; with Flink's default buffer timeout each hop waits up to 100 ms for a buffer to
 * fill, about 200 ms per round, and the iteration's own head and tail operators take the
 * environment's default. So every operator on the message path gets buffer timeout 0, while the
 * high-volume path of training rows stays batched.
 */
@Internal
public final class IterationLatency {
    private IterationLatency() {}

    /**
     * Sets buffer timeout 0 on every transformation behind {@code outputs}, walking from each into
     * the inputs {@code messageInputs} gives for it (leaving out the inputs that carry rows).
     */
    public static void flushAtOnce(
            DataStreamList outputs,
            Function<Transformation<?>, List<Transformation<?>>> messageInputs) {
        Set<Transformation<?>> visited = new HashSet<>();
        Deque<Transformation<?>> toVisit = new ArrayDeque<>();
        for (int i = 0; i < outputs.size(); i++) {
            toVisit.add(outputs.get(i).getTransformation());
        }
        while (!toVisit.isEmpty()) {
            Transformation<?> t = toVisit.poll();
            if (visited.add(t)) {
                t.setBufferTimeout(0);
                toVisit.addAll(messageInputs.apply(t));
            }
        }
    }
}
