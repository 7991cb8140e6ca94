package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;

/**
 * {@code y = x^p} from {@code (0, ∞)} onto {@code (0, ∞)}, element-wise, for a fixed finite
 * exponent {@code p ≠ 0}. The log-Jacobian follows from {@code d/dx x^p = p x^{p-1}}.
 *
 * @param exponent the power {@code p}
 */
public record Power(double exponent) implements Bijector {

    /** Validates the exponent. */
    public Power {
        if (!Double.isFinite(exponent) || exponent == 0.0) {
            throw new IllegalArgumentException("Power exponent must be finite and != 0, got " + exponent);
        }
    }

    /**
     * The power bijector {@code x ↦ x^p}.
     *
     * @throws IllegalArgumentException when {@code p} is 0 or not finite
     */
    public static Power of(double p) {
        return new Power(p);
    }

    /** {@code y = x^p}. */
    @Override
    public Var forward(Var x) {
        return x.pow(exponent);
    }

    /** {@code x = y^{1/p}}. */
    @Override
    public Var inverse(Var y) {
        return y.pow(1.0 / exponent);
    }

    /** {@code log |dy/dx| = log |p x^{p-1}| = log |p| + (p - 1) log x}, element-wise. */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        return x.log().mul(exponent - 1.0).add(Math.log(Math.abs(exponent)));
    }

    @Override
    public Constraint domain() {
        return new Constraint.Positive();
    }

    @Override
    public Constraint codomain() {
        return new Constraint.Positive();
    }
}
