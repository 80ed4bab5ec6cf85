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
package io.streamml.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;

/**
 * Count, mean and sum of squared deviations of a stream of values (Welford's update, Chan et al.'s
 * merge), e.g. a mini-batch's per-row errors summed by several tasks and merged by one.
 */
public final class ScalarMoments implements Serializable {
    private static final long serialVersionUID = 1L;

    private long count;
    private double mean;
    private double squaredDeviations;

    public ScalarMoments() {}

    /** The moments of {@code count} values with this mean and sum of squared deviations. */
    public ScalarMoments(long count, double mean, double squaredDeviations) {
        if (count < 0 || !Double.isFinite(mean) || !(squaredDeviations >= 0)) {
            throw new IllegalArgumentException(
                    "invalid moments: count "
                            + count
                            + ", mean "
                            + mean
                            + ", squared deviations "
                            + squaredDeviations);
        }
        this.count = count;
        this.mean = count > 0 ? mean : 0;
        this.squaredDeviations = count > 0 ? squaredDeviations : 0;
    }

    public ScalarMoments add(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        squaredDeviations += delta * (value - mean);
        return this;
    }

    public ScalarMoments merge(ScalarMoments other) {
        if (other.count == 0) {
            return this;
        }
        long total = count + other.count;
        double delta = other.mean - mean;
        mean += delta * ((double) other.count / total);
        squaredDeviations +=
                other.squaredDeviations + delta * delta * ((double) count * other.count / total);
        count = total;
        return this;
    }

    public long count() {
        return count;
    }

    /** The mean, NaN while empty. */
    public double mean() {
        return count > 0 ? mean : Double.NaN;
    }

    /** Σ (x − mean)². */
    public double squaredDeviations() {
        return squaredDeviations;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeDouble(mean);
        out.writeDouble(squaredDeviations);
    }

    public static ScalarMoments readFrom(DataInput in) throws IOException {
        try {
            return new ScalarMoments(in.readLong(), in.readDouble(), in.readDouble());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
