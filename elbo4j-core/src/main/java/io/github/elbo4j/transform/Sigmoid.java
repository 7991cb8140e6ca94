package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;

/**
 * The logistic {@code y = σ(x) = 1 / (1 + e^{-x})} from the real line onto {@code (0, 1)},
 * element-wise: the transform of a bounded scalar before scaling (Stan Reference Manual,
 * "Constraint Transforms", "Lower and upper bounded scalar").
 */
public record Sigmoid() implements Bijector {

    private static final Sigmoid INSTANCE = new Sigmoid();

    /** The logistic bijector. */
    public static Sigmoid of() {
        return INSTANCE;
    }

    /** {@code y = 1 / (1 + e^{-x})}, evaluated without overflow on either side. */
    @Override
    public Var forward(Var x) {
        return x.sigmoid();
    }

    /** The logit {@code x = log y - log(1 - y)}, with {@code log1p(-y)} for the second term. */
    @Override
    public Var inverse(Var y) {
        return y.log().sub(y.neg().log1p());
    }

    /**
     * {@code log |dy/dx| = log σ(x)(1 - σ(x)) = log σ(x) + log σ(-x) = -softplus(-x) - softplus(x)},
     * element-wise ({@code σ' = σ(1 - σ)} and {@code 1 - σ(x) = σ(-x)}).
     */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        return x.logSigmoid().add(x.neg().logSigmoid());
    }

    @Override
    public Constraint domain() {
        return new Constraint.Real();
    }

    @Override
    public Constraint codomain() {
        return new Constraint.Interval(0.0, 1.0);
    }
}
