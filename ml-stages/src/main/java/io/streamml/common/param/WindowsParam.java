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

import io.streamml.common.window.Windows;

import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.ParamValidator;

import java.io.IOException;

/** A param of {@link Windows}, stored as {@code {"type": ..., "size"/"gap": ...}} JSON. */
public class WindowsParam extends Param<Windows> {
    public WindowsParam(
            String name,
            String description,
            Windows defaultValue,
            ParamValidator<Windows> validator) {
        super(name, Windows.class, description, defaultValue, validator);
    }

    @Override
    public String jsonEncode(Windows value) throws IOException {
        return value == null ? "null" : Windows.toJson(value);
    }

    @Override
    public Windows jsonDecode(String json) throws IOException {
        return "null".equals(json) ? null : Windows.fromJson(json);
    }
}
