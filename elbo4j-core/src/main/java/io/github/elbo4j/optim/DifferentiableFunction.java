package io.github.elbo4j.optim;

/**
 * A smooth function {@code f: ℝⁿ → ℝ} with its gradient, for deterministic minimizers
 * ({@link Lbfgs}). One call evaluates both, as reverse-mode differentiation does.
 */
@FunctionalInterface
public interface DifferentiableFunction {

    /**
     * Returns {@code f(x)} and writes {@code ∇f(x)} into {@code gradient} (same length as
     * {@code x}). {@code x} must not be modified. A non-finite value tells the minimizer that
     * {@code x} is outside the region where {@code f} can be evaluated.
     */
    double valueAndGradient(double[] x, double[] gradient);
}
