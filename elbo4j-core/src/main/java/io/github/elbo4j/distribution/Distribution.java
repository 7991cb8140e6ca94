package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * A probability distribution over tensors, batched: a draw has shape
 * {@code sampleShape + batchShape + eventShape}, and {@link #logProb} of a value of shape
 * {@code [..., batchShape, eventShape]} has shape {@code [..., batchShape]} (the event axes are
 * summed out, the batch axes broadcast). The shape semantics are those of PyTorch/Pyro
 * distributions (Bingham et al., JMLR 20(28), 2019, sec. 3).
 *
 * <p>Parameters are {@link Var}s, so {@code logProb} and {@code rsample} are differentiable in
 * them; data parameters are constants. Values outside {@link #support} get {@code logProb = -∞}
 * (never a silent NaN); see {@link Distributions#strict} to get an error instead.
 */
public interface Distribution {

    /** The shape of independent, non-identical copies. */
    int[] batchShape();

    /** The shape of one draw of a single copy. */
    int[] eventShape();

    /** The set draws lie in. */
    Constraint support();

    /** {@code log p(value)}, differentiable in the value and the parameters. */
    Var logProb(Var value);

    /** {@code log p(value)} of data. */
    default Var logProb(Tensor value) {
        return logProb(Var.constant(value));
    }

    /** Draws of shape {@code sampleShape + batchShape + eventShape}, no gradient. */
    Tensor sample(RandomStream rng, int... sampleShape);

    /** True when {@link #rsample} gives reparameterized (pathwise-differentiable) draws. */
    default boolean hasRsample() {
        return false;
    }

    /** Reparameterized draws: differentiable in the parameters (Kingma &amp; Welling, ICLR 2014). */
    default Var rsample(RandomStream rng, int... sampleShape) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " has no reparameterized sampler; use sample() with a score-function estimator");
    }

    /** The mean, of shape {@code batchShape + eventShape}. */
    Tensor mean();

    /** The variance, of shape {@code batchShape + eventShape}. */
    Tensor variance();

    /** The differential (or Shannon) entropy {@code -E[log p(X)]} in closed form, of shape {@code batchShape}. */
    default Var entropy() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no closed-form entropy");
    }

    /**
     * The same distribution with its parameters broadcast to {@code batchShape} (which the
     * current batch shape must broadcast to): independent, identically parameterized copies.
     */
    Distribution expand(int... batchShape);

    /**
     * Reinterprets the last {@code n} batch axes as event axes: the log-density sums over them
     * ({@link Independent}).
     */
    default Distribution toEvent(int n) {
        return Independent.of(this, n);
    }

    /**
     * True when the support is finite and {@link #enumerateSupport()} lists it (Pyro's
     * {@code has_enumerate_support}): what enumeration of a discrete latent needs.
     */
    default boolean hasEnumerateSupport() {
        return false;
    }

    /**
     * Every value of a finite support along a new leading axis, broadcast over the batch: shape
     * {@code [K] + batchShape + eventShape}, the same {@code K} values for every batch element.
     *
     * @throws UnsupportedOperationException when the support is not finite or not listed
     */
    default Tensor enumerateSupport() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " with support " + support()
                + " cannot list its support (enumeration needs a finite support)");
    }

    /** {@code P(X <= x)} for a univariate distribution. */
    default Tensor cdf(Tensor x) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no cdf");
    }

    /** The quantile function, the inverse of {@link #cdf}. */
    default Tensor icdf(Tensor p) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no icdf");
    }
}
