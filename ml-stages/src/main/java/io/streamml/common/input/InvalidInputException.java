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

import org.apache.flink.types.Row;

/** A row a stage cannot use, named by stage, column, row content and reason. */
public class InvalidInputException extends BadDataException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String stage, String column, Row row, String reason) {
        super(
                String.format(
                        "%s: invalid value in column '%s' of row %s: %s. "
                                + "Set handleInvalid to 'skip' to drop and count such rows.",
                        stage, column, row, reason));
    }
}
