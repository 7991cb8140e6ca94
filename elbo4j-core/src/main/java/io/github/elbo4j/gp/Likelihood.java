package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;

/**
 * The observation model {@code p(y | f)} of a GP: what {@link Svgp} needs from it are the expected
 * log-likelihood under a Gaussian marginal {@code q(f_n) = N(μ_n, v_n)} (the data term of the ELBO,
 * Hensman, Matthews &amp; Ghahramani, AISTATS 2015, eq. 4), the log predictive density
 * {@code log ∫ p(y | f) N(f | μ, v) df}, and the predictive moments of {@code y}. Its own
 * hyperparameters (the Gaussian noise variance) are unconstrained, as a kernel's.
 */
public sealed interface Likelihood permits GaussianLikelihood, BernoulliLikelihood, PoissonLikelihood {

    /** Number of (unconstrained) hyperparameters: one per name of {@link #parameterNames()}. */
    default int parameterCount() {
        return parameterNames().size();
    }

    /** The unconstrained hyperparameters, {@code [parameterCount()]}; none by default (Bernoulli, Poisson). */
    default Tensor parameters() {
        return Tensor.zeros(0);
    }

    /** Their names; none by default. */
    default List<String> parameterNames() {
        return List.of();
    }

    /** The same likelihood with unconstrained hyperparameters {@code u}. */
    Likelihood withParameters(Tensor u);

    /**
     * {@code E_{N(f | μ_n, v_n)}[log p(y_n | f)]} per point, {@code [n]}, differentiable in
     * {@code μ}, {@code v} and the likelihood's unconstrained hyperparameters {@code u}.
     */
    Var expectedLogLikelihood(Var u, Var mean, Var variance, Tensor y);

    /** {@code log ∫ p(y_n | f) N(f | μ_n, v_n) df} per point, {@code [n]}. */
    Tensor logPredictiveDensity(Tensor mean, Tensor variance, Tensor y);

    /** The predictive distribution of {@code y} given the latent marginals {@code N(μ_n, v_n)}. */
    GpPrediction predict(Tensor mean, Tensor variance);

    /**
     * Checks that every target is in the likelihood's support.
     *
     * @throws IllegalArgumentException naming the first target outside it, its index and the rule
     */
    void checkTargets(Tensor y);
}
