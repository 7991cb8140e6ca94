package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import java.util.Arrays;
import java.util.OptionalInt;

/** Shape checks of kernel inputs and the scaled distances that stationary kernels share. */
final class Inputs {

    /**
     * Added to {@code r²} before the square root so that {@code ∂r/∂r²} stays finite at
     * {@code r = 0} (where every kernel here has {@code ∂k/∂r · ∂r²/∂θ = 0}); it changes no
     * {@code r²} above {@code 1e-284} in double precision.
     */
    private static final double TINY = 1e-300;

    private Inputs() {
    }

    /** Checks that {@code x} is {@code [n, d]} with {@code d} as {@code required} says. */
    /**
     * The diagonal {@code k(x_n, x_n) = σ²} of a stationary kernel whose first unconstrained
     * hyperparameter is its variance: {@code [N]}, after checking {@code x} as {@link #check} does.
     */
    static Var varianceDiagonal(String kernel, Var u, Var x, OptionalInt required) {
        check(kernel, "x", x, required);
        return Positive.constrain(u.slice(0, 0, 1)).broadcastTo(x.shape()[0]);
    }

    static void check(String kernel, String name, Var x, OptionalInt required) {
        int[] s = x.shape();
        if (s.length != 2) {
            throw new IllegalArgumentException(kernel + " input " + name + " must have shape [n, d], got "
                    + Arrays.toString(s));
        }
        if (required.isPresent() && s[1] != required.getAsInt()) {
            throw new IllegalArgumentException(kernel + " has " + required.getAsInt()
                    + " ARD lengthscales but input " + name + " has " + s[1] + " columns (shape "
                    + Arrays.toString(s) + ")");
        }
    }

    /** Checks both inputs of a cross-covariance: each {@code [n, d]}, the same {@code d}. */
    static void checkPair(String kernel, Var x1, Var x2, OptionalInt required) {
        check(kernel, "x1", x1, required);
        check(kernel, "x2", x2, required);
        if (x1.shape()[1] != x2.shape()[1]) {
            throw new IllegalArgumentException(kernel + " inputs x1 and x2 must have the same number of columns, got "
                    + x1.shape()[1] + " and " + x2.shape()[1]);
        }
    }

    /**
     * {@code r²_ij = Σ_k ((x1_ik - x2_jk) / ℓ_k)²}, {@code [n1, n2]}, from direct differences (no
     * {@code |a|² + |b|² - 2aᵀb} cancellation, so {@code r²_ii = 0} exactly); {@code ℓ} has one
     * entry (isotropic) or {@code d}.
     */
    static Var squaredDistance(Var x1, Var x2, Var lengthscales) {
        int n1 = x1.shape()[0];
        int n2 = x2.shape()[0];
        int d = x1.shape()[1];
        Var diff = x1.reshape(n1, 1, d).sub(x2.reshape(1, n2, d));
        return diff.div(lengthscales).square().sum(2);
    }

    /** {@code r = √(r² + 1e-300)}: the distance with a finite derivative at 0. */
    static Var distance(Var squared) {
        return squared.add(TINY).sqrt();
    }
}
