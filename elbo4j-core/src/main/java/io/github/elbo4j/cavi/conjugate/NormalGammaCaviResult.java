package io.github.elbo4j.cavi.conjugate;

import io.github.elbo4j.infer.ElboTrace;

/**
 * A fitted mean-field {@code q(μ) q(τ)} of {@link NormalGammaCavi}, with its ELBO history.
 *
 * @param factors the variational factors after the last sweep
 * @param elboTrace the exact ELBO before and after each sweep
 * @param converged whether the stopping rule held before the sweep limit
 */
public record NormalGammaCaviResult(NormalGammaCaviFactors factors, ElboTrace elboTrace, boolean converged) {

    /** The number of sweeps run: the trace holds the initial ELBO, then one value per sweep. */
    public int sweeps() {
        return elboTrace.length() - 1;
    }
}
