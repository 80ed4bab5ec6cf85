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

/**
 * The Page–Hinkley test for an increase of the mean of a stream, e.g. a model's loss getting worse.
 *
 * <p>Since its last reset the detector keeps the running mean x̄_t of the values (x̄_t includes
 * x_t) and the cumulative deviation m_t = α·m_{t−1} + (x_t − x̄_t − δ), with m_0 = 0. The statistic
 * is PH_t = m_t − min_{s≤t} m_s: how far the cumulative deviation has climbed from its lowest
 * point. While the mean is stable each step adds about −δ, so m_t drifts down and PH_t stays small;
 * after the mean rises by more than δ, m_t climbs and a drift is signalled once PH_t > λ, provided
 * at least {@code minInstances} values have been seen since the last reset. The forgetting factor α
 * &lt; 1 slowly discounts old deviations. Decreases of the mean (the model getting better) are
 * deliberately not reported.
 *
 * <p>This is the one-sided ("up") variant of the test as described by River's {@code PageHinkley},
 * with the same defaults: δ = 0.005, λ = 50, α = 1 − 1e-4, 30 minimum instances. λ is in the units
 * of the values times a number of steps: a rise of the mean by d is detected after roughly λ / (d −
 * δ) values.
 *
 * <p>After signalling a drift the detector resets at the start of the next {@link #update(double)},
 * so the state that triggered it stays inspectable in between.
 */
public final class PageHinkley implements DriftDetector {
    private static final long serialVersionUID = 1L;

    public static final double DEFAULT_DELTA = 0.005;
    public static final double DEFAULT_LAMBDA = 50;
    public static final double DEFAULT_ALPHA = 1 - 1e-4;
    public static final int DEFAULT_MIN_INSTANCES = 30;

    private final double delta;
    private final double lambda;
    private final double alpha;
    private final int minInstances;

    private long valuesSinceReset;
    private double mean;
    private double cumulativeDeviation;
    private double minimumCumulativeDeviation;
    private boolean driftSignalled;

    private long valuesSeen;
    private long driftsDetected;

    /** A detector with River's defaults. */
    public PageHinkley() {
        this(DEFAULT_DELTA, DEFAULT_LAMBDA, DEFAULT_ALPHA, DEFAULT_MIN_INSTANCES);
    }

    /**
     * @param delta magnitude of change of the mean that is tolerated, ≥ 0
     * @param lambda detection threshold on the statistic, &gt; 0
     * @param alpha forgetting factor of the cumulative deviation, in (0, 1]
     * @param minInstances values needed after a reset before a drift can be signalled, ≥ 1
     */
    public PageHinkley(double delta, double lambda, double alpha, int minInstances) {
        if (!(delta >= 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("delta must be finite and >= 0, got " + delta);
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and > 0, got " + lambda);
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        if (minInstances < 1) {
            throw new IllegalArgumentException("minInstances must be >= 1, got " + minInstances);
        }
        this.delta = delta;
        this.lambda = lambda;
        this.alpha = alpha;
        this.minInstances = minInstances;
        reset();
    }

    @Override
    public boolean update(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value is " + value + ", must be finite");
        }
        if (driftSignalled) {
            reset();
        }
        valuesSeen++;
        valuesSinceReset++;
        mean += (value - mean) / valuesSinceReset;
        cumulativeDeviation = alpha * cumulativeDeviation + (value - mean - delta);
        minimumCumulativeDeviation = Math.min(minimumCumulativeDeviation, cumulativeDeviation);
        driftSignalled = valuesSinceReset >= minInstances && statistic() > lambda;
        if (driftSignalled) {
            driftsDetected++;
        }
        return driftSignalled;
    }

    /** The Page–Hinkley statistic m_t − min m_s; a drift is signalled when it exceeds λ. */
    @Override
    public double statistic() {
        return cumulativeDeviation - minimumCumulativeDeviation;
    }

    @Override
    public long valuesSeen() {
        return valuesSeen;
    }

    @Override
    public long driftsDetected() {
        return driftsDetected;
    }

    /** Number of values since the last reset, which {@code minInstances} is compared with. */
    public long valuesSinceReset() {
        return valuesSinceReset;
    }

    /** Running mean of the values since the last reset, 0 right after a reset. */
    public double mean() {
        return mean;
    }

    public double delta() {
        return delta;
    }

    public double lambda() {
        return lambda;
    }

    public double alpha() {
        return alpha;
    }

    public int minInstances() {
        return minInstances;
    }

    private void reset() {
        valuesSinceReset = 0;
        mean = 0;
        cumulativeDeviation = 0;
        minimumCumulativeDeviation = 0;
        driftSignalled = false;
    }
}
