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
package io.streamml.benchmarks.report;

/** One ratio of the report, as the chart draws it. */
final class Ratio {
    /** What the ratio sets against what. */
    enum Kind {
        /** Ours against flink-ml-lib 2.0.0: above 1 means ours is faster. */
        VERSUS_PEER("against flink-ml-lib 2.0.0 (above 1: ours faster)"),
        /** Ours as a fraction of a limit: the engine's pass-through or the hardware. */
        OF_LIMIT("of the engine's or hardware's limit (1 = at the limit)");

        final String legend;

        Kind(String legend) {
            this.legend = legend;
        }
    }

    final String label;
    final double value;
    final Kind kind;

    Ratio(String label, double value, Kind kind) {
        this.label = label;
        this.value = value;
        this.kind = kind;
    }
}
