package io.github.elbo4j.cavi;

import java.util.Arrays;

/**
 * The exact evidence lower bound of a coordinate-ascent fit, sweep by sweep:
 * {@code values[0]} is the ELBO of the initial variational distribution and {@code values[s]} the
 * ELBO after sweep {@code s}, so a fit of {@code s} sweeps has {@code s + 1} values. CAVI maximizes
 * the ELBO over one factor at a time, so the sequence never decreases in exact arithmetic (Blei,
 * Kucukelbir &amp; McAuliffe 2017, JASA 112(518), §2.4); a decrease beyond rounding means a wrong
 * update or a wrong bound.
 *
 * <p>{@code converged} is {@code true} when the fit stopped because its stopping rule held, not
 * because it ran out of sweeps.
 *
 * @param values the ELBO before the first sweep and after each sweep (copied in and out)
 * @param converged whether the stopping rule held before the sweep limit
 */
public record ElboHistory(double[] values, boolean converged) {

    /**
     * @throws IllegalArgumentException if {@code values} is empty or holds a non-finite value
     */
    public ElboHistory {
        if (values.length == 0) {
            throw new IllegalArgumentException("ElboHistory values must hold the initial ELBO, got length 0");
        }
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("ElboHistory values[" + i + "] must be finite, got " + values[i]);
            }
        }
    }

    /** A copy of the ELBO values, initial first. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The number of sweeps run: {@code values().length - 1}. */
    public int sweeps() {
        return values.length - 1;
    }

    /** The ELBO of the initial variational distribution, before any sweep. */
    public double initialElbo() {
        return values[0];
    }

    /** The ELBO after the last sweep. */
    public double finalElbo() {
        return values[values.length - 1];
    }

    /**
     * The largest drop between consecutive values relative to the earlier one,
     * {@code max_s (L_{s-1} - L_s) / |L_{s-1}|}, or 0 if the sequence never decreases (a
     * check of Blei et al. 2017, §2.4: CAVI's ELBO is non-decreasing).
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
        return o instanceof ElboHistory h && converged == h.converged && Arrays.equals(values, h.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Boolean.hashCode(converged);
    }

    @Override
    public String toString() {
        return "ElboHistory[sweeps=" + sweeps() + ", converged=" + converged + ", final=" + finalElbo() + "]";
    }
}
