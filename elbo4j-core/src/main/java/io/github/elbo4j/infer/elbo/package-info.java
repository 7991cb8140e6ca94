/**
 * The ELBO estimators a user chooses with {@code Svi.elbo(...)} (exported): the closed set
 * {@link io.github.elbo4j.infer.elbo.ElboEstimator} (reparameterized, score-function, analytic-KL,
 * importance-weighted, Rényi, sticking-the-landing, and the enumerated ELBO that sums discrete sites
 * out by tensor variable elimination) and what one estimate needs: its
 * {@link io.github.elbo4j.infer.elbo.ElboInputs} and {@link io.github.elbo4j.infer.elbo.ElboStep},
 * the effect handlers that draw the particles as a batch axis
 * ({@link io.github.elbo4j.infer.elbo.ParticleHandler}) and serve the learnable parameters from
 * their {@link io.github.elbo4j.infer.elbo.ParameterStore} ({@link io.github.elbo4j.infer.elbo.ParamHandler}).
 * Why a package: an estimator turns a model and a guide into one scalar on the tape, and knows
 * nothing of the loop around it. May import {@code model}, {@code distribution} (with
 * {@code distribution.kl}) and the layers above; never {@code infer}, {@code infer.run} or
 * {@code infer.guide}.
 */
package io.github.elbo4j.infer.elbo;
