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
package io.streamml.linear;

/**
 * How a bounded fit went: the rounds it ran, the objective at each round's point (for SGD: the mean
 * batch loss), the wall-clock milliseconds from the start of training to the end of each round,
 * whether it converged and why it stopped. As a Table: columns {@code rounds} (INT), {@code losses}
 * (RAW {@code double[]}), {@code elapsedMs} (RAW {@code long[]}), {@code converged} (BOOLEAN) and
 * {@code stopReason} (STRING).
 */
public class TrainingSummary {
    public int rounds;
    public double[] losses;
    public long[] elapsedMs;
    public boolean converged;
    public String stopReason;

    public TrainingSummary() {}

    public TrainingSummary(
            int rounds, double[] losses, long[] elapsedMs, boolean converged, String stopReason) {
        this.rounds = rounds;
        this.losses = losses;
        this.elapsedMs = elapsedMs;
        this.converged = converged;
        this.stopReason = stopReason;
    }
}
