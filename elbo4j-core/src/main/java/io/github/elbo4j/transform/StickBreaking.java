package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;

/**
 * Stick breaking from {@code ℝ^{K-1}} onto the simplex {@code {y ∈ [0, 1]^K : Σ y = 1}}, along
 * the last axis (Stan Reference Manual, "Constraint Transforms", "Unit simplex"). With
 * {@code k = 0, ..., K-2}:
 * <pre>
 *   z_k = σ(x_k - log(K-1-k))            fraction of the remaining stick broken off
 *   y_k = z_k Π_{j&lt;k} (1 - z_j),   y_{K-1} = Π_{j&lt;K-1} (1 - z_j)
 * </pre>
 * The offsets {@code log(K-1-k)} make {@code x = 0} the centre {@code y = (1/K, ..., 1/K)}:
 * {@code z_k = 1/(K-k)} there. Everything is computed in log space
 * ({@code log z = -softplus(-u)}, {@code log(1 - z) = -softplus(u)} with {@code u = x - offset}),
 * so {@code y} stays positive and finite for any finite {@code x}.
 *
 * <p>The free coordinates of the simplex are its first {@code K - 1}; the Jacobian is between
 * those and {@code x}. The last axis grows from {@code K - 1} to {@code K}.
 */
public record StickBreaking() implements Bijector {

    private static final String NAME = "StickBreaking";
    private static final StickBreaking INSTANCE = new StickBreaking();

    /** The stick-breaking bijector. */
    public static StickBreaking of() {
        return INSTANCE;
    }

    /** {@code y_k = exp(log z_k + Σ_{j<k} log(1 - z_j))}, with {@code log z_{K-1} = 0}. */
    @Override
    public Var forward(Var x) {
        int free = freeCount(x.shape());
        int[] batch = EventShape.batch(NAME, x.shape(), 1);
        Var u = x.sub(offsets(free));
        Var zero = Var.constant(Tensor.zeros(EventShape.join(batch, 1)));
        Var logRemaining = Var.concat(-1, zero, u.softplus().neg().cumsum(-1));
        Var logBroken = Var.concat(-1, u.logSigmoid(), zero);
        return logBroken.add(logRemaining).exp();
    }

    /**
     * {@code x_k = log y_k - log Σ_{j>k} y_j + log(K-1-k)}: since {@code Π_{j<k}(1 - z_j) = Σ_{j>=k} y_j},
     * {@code z_k / (1 - z_k) = y_k / Σ_{j>k} y_j}. The tails are summed from the end (no
     * {@code 1 - Σ} cancellation); the input need not sum exactly to 1.
     */
    @Override
    public Var inverse(Var y) {
        int k = EventShape.last(NAME, y.shape());
        if (k < 2) {
            throw new IllegalArgumentException(NAME + " inverse input last dimension must be >= 2, got " + k);
        }
        int[] flip = EventShape.reversed(k);
        Var tails = y.indexSelect(-1, flip).cumsum(-1).indexSelect(-1, flip);
        return y.slice(-1, 0, k - 1).log().sub(tails.slice(-1, 1, k).log()).add(offsets(k - 1));
    }

    /**
     * {@code log |det ∂y_{0..K-2}/∂x| = Σ_k [log y_k + log(1 - z_k)]}: {@code y_k} depends on
     * {@code x_j} for {@code j <= k} only, so the Jacobian is triangular with diagonal
     * {@code ∂y_k/∂x_k = Π_{j<k}(1 - z_j) z_k (1 - z_k) = y_k (1 - z_k)} (derived). Collecting the
     * terms of each {@code u_k} gives {@code Σ_k [-softplus(-u_k) - (K-1-k) softplus(u_k)]}, which is
     * what is evaluated. Summed over the last axis.
     */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        int free = freeCount(x.shape());
        Var u = x.sub(offsets(free));
        return u.logSigmoid().sub(u.softplus().mul(Tensor.arange(free, 0, -1))).sum(-1);
    }

    /** The real line; the last axis is one point ({@link #domainEventRank} is 1). */
    @Override
    public Constraint domain() {
        return new Constraint.Real();
    }

    @Override
    public Constraint codomain() {
        return new Constraint.Simplex();
    }

    @Override
    public int domainEventRank() {
        return 1;
    }

    /** {@code [..., K-1] → [..., K]}. */
    @Override
    public int[] forwardShape(int[] shape) {
        freeCount(shape);
        int[] out = shape.clone();
        out[out.length - 1]++;
        return out;
    }

    /** {@code [..., K] → [..., K-1]}. */
    @Override
    public int[] inverseShape(int[] shape) {
        int k = EventShape.last(NAME, shape);
        if (k < 2) {
            throw new IllegalArgumentException(NAME + " inverse input last dimension must be >= 2, got " + k);
        }
        int[] out = shape.clone();
        out[out.length - 1]--;
        return out;
    }

    private static int freeCount(int[] shape) {
        int free = EventShape.last(NAME, shape);
        if (free < 1) {
            throw new IllegalArgumentException(NAME + " input last dimension must be >= 1, got " + free);
        }
        return free;
    }

    /** {@code log(K-1-k)} for {@code k = 0, ..., K-2}, with {@code K - 1 = free}. */
    private static Tensor offsets(int free) {
        double[] o = new double[free];
        for (int k = 0; k < free; k++) {
            o[k] = Math.log(free - k);
        }
        return Tensor.of(o);
    }
}
