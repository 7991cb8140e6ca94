package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;

/**
 * From {@code ℝ^K} onto strictly increasing vectors of positive numbers, along the last axis
 * (Stan Reference Manual, "Constraint Transforms", "Positive ordered vector"):
 * {@code y_0 = e^{x_0}}, {@code y_k = y_{k-1} + e^{x_k}}, i.e. {@code y = cumsum(e^x)}.
 */
public record PositiveOrdered() implements Bijector {

    private static final String NAME = "PositiveOrdered";
    private static final PositiveOrdered INSTANCE = new PositiveOrdered();

    /** The positive-ordering bijector. */
    public static PositiveOrdered of() {
        return INSTANCE;
    }

    /** {@code y = cumsum(e^{x_0}, ..., e^{x_{K-1}})}. */
    @Override
    public Var forward(Var x) {
        EventShape.last(NAME, x.shape());
        return x.exp().cumsum(-1);
    }

    /** {@code x_0 = log y_0}, {@code x_k = log(y_k - y_{k-1})}. */
    @Override
    public Var inverse(Var y) {
        int k = EventShape.last(NAME, y.shape());
        if (k < 2) {
            return y.log();
        }
        return Var.concat(-1, y.slice(-1, 0, 1), y.slice(-1, 1, k).sub(y.slice(-1, 0, k - 1))).log();
    }

    /**
     * {@code log |det ∂y/∂x| = Σ_k x_k}: the Jacobian is lower triangular with diagonal
     * {@code (e^{x_0}, ..., e^{x_{K-1}})}. Summed over the last axis.
     */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        EventShape.last(NAME, x.shape());
        return x.sum(-1);
    }

    /** The real line; the last axis is one point ({@link #domainEventRank} is 1). */
    @Override
    public Constraint domain() {
        return new Constraint.Real();
    }

    @Override
    public Constraint codomain() {
        return new Constraint.PositiveOrderedVector();
    }

    @Override
    public int domainEventRank() {
        return 1;
    }
}
