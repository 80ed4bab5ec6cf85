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
package io.streamml.drift;

import io.streamml.stats.ScalarMoments;

import java.util.Arrays;
import java.util.Random;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/** Seeded synthetic loss streams whose mean jumps at a known position. */
final class SyntheticLossStreams {
    private SyntheticLossStreams() {}

    /**
     * 0/1 losses (e.g. misclassifications) with mean {@code meanBefore} for the first {@code
     * changeAt} values and {@code meanAfter} for the rest.
     */
    static double[] bernoulli(
            long seed, int length, int changeAt, double meanBefore, double meanAfter) {
        Random random = new Random(seed);
        double[] losses = new double[length];
        for (int i = 0; i < length; i++) {
            double mean = i < changeAt ? meanBefore : meanAfter;
            losses[i] = random.nextDouble() < mean ? 1 : 0;
        }
        return losses;
    }

    /**
     * Gaussian losses with standard deviation {@code sigma} whose mean jumps at {@code changeAt}.
     */
    static double[] gaussian(
            long seed,
            int length,
            int changeAt,
            double meanBefore,
            double meanAfter,
            double sigma) {
        Random random = new Random(seed);
        double[] losses = new double[length];
        for (int i = 0; i < length; i++) {
            double mean = i < changeAt ? meanBefore : meanAfter;
            losses[i] = mean + sigma * random.nextGaussian();
        }
        return losses;
    }

    /**
     * Feeds {@code stream} in batches of {@code batch} values, each summarized by its moments;
     * returns the number of values fed when each detection happened.
     */
    static int[] batchDetections(DriftDetector detector, double[] stream, int batch) {
        int[] found = new int[stream.length / batch];
        int count = 0;
        for (int from = 0; from + batch <= stream.length; from += batch) {
            ScalarMoments moments = new ScalarMoments();
            for (int i = from; i < from + batch; i++) {
                moments.add(stream[i]);
            }
            if (detector.update(moments)) {
                found[count++] = from + batch;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** Positions (0-based) of the values at which {@code detector} signals a drift. */
    static int[] detectionPositions(DriftDetector detector, double[] stream) {
        int[] positions = new int[stream.length];
        int count = 0;
        for (int i = 0; i < stream.length; i++) {
            if (detector.update(stream[i])) {
                positions[count++] = i;
            }
        }
        return Arrays.copyOf(positions, count);
    }

    /**
     * Feeds {@code stream} to a fresh detector per seed and returns, per seed, the number of values
     * from {@code changeAt} to the first detection at or after it (−1 if none).
     */
    static int[] detectionDelays(
            Supplier<DriftDetector> newDetector,
            LongFunction<double[]> streamOfSeed,
            int seeds,
            int changeAt) {
        int[] delays = new int[seeds];
        for (int seed = 1; seed <= seeds; seed++) {
            delays[seed - 1] = -1;
            for (int position : detectionPositions(newDetector.get(), streamOfSeed.apply(seed))) {
                if (position >= changeAt) {
                    delays[seed - 1] = position - changeAt;
                    break;
                }
            }
        }
        return delays;
    }

    /** Number of detections in each seed's stream. */
    static int[] detectionCounts(
            Supplier<DriftDetector> newDetector, LongFunction<double[]> streamOfSeed, int seeds) {
        int[] counts = new int[seeds];
        for (int seed = 1; seed <= seeds; seed++) {
            counts[seed - 1] =
                    detectionPositions(newDetector.get(), streamOfSeed.apply(seed)).length;
        }
        return counts;
    }
}
