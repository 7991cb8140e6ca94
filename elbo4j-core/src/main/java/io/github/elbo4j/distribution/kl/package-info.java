/**
 * KL divergences between distributions (exported): {@link io.github.elbo4j.distribution.kl.KlDivergence}
 * (closed form, support mismatch, or a Monte Carlo estimate) over a registry of closed forms keyed by
 * the pair of family types, with the univariate and multivariate rules. Why a package: a rule pairs
 * two families, possibly from different family packages, so the registry sits above all of them and
 * none of them depends on it. May import every family package ({@code distribution},
 * {@code distribution.continuous}, {@code distribution.discrete}, {@code distribution.multivariate})
 * and the layers above; no family package imports it (in the library only the analytic-KL
 * estimator of {@code infer.elbo} does).
 */
package io.github.elbo4j.distribution.kl;
