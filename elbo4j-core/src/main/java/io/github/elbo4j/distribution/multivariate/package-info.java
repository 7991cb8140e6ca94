/**
 * The vector- and matrix-valued families, event rank 1 or more (exported): the multivariate normals
 * ({@code MultivariateNormal} from a scale, covariance or precision, {@code LowRankMultivariateNormal})
 * over their covariance parameterizations (Cholesky, precision, low rank plus diagonal: package-private
 * here), {@code Dirichlet}, {@code Multinomial}, {@code DirichletMultinomial}, {@code Wishart},
 * {@code LkjCholesky}, and {@code GaussianKl}, the one KL rule that needs those parameterizations.
 * Why a package: a vector event changes what the log-density sums over, how draws are shaped and
 * which matrix checks apply. May import {@code distribution}, the internal
 * {@code distribution.kernel} and the layers above; {@code distribution.discrete} only in javadoc.
 */
package io.github.elbo4j.distribution.multivariate;
