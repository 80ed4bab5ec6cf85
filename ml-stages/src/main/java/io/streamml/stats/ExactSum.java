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
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The exact sum of doubles, whatever the order they are added or merged in: a fixed-point number of
 * 32-bit limbs covering only the binary exponents actually seen. Floating-point sums depend on the
 * order of additions, so a parallel fit would change in its last bits with the parallelism; this
 * one cannot.
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final long MASK = 0xFFFFFFFFL;

    /** Adds (or merges) after which carries are propagated; each adds below 2^32 per limb. */
    private static final int NORMALIZE_EVERY = 1 << 29;

    /** limbs[k] weighs 2^(32·(base + k) − 1074); values are kept in range by normalize(). */
    private long[] limbs;

    private int base;
    private int pendingAdds;

    public ExactSum() {}

    /** Adds a finite double exactly. */
    public void add(double x) {
        addScaled(x, 0);
    }

    /**
     * Adds x · 2^{@code powerOfTwo} exactly, for a finite x and {@code powerOfTwo} ≥ 0: a value
     * beyond double range (a square of a large double) can be summed in parts without overflowing.
     */
    public void addScaled(double x, int powerOfTwo) {
        if (powerOfTwo < 0) {
            throw new IllegalArgumentException("powerOfTwo must be non-negative: " + powerOfTwo);
        }
        if (x == 0) {
            return;
        }
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) ((bits >>> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        // x = ±mantissa · 2^(position − 1074) with position ≥ 0.
        int position;
        if (exponent == 0) {
            position = 0;
        } else {
            mantissa |= 1L << 52;
            position = exponent - 1;
        }
        position += powerOfTwo;
        int limb = position >>> 5;
        int shift = position & 31;
        long low = mantissa << shift;
        long high = shift == 0 ? 0 : mantissa >>> (64 - shift);
        ensureRange(limb, limb + 3);
        int k = limb - base;
        if (bits < 0) {
            limbs[k] -= low & MASK;
            limbs[k + 1] -= low >>> 32;
            limbs[k + 2] -= high;
        } else {
            limbs[k] += low & MASK;
            limbs[k + 1] += low >>> 32;
            limbs[k + 2] += high;
        }
        if (++pendingAdds >= NORMALIZE_EVERY) {
            normalize();
        }
    }

    /** Adds everything {@code other} holds. */
    public void add(ExactSum other) {
        if (other.limbs == null) {
            return;
        }
        other.normalize();
        normalize();
        ensureRange(other.base, other.base + other.limbs.length);
        for (int k = 0; k < other.limbs.length; k++) {
            limbs[other.base + k - base] += other.limbs[k];
        }
        pendingAdds++;
    }

    /** The exact value. */
    public BigDecimal toBigDecimal() {
        if (limbs == null) {
            return BigDecimal.ZERO;
        }
        BigInteger integer = BigInteger.ZERO;
        for (int k = limbs.length - 1; k >= 0; k--) {
            integer = integer.shiftLeft(32).add(BigInteger.valueOf(limbs[k]));
        }
        int exponent = 32 * base - 1074;
        if (exponent >= 0) {
            return new BigDecimal(integer.shiftLeft(exponent));
        }
        // integer / 2^e = integer · 5^e / 10^e, exactly.
        return new BigDecimal(integer.multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
    }

    public ExactSum copy() {
        ExactSum copy = new ExactSum();
        copy.limbs = limbs == null ? null : limbs.clone();
        copy.base = base;
        copy.pendingAdds = pendingAdds;
        return copy;
    }

    /** Propagates carries so every limb but the top one lies in [0, 2^32). */
    private void normalize() {
        if (limbs == null || pendingAdds == 0) {
            return;
        }
        for (int k = 0; k < limbs.length - 1; k++) {
            long carry = limbs[k] >> 32;
            limbs[k] -= carry << 32;
            limbs[k + 1] += carry;
        }
        long top = limbs[limbs.length - 1];
        if (top >= (1L << 32) || top < -(1L << 32)) {
            ensureRange(base, base + limbs.length + 1);
            normalize();
        }
        pendingAdds = 0;
    }

    /** Makes limbs cover [from, to), keeping two spare limbs on top for carries. */
    private void ensureRange(int from, int to) {
        if (limbs == null) {
            base = from;
            limbs = new long[to - from + 2];
            return;
        }
        int newBase = Math.min(base, from);
        int newEnd = Math.max(base + limbs.length, to + 2);
        if (newBase == base && newEnd == base + limbs.length) {
            return;
        }
        long[] grown = new long[newEnd - newBase];
        System.arraycopy(limbs, 0, grown, base - newBase, limbs.length);
        limbs = grown;
        base = newBase;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(base);
        out.writeInt(pendingAdds);
        out.writeInt(limbs == null ? -1 : limbs.length);
        if (limbs != null) {
            for (long limb : limbs) {
                out.writeLong(limb);
            }
        }
    }

    public static ExactSum readFrom(DataInput in) throws IOException {
        ExactSum sum = new ExactSum();
        sum.base = in.readInt();
        sum.pendingAdds = in.readInt();
        int length = in.readInt();
        if (length >= 0) {
            sum.limbs = new long[length];
            for (int k = 0; k < length; k++) {
                sum.limbs[k] = in.readLong();
            }
        }
        return sum;
    }
}
