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
package io.streamml.common.param;

import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.ParamValidators;
import org.apache.flink.ml.param.StringParam;
import org.apache.flink.ml.param.WithParams;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The handleInvalid param with Flink ML 2.3's third option, "keep", for stages that can carry an
 * invalid value on (e.g. as NaN) instead of failing or dropping the row; what "keep" keeps is up to
 * the stage. Flink ML 2.0's {@code HasHandleInvalid} allows only "error" and "skip", and a stage
 * must not have both: they share the name "handleInvalid".
 */
public interface HasHandleInvalidWithKeep<T> extends WithParams<T> {
    String ERROR_INVALID = "error";
    String SKIP_INVALID = "skip";
    String KEEP_INVALID = "keep";

    /** Every value of {@link #HANDLE_INVALID}. */
    List<String> HANDLE_INVALID_OPTIONS =
            Collections.unmodifiableList(Arrays.asList(ERROR_INVALID, SKIP_INVALID, KEEP_INVALID));

    Param<String> HANDLE_INVALID =
            new StringParam(
                    "handleInvalid",
                    "Strategy to handle invalid entries: error, skip or keep.",
                    ERROR_INVALID,
                    ParamValidators.inArray(HANDLE_INVALID_OPTIONS.toArray(new String[0])));

    default String getHandleInvalid() {
        return get(HANDLE_INVALID);
    }

    default T setHandleInvalid(String value) {
        return set(HANDLE_INVALID, value);
    }
}
