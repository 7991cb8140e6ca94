/**
 * Variational inference as a user runs it (exported): {@link io.github.elbo4j.infer.Svi} configures
 * and runs a fit, {@link io.github.elbo4j.infer.Fit} is the result of every method (SVI or CAVI)
 * with its {@link io.github.elbo4j.infer.ElboTrace}, {@link io.github.elbo4j.infer.StopReason},
 * {@link io.github.elbo4j.infer.Diagnostics} and {@link io.github.elbo4j.infer.Verdict}, the
 * {@link io.github.elbo4j.infer.Posterior} samples, summarizes, predicts and saves itself
 * ({@link io.github.elbo4j.infer.FitJson}); the settings a fit takes ({@code Convergence},
 * {@code WarmStart}, {@code StepListener}) and its resumable state ({@code SviState}). Why a
 * package: these are the types a user's code names; the estimators are in {@code infer.elbo}, the
 * automatic guides in {@code infer.guide}, and the loops that run a fit in the internal
 * {@code infer.run}. May import {@code infer.elbo}, {@code infer.guide}, {@code infer.run} and the
 * layers above ({@code model}, {@code distribution}, {@code optim}, {@code diagnostics}); of its
 * subpackages only {@code infer.run} imports it back, for these value types.
 */
package io.github.elbo4j.infer;
