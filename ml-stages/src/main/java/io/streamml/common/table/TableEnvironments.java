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
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.internal.TableImpl;

/** Finds the stream table environment a Table belongs to. */
@Internal
public final class TableEnvironments {
    private TableEnvironments() {}

    public static StreamTableEnvironment of(Table table) {
        Object env = ((TableImpl) table).getTableEnvironment();
        if (!(env instanceof StreamTableEnvironment)) {
            throw new IllegalArgumentException(
                    "Flink Stream ML stages need Tables of a StreamTableEnvironment, got "
                            + env.getClass().getName());
        }
        return (StreamTableEnvironment) env;
    }
}
