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
package io.streamml.testutil;

import org.apache.flink.util.ExceptionUtils;

/** Assertions on the cause chain of a job's failure. */
public final class Causes {
    private Causes() {}

    /** Fails unless some cause in the chain of {@code e} has a message containing {@code text}. */
    public static void assertCauseContains(Throwable e, String text) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(text)) {
                return;
            }
            messages.append(cause.getMessage()).append('\n');
        }
        throw new AssertionError(
                "No cause mentions '"
                        + text
                        + "':\n"
                        + messages
                        + ExceptionUtils.stringifyException(e));
    }
}
