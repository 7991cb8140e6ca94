package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;

/** {@code y = x} on the real line, element-wise. */
public record Identity() implements Bijector {

    private static final Identity INSTANCE = new Identity();

    /** The identity bijector. */
    public static Identity of() {
        return INSTANCE;
    }

    /** {@code y = x}. */
    @Override
    public Var forward(Var x) {
        return x;
    }

    /** {@code x = y}. */
    @Override
    public Var inverse(Var y) {
        return y;
    }

    /** {@code log |det I| = 0}, element-wise (a constant of {@code x}'s shape). */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        return Var.constant(Tensor.zeros(x.shape()));
    }

    @Override
    public Constraint domain() {
        return new Constraint.Real();
    }

    @Override
    public Constraint codomain() {
        return new Constraint.Real();
    }
}
