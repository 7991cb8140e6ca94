package io.github.elbo4j.distribution;

import io.github.elbo4j.tensor.Tensor;

/**
 * A distribution whose support bounds are parameters that may differ across the batch
 * ({@link io.github.elbo4j.distribution.continuous.Uniform},
 * {@link io.github.elbo4j.distribution.continuous.Pareto}). {@link io.github.elbo4j.transform.Constraint}
 * holds scalar bounds only, so {@link Distribution#support()} of such a distribution is the hull of
 * the batch's supports; this is the exact, per-element membership that {@code logProb} and
 * {@link Distributions#strict} use.
 */
public interface ParameterizedSupport {

    /** 1 where {@code value} lies in the support of its batch element, 0 elsewhere (shape: value broadcast with the batch). */
    Tensor contains(Tensor value);
}
