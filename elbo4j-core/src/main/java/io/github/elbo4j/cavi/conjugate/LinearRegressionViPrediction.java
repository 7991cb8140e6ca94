package io.github.elbo4j.cavi.conjugate;

import io.github.elbo4j.tensor.Tensor;

/**
 * Predictive means and variances of {@link LinearRegressionViResult#predict} at {@code K} inputs,
 * each the Gaussian {@code N(y* | mean_i, variance_i)}.
 *
 * @param mean {@code [K]}, {@code m_Nᵀ φ_i}
 * @param variance {@code [K]}, {@code 1/E[β] + φ_iᵀ S_N φ_i}
 */
public record LinearRegressionViPrediction(Tensor mean, Tensor variance) {
}
