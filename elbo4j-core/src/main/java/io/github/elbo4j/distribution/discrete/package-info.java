/**
 * The families on the integers (exported): counts (Bernoulli, Binomial, BetaBinomial, Geometric,
 * NegativeBinomial, Poisson) and categories (Categorical, and OneHotCategorical, its one-hot vector
 * form, which shares its parameterization and so lives beside it). Why a package: a discrete support
 * has no reparameterized draws (SVI needs the score-function estimator or enumeration) and no
 * bijector for an automatic guide. May import {@code distribution}, the internal
 * {@code distribution.kernel} and the layers above; not the other family packages.
 */
package io.github.elbo4j.distribution.discrete;
