package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.ElementwiseFunction;

/**
 * {@code y = softplus(x) = log(1 + eˣ)} from the real line onto {@code (0, ∞)}, element-wise: a
 * positivity transform that grows linearly, not exponentially, for large {@code x} (Dugas et al.,
 * "Incorporating second-order functional knowledge for better option pricing", NIPS 2000).
 */
public record Softplus() implements Bijector {

    private static final Softplus INSTANCE = new Softplus();

    /** The softplus bijector. */
    public static Softplus of() {
        return INSTANCE;
    }

    /** {@code y = log(1 + eˣ) = max(x, 0) + log1p(e^{-|x|})}. */
    @Override
    public Var forward(Var x) {
        return x.softplus();
    }

    /**
     * {@code x = log(eʸ - 1) = y + log(1 - e^{-y})}, the second form evaluated with
     * {@code log1mexp} (Mächler 2012) so it neither overflows for large {@code y} nor cancels
     * for small {@code y}.
     */
    @Override
    public Var inverse(Var y) {
        return y.add(y.neg().apply(ElementwiseFunction.LOG1M_EXP));
    }

    /**
     * {@code log |dy/dx| = log σ(x) = -softplus(-x)}, element-wise: {@code d/dx log(1 + eˣ) =
     * eˣ / (1 + eˣ) = σ(x)} (derived).
     */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        return x.logSigmoid();
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
