package io.github.elbo4j.cavi.internal;

import io.github.elbo4j.infer.ElboTrace;
import java.util.Arrays;

/**
 * The sweep loop's bookkeeping, written once for every closed-form CAVI model: it records the
 * ELBO after each sweep and applies the stopping rule. The rule is on the variational parameters,
 * not on the ELBO: the fit has converged after sweep {@code s} when every parameter moved by at
 * most {@code tolerance · (1 + |θ_s|)} since sweep {@code s - 1}. (Near a fixed point the ELBO
 * changes by the square of the parameters' change, so a rule on the ELBO alone stops with
 * parameters accurate only to the square root of its tolerance.)
 *
 * <p>Mutable and confined to one fit; not thread-safe.
 */
public final class ElboTraceRecorder {

    private final String model;
    private final int maxSweeps;
    private final double tolerance;
    private final double[] values;
    private double[] previous;
    private int sweeps;
    private boolean converged;

    /**
     * @param model the model's name, for messages
     * @param initialElbo the ELBO of the initial variational distribution
     * @param initialParameters the parameters the stopping rule watches, before the first sweep
     * @throws IllegalArgumentException if {@code maxSweeps < 1} or {@code tolerance} is negative
     *     or not finite
     * @throws IllegalStateException if {@code initialElbo} is not finite
     */
    public ElboTraceRecorder(String model, int maxSweeps, double tolerance, double initialElbo, double[] initialParameters) {
        requireMaxSweeps(model, maxSweeps);
        requireTolerance(model, tolerance);
        if (!Double.isFinite(initialElbo)) {
            throw new IllegalStateException(model + ": the ELBO of the initial variational distribution is "
                    + initialElbo);
        }
        this.model = model;
        this.maxSweeps = maxSweeps;
        this.tolerance = tolerance;
        this.values = new double[maxSweeps + 1];
        this.values[0] = initialElbo;
        this.previous = initialParameters.clone();
    }

    /**
     * Checks a sweep limit, for a model's builder.
     *
     * @return {@code maxSweeps}
     * @throws IllegalArgumentException if {@code maxSweeps < 1}, e.g. {@code M maxSweeps must be >= 1, got 0}
     */
    public static int requireMaxSweeps(String model, int maxSweeps) {
        if (maxSweeps < 1) {
            throw new IllegalArgumentException(model + " maxSweeps must be >= 1, got " + maxSweeps);
        }
        return maxSweeps;
    }

    /**
     * Checks a stopping rule's tolerance, for a model's builder.
     *
     * @return {@code tolerance}
     * @throws IllegalArgumentException if {@code tolerance} is negative or not finite, e.g.
     *     {@code M tolerance must be >= 0 and finite, got NaN}
     */
    public static double requireTolerance(String model, double tolerance) {
        if (!(tolerance >= 0) || tolerance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(model + " tolerance must be >= 0 and finite, got " + tolerance);
        }
        return tolerance;
    }

    /**
     * Records the ELBO and parameters after one more sweep.
     *
     * @return {@code true} when the loop should stop: the stopping rule held or the sweep limit is
     *     reached
     * @throws IllegalStateException if the ELBO is not finite (the fit broke down numerically),
     *     naming the sweep and the last finite ELBO
     */
    public boolean record(double elbo, double[] parameters) {
        sweeps++;
        if (!Double.isFinite(elbo)) {
            throw new IllegalStateException(model + ": the ELBO after sweep " + sweeps + " is " + elbo
                    + "; the last finite ELBO was " + values[sweeps - 1] + " after sweep " + (sweeps - 1));
        }
        values[sweeps] = elbo;
        converged = settled(parameters);
        previous = parameters.clone();
        return converged || sweeps == maxSweeps;
    }

    private boolean settled(double[] parameters) {
        for (int i = 0; i < parameters.length; i++) {
            if (!(Math.abs(parameters[i] - previous[i]) <= tolerance * (1 + Math.abs(parameters[i])))) {
                return false;
            }
        }
        return true;
    }

    /** The exact ELBO before the first sweep and after each sweep so far. */
    public ElboTrace elboTrace() {
        return ElboTrace.exact(Arrays.copyOf(values, sweeps + 1));
    }

    /** Whether the stopping rule held (not just the sweep limit). */
    public boolean converged() {
        return converged;
    }
}
