package io.github.elbo4j.gp;

import io.github.elbo4j.tensor.Tensor;

/**
 * A GP's predictive distribution at {@code n} test inputs, each field {@code [n]}: the latent
 * function's mean and variance (the epistemic part: what the data leave unknown about {@code f}),
 * and the observation's mean and total variance (epistemic plus the likelihood's own noise, by the
 * law of total variance {@code Var y = E[Var(y|f)] + Var(E[y|f])}).
 *
 * @param latentMean {@code E[f(x)]}
 * @param latentVariance {@code Var f(x)}
 * @param mean {@code E[y]} (for Bernoulli the probability of 1, for Poisson the rate's mean)
 * @param variance {@code Var y}
 */
public record GpPrediction(Tensor latentMean, Tensor latentVariance, Tensor mean, Tensor variance) {
}
