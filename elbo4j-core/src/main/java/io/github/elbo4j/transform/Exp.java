package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;

/**
 * {@code y = eˣ} from the real line onto {@code (0, ∞)}, element-wise: the transform of a
 * positive or lower-bounded variable (Stan Reference Manual, "Constraint Transforms", "Lower
 * bounded scalar").
 */
public record Exp() implements Bijector {

    private static final Exp INSTANCE = new Exp();

    /** The exponential bijector. */
    public static Exp of() {
        return INSTANCE;
    }

    /** {@code y = eˣ} (overflows to {@code +∞} above {@code x ≈ 709.78}). */
    @Override
    public Var forward(Var x) {
        return x.exp();
    }

    /** {@code x = log y}. */
    @Override
    public Var inverse(Var y) {
        return y.log();
    }

    /** {@code log |dy/dx| = log eˣ = x}, element-wise. */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        return x;
    }

    @Override
    public Constraint domain() {
        return new Constraint.Real();
    }

    @Override
    public Constraint codomain() {
        return new Constraint.Positive();
    }
}
