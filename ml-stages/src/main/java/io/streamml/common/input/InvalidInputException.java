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
package io.streamml.common.input;

import org.apache.flink.ml.linalg.Vector;

import java.lang.reflect.Array;

/**
 * A value a stage cannot use, named by stage, column, a short description of the value and the
 * reason. The rest of the row is left out: error messages end up in logs, and a row's features are
 * the user's data.
 */
public class InvalidInputException extends BadDataException {
    private static final long serialVersionUID = 1L;

    /** Longest part of a string value the message quotes. */
    private static final int MAX_QUOTED_CHARS = 40;

    /** For a stage without handleInvalid: the message gives no advice about it. */
    public InvalidInputException(String stage, String column, Object value, String reason) {
        this(stage, column, value, reason, false);
    }

    InvalidInputException(
            String stage, String column, Object value, String reason, boolean skippable) {
        this(stage, column, reason, skippable, describe(value));
    }

    /** For values already described, e.g. several rows at once. */
    private InvalidInputException(
            String stage, String column, String reason, boolean skippable, String description) {
        super(
                String.format(
                        "%s: invalid value in column '%s' (%s): %s.%s",
                        stage,
                        column,
                        description,
                        reason,
                        skippable
                                ? " Set handleInvalid to 'skip' to drop and count such rows."
                                : ""));
    }

    /** Rows rejected together, {@code description} naming them (e.g. by count and size). */
    static InvalidInputException ofRows(
            String stage, String column, String description, String reason, boolean skippable) {
        return new InvalidInputException(stage, column, reason, skippable, description);
    }

    /** A number as it is; a vector by its class and size, not its values; a string shortened. */
    static String describe(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Vector) {
            return "a " + value.getClass().getSimpleName() + " of size " + ((Vector) value).size();
        }
        if (value instanceof double[] || value instanceof Double[]) {
            return "an array of size " + Array.getLength(value);
        }
        if (value instanceof CharSequence) {
            String text = value.toString();
            return "'"
                    + (text.length() > MAX_QUOTED_CHARS
                            ? text.substring(0, MAX_QUOTED_CHARS) + "…"
                            : text)
                    + "'";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
