package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;

/**
 * The prior of every weight and bias of a Bayesian network, the same independent density for each
 * element: a {@link NormalPrior} (whose KL divergence from a Gaussian posterior is exact) or a
 * {@link ScaleMixturePrior} (whose KL divergence is estimated by Monte Carlo).
 */
public sealed interface WeightPrior permits NormalPrior, ScaleMixturePrior {

    /** {@code log p(w)} of each element of {@code w}, the same shape. */
    Var logDensity(Var w);

    /**
     * {@code KL(q || p)} summed over the elements of the factorised posterior
     * {@code q(w) = Π_i N(w_i | loc_i, scale_i²)}: exact, or an unbiased one-draw Monte Carlo
     * estimate from {@code rng} (Blundell et al., ICML 2015, eq. 2).
     */
    Var klDivergence(Var loc, Var scale, RandomStream rng);
}
