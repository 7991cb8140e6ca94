package io.github.elbo4j.cavi.conjugate;

import io.github.elbo4j.infer.ElboTrace;

/**
 * A fitted {@code q(θ) = Beta(α, β)} of {@link BetaBinomialCavi}, with its ELBO history.
 *
 * @param alpha the first shape {@code α > 0}
 * @param beta the second shape {@code β > 0}
 * @param elboTrace the exact ELBO before and after each sweep
 * @param converged whether the stopping rule held before the sweep limit
 */
public record BetaBinomialCaviResult(double alpha, double beta, ElboTrace elboTrace, boolean converged) {

    /** {@code E_q[θ] = α / (α + β)} (Bishop 2006, PRML, eq. 2.15). */
    public double mean() {
        return alpha / (alpha + beta);
    }

    /** {@code Var_q[θ] = αβ / ((α + β)² (α + β + 1))} (Bishop 2006, PRML, eq. 2.16). */
    public double variance() {
        double s = alpha + beta;
        return alpha * beta / (s * s * (s + 1));
    }

    /** The number of sweeps run: the trace holds the initial ELBO, then one value per sweep. */
    public int sweeps() {
        return elboTrace.length() - 1;
    }
}
