package io.github.elbo4j.infer.guide;

import io.github.elbo4j.tensor.Tensor;

/**
 * A fitted automatic guide as a Gaussian over the flat unconstrained vector:
 * {@code q(u) = N(mean, L Lᵀ)} (a point mass when {@code L = 0}).
 *
 * @param mean      {@code [D]}
 * @param scaleTril {@code L}, {@code [D, D]} (any square root of the covariance)
 */
public record GaussianMoments(Tensor mean, Tensor scaleTril) {

    /** The covariance {@code L Lᵀ}, {@code [D, D]}. */
    public Tensor covariance() {
        return scaleTril.matmul(scaleTril.transpose());
    }

    /** The marginal standard deviations {@code √(L Lᵀ)_ii}, {@code [D]}. */
    public Tensor marginalSd() {
        return scaleTril.square().sum(1).sqrt();
    }
}
