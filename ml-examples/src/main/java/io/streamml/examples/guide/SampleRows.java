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
package io.streamml.examples.guide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated CSV rows {@code id,x1,x2,x3[,label]} for the guide's programs when they are run without
 * a file: x1 ~ N(50, 10²), x2 ~ U(0, 1), x3 ~ N(0, 1), and label 1 with probability σ(0.08·(x1 −
 * 50) − 2·x2 + 1.5·x3 + 1).
 */
public final class SampleRows {
    private SampleRows() {}

    /** Writes {@code count} rows to a temporary file, deleted on exit, and returns its path. */
    public static String write(int count, boolean labeled) throws IOException {
        Random random = new Random(labeled ? 1 : 2);
        List<String> lines = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            double x1 = 50 + 10 * random.nextGaussian();
            double x2 = random.nextDouble();
            double x3 = random.nextGaussian();
            String line = id + "," + x1 + "," + x2 + "," + x3;
            if (labeled) {
                double logit = 0.08 * (x1 - 50) - 2 * x2 + 1.5 * x3 + 1;
                double label = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
                line += "," + label;
            }
            lines.add(line);
        }
        Path file = Files.createTempFile("streamml-sample-rows", ".csv");
        file.toFile().deleteOnExit();
        Files.write(file, lines);
        return file.toString();
    }
}
