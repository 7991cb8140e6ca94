package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;

/**
 * The map from an unconstrained real {@code u} to a positive hyperparameter: {@code θ = softplus(u) =
 * log(1 + e^u)}, with inverse {@code u = log(e^θ - 1) = θ + log(1 - e^{-θ})} (written with
 * {@code expm1} so it is exact for small and large {@code θ}). Softplus rather than {@code exp}
 * because its gradient {@code σ(u)} stays below 1, so an optimizer step cannot blow a lengthscale
 * up by a factor {@code e^{lr}} (GPflow's default for the same reason).
 */
final class Positive {

    private Positive() {
    }

    /** {@code softplus(u)}. */
    static Var constrain(Var u) {
        return u.softplus();
    }

    /** {@code softplus⁻¹(θ) = θ + log(-expm1(-θ))}, for {@code θ > 0}. */
    static double unconstrain(double theta) {
        return theta + Math.log(-Math.expm1(-theta));
    }

    /** {@code softplus(u)}, stable for large {@code |u|}. */
    static double constrain(double u) {
        return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
    }

    /**
     * Checks that {@code value} is finite and {@code > 0}.
     *
     * @throws IllegalArgumentException naming {@code what} and the value, e.g.
     *     {@code "SquaredExponential lengthscale[1] must be finite and > 0, got -0.5"}
     */
    static double check(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + value);
        }
        return value;
    }
}
