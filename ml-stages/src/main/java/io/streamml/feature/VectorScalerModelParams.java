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
package io.streamml.feature;

import io.streamml.common.param.HasInputCol;
import io.streamml.common.param.HasMaxAllowedModelDelayMs;
import io.streamml.common.param.HasModelVersionCol;
import io.streamml.common.param.HasOutputCol;

import org.apache.flink.ml.common.param.HasHandleInvalid;

/** Params every vector scaler model has: columns, invalid-row handling and model versions. */
public interface VectorScalerModelParams<T>
        extends HasInputCol<T>,
                HasOutputCol<T>,
                HasHandleInvalid<T>,
                HasModelVersionCol<T>,
                HasMaxAllowedModelDelayMs<T> {}
