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
package io.streamml.linear.bounded;

import org.apache.flink.annotation.Internal;

/** Bounded training: the point the workers evaluate in round {@code round}; round −1 is none. */
@Internal
public class RoundPoint {
    public int round;
    public double[] parameters;

    public RoundPoint() {}

    RoundPoint(int round, double[] parameters) {
        this.round = round;
        this.parameters = parameters;
    }
}
