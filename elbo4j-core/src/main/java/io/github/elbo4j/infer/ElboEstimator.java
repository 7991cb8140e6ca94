package io.github.elbo4j.infer;

/**
 * A Monte Carlo estimator of the evidence lower bound
 * {@code ELBO(q) = E_q[log p(x, z) - log q(z)] <= log p(x)} (Blei, Kucukelbir &amp; McAuliffe, JASA
 * 2017, eq. 13) and of a surrogate loss whose gradient estimates {@code -∇ELBO}. A closed set.
 */
public sealed interface ElboEstimator permits TraceElbo {

    /** One estimate from one run of the guide and the model replayed against it. */
    ElboStep estimate(ElboInputs inputs);
}
