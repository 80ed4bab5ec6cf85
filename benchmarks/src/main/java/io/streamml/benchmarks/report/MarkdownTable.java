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

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured markdown table: a header, then rows; columns after the first align right. */
final class MarkdownTable {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = header;
    }

    MarkdownTable row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException(
                    cells.length + " cells for " + header.length + " columns");
        }
        rows.add(cells);
        return this;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        String[] rule = new String[header.length];
        rule[0] = "---";
        for (int i = 1; i < rule.length; i++) {
            rule[i] = "---:";
        }
        line(out, rule);
        for (String[] row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }
}
