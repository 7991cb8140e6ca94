package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;

/**
 * From {@code ℝ^K} onto strictly increasing vectors, along the last axis (Stan Reference Manual,
 * "Constraint Transforms", "Ordered vector"):
 * {@code y_0 = x_0}, {@code y_k = y_{k-1} + e^{x_k}}.
 */
public record Ordered() implements Bijector {

    private static final String NAME = "Ordered";
    private static final Ordered INSTANCE = new Ordered();

    /** The ordering bijector. */
    public static Ordered of() {
        return INSTANCE;
    }

    /** {@code y = cumsum(x_0, e^{x_1}, ..., e^{x_{K-1}})}. */
    @Override
    public Var forward(Var x) {
        int k = EventShape.last(NAME, x.shape());
        if (k < 2) {
            return x;
        }
        return Var.concat(-1, x.slice(-1, 0, 1), x.slice(-1, 1, k).exp()).cumsum(-1);
    }

    /** {@code x_0 = y_0}, {@code x_k = log(y_k - y_{k-1})}. */
    @Override
    public Var inverse(Var y) {
        int k = EventShape.last(NAME, y.shape());
        if (k < 2) {
            return y;
        }
        return Var.concat(-1, y.slice(-1, 0, 1), y.slice(-1, 1, k).sub(y.slice(-1, 0, k - 1)).log());
    }

    /**
     * {@code log |det ∂y/∂x| = Σ_{k>=1} x_k}: the Jacobian is lower triangular with diagonal
     * {@code (1, e^{x_1}, ..., e^{x_{K-1}})}. Summed over the last axis.
     */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        int k = EventShape.last(NAME, x.shape());
        if (k < 2) {
            return Var.constant(Tensor.zeros(EventShape.batch(NAME, x.shape(), 1)));
        }
        return x.slice(-1, 1, k).sum(-1);
    }

    /** The real line; the last axis is one point ({@link #domainEventRank} is 1). */
    @Override
    public Constraint domain() {
        return new Constraint.Real();
    }

    @Override
    public Constraint codomain() {
        return new Constraint.OrderedVector();
    }

    @Override
    public int domainEventRank() {
        return 1;
    }
}
