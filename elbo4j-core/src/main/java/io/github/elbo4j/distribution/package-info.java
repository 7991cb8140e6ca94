/**
 * What every distribution shares and what works with any family (exported): the
 * {@link io.github.elbo4j.distribution.Distribution} interface (batch and event shapes, log-density,
 * draws, moments), the wrappers that change a family's event shape, support or checks
 * ({@code Independent}, {@code Masked}, {@code Unconstrained}, {@code TransformedDistribution},
 * {@code Distributions.strict}), mixtures of one family ({@code MixtureSameFamily}) and the measures
 * of any shape ({@code Delta}, {@code ImproperUniform}). Why a package: the families come in
 * {@code distribution.continuous}, {@code distribution.discrete} and
 * {@code distribution.multivariate} (Distributions.jl's univariate-continuous, univariate-discrete
 * and multivariate split), their KL divergences in {@code distribution.kl}, and all of them build on
 * this one. May import the internal {@code distribution.kernel} and the layers above
 * ({@code tensor}, {@code autodiff}, {@code transform}, {@code random}); never a family package.
 */
package io.github.elbo4j.distribution;
