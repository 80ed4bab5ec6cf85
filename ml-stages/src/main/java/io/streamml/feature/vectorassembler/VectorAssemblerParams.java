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
package io.streamml.feature.vectorassembler;

import io.streamml.common.param.HasHandleInvalidWithKeep;
import io.streamml.common.param.HasOutputCol;

import org.apache.flink.ml.common.param.HasInputCols;
import org.apache.flink.ml.param.IntArrayParam;
import org.apache.flink.ml.param.Param;

/** Params of {@link VectorAssembler}. */
public interface VectorAssemblerParams<T>
        extends HasInputCols<T>, HasOutputCol<T>, HasHandleInvalidWithKeep<T> {
    Param<Integer[]> INPUT_SIZES =
            new IntArrayParam(
                    "inputSizes",
                    "Size of each input column, in the order of inputCols: 1 for a numeric column,"
                            + " the vector size for a vector column.",
                    null,
                    sizes -> {
                        if (sizes == null || sizes.length == 0) {
                            return false;
                        }
                        for (Integer size : sizes) {
                            if (size == null || size <= 0) {
                                return false;
                            }
                        }
                        return true;
                    });

    default Integer[] getInputSizes() {
        return get(INPUT_SIZES);
    }

    default T setInputSizes(Integer... value) {
        return set(INPUT_SIZES, value);
    }
}
