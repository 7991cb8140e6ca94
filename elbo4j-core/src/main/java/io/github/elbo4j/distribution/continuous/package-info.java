/**
 * The scalar families with a density on the real line or an interval of it (exported): the
 * location-scale families (Normal, Laplace, Logistic, Cauchy, Gumbel, all one standard family
 * shifted and scaled), Gamma and its relatives (Exponential, Chi2, InverseGamma, Weibull, Pareto),
 * Beta, Uniform, StudentT, LogNormal, the half-line families and VonMises. Why a package: a scalar
 * event with a continuous support is what reparameterized draws, cdf and quantile functions and the
 * automatic guides' bijectors all assume. May import {@code distribution}, the internal
 * {@code distribution.kernel} and the layers above; not the other family packages.
 */
package io.github.elbo4j.distribution.continuous;
