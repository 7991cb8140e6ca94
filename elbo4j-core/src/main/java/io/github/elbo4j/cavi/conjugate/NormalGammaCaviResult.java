package io.github.elbo4j.cavi.conjugate;

import io.github.elbo4j.cavi.ElboHistory;

/**
 * A fitted mean-field {@code q(μ) q(τ)} of {@link NormalGammaCavi}, with its ELBO history.
 *
 * @param factors the variational factors after the last sweep
 * @param history the ELBO before and after each sweep, and whether the stopping rule held
 */
public record NormalGammaCaviResult(NormalGammaCaviFactors factors, ElboHistory history) {
}
