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
package io.streamml.common.model;

/**
 * Model data that carries its version and timestamp. Versions only grow: a scoring operator keeps
 * the highest version it has seen. The timestamp is the largest event time (or window end) the
 * version has learned from, or {@code Long.MAX_VALUE} without event time.
 */
public interface VersionedModelData {
    long getModelVersion();

    long getTimestamp();
}
