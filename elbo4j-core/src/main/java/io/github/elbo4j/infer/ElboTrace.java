package io.github.elbo4j.infer;

import java.util.Arrays;

/**
 * The ELBO of a fit, step by step, with what each value is. One type for every method:
 * stochastic VI records one noisy estimate per step, deterministic (fixed-draw) VI the objective
 * at each evaluation of its minimizer, and coordinate ascent the exact ELBO after each sweep
 * (non-decreasing in exact arithmetic: Blei, Kucukelbir &amp; McAuliffe, JASA 112(518), 2017,
 * sec. 2.4), preceded by the initial ELBO where the fit has one: the conjugate models record it,
 * the mixture and LDA do not (their bound needs the local factors a sweep computes). So the
 * number of sweeps is the fit's to say, not the trace's.
 *
 * @param values the values, in order (copied in and out)
 * @param kind   what a value is
 */
public record ElboTrace(double[] values, Kind kind) {

    /** What one value of the trace is. */
    public enum Kind {
        /** A Monte Carlo estimate from the step's own draws (stochastic VI). */
        STOCHASTIC,
        /** The fixed-draw (sample-average) objective at one evaluation of a deterministic minimizer. */
        DETERMINISTIC,
        /** The exact ELBO after each sweep, preceded by the initial one where the fit has it (coordinate ascent). */
        EXACT
    }

    /**
     * Copies the values; an exact trace must hold at least one value, all finite.
     *
     * @throws IllegalArgumentException if {@code kind} is null, or an exact trace is empty or holds
     *     a non-finite value, e.g. {@code ElboTrace values[1] must be finite, got NaN}
     */
    public ElboTrace {
        values = values.clone();
        if (kind == null) {
            throw new IllegalArgumentException("ElboTrace kind must be given");
        }
        if (kind == Kind.EXACT) {
            if (values.length == 0) {
                throw new IllegalArgumentException("ElboTrace values of an exact trace must not be empty, got length 0");
            }
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("ElboTrace values[" + i + "] must be finite, got " + values[i]);
                }
            }
        }
    }

    /** The exact ELBO of a coordinate-ascent fit, after each sweep and, where the fit has it, before the first. */
    public static ElboTrace exact(double[] perSweep) {
        return new ElboTrace(perSweep, Kind.EXACT);
    }

    /** The first value. */
    public double first() {
        if (values.length == 0) {
            throw new IllegalStateException("the ELBO trace is empty");
        }
        return values[0];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The number of values. */
    public int length() {
        return values.length;
    }

    /** The last value. */
    public double last() {
        if (values.length == 0) {
            throw new IllegalStateException("the ELBO trace is empty");
        }
        return values[values.length - 1];
    }

    /**
     * The final ELBO: the mean of the last {@code min(100, n)} estimates for a stochastic trace
     * (one estimate is noisy), the last value otherwise.
     */
    public double finalValue() {
        if (kind != Kind.STOCHASTIC) {
            return last();
        }
        int n = Math.min(100, values.length);
        double s = 0;
        for (int i = values.length - n; i < values.length; i++) {
            s += values[i];
        }
        return s / n;
    }

    /**
     * The largest drop between consecutive values relative to the earlier one,
     * {@code max_s (L_{s-1} - L_s) / |L_{s-1}|}, or 0 if the sequence never decreases: for an exact
     * trace, a check that coordinate ascent never lowers the ELBO.
     */
    public double largestRelativeDecrease() {
        double worst = 0;
        for (int s = 1; s < values.length; s++) {
            double drop = values[s - 1] - values[s];
            if (drop > 0) {
                worst = Math.max(worst, drop / Math.max(Math.abs(values[s - 1]), Double.MIN_NORMAL));
            }
        }
        return worst;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElboTrace t && kind == t.kind && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + kind.hashCode();
    }

    @Override
    public String toString() {
        return "ElboTrace[" + kind + ", " + values.length + " values" + (values.length > 0 ? ", last " + last() : "") + "]";
    }
}
