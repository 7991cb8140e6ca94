package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;

/**
 * {@code y = tanh x} from the real line onto {@code (-1, 1)}, element-wise; the inverse is
 * {@code atanh y = ½ log((1 + y)/(1 - y))} (Abramowitz &amp; Stegun, "Handbook of Mathematical
 * Functions", sec. 4.6).
 */
public record Tanh() implements Bijector {

    private static final double LOG_2 = Math.log(2.0);
    private static final Tanh INSTANCE = new Tanh();

    /** The hyperbolic-tangent bijector. */
    public static Tanh of() {
        return INSTANCE;
    }

    /** {@code y = tanh x} (exactly ±1 in double precision once {@code |x| > 19.1}). */
    @Override
    public Var forward(Var x) {
        return x.tanh();
    }

    /** {@code x = atanh y = ½ [log1p(y) - log1p(-y)]}. */
    @Override
    public Var inverse(Var y) {
        return y.log1p().sub(y.neg().log1p()).mul(0.5);
    }

    /**
     * {@code log |dy/dx| = log sech²x = 2 log(2 / (eˣ + e^{-x})) = 2 [log 2 - x - softplus(-2x)]},
     * element-wise (derived: {@code eˣ + e^{-x} = eˣ (1 + e^{-2x})}); unlike {@code log(1 - y²)}
     * it does not cancel to {@code -∞} for large {@code |x|}.
     */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        return logSechSquared(x);
    }

    /** {@code log sech²x = 2 [log 2 - x - softplus(-2x)]}, shared with {@link CorrCholeskyBijector}. */
    static Var logSechSquared(Var x) {
        return x.add(x.mul(-2.0).softplus()).rsub(LOG_2).mul(2.0);
    }

    @Override
    public Constraint domain() {
        return new Constraint.Real();
    }

    @Override
    public Constraint codomain() {
        return new Constraint.Interval(-1.0, 1.0);
    }
}
