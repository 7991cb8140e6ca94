package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;

/**
 * The Cholesky factor of a kernel matrix with a fixed jitter {@code ε} on its diagonal,
 * {@code L = chol(K + ε I)}: a kernel matrix is positive semi-definite in exact arithmetic but
 * rounding (or near-duplicate inputs) can leave it numerically singular. The jitter is one value
 * chosen by the caller and never raised behind its back: a matrix that still fails throws and says
 * which jitter was tried.
 */
final class Jitter {

    private Jitter() {
    }

    /** Checks a jitter setting: finite and {@code >= 0}. */
    static double check(String owner, double jitter) {
        if (!(jitter >= 0) || Double.isInfinite(jitter)) {
            throw new IllegalArgumentException(owner + " jitter must be finite and >= 0, got " + jitter);
        }
        return jitter;
    }

    /**
     * {@code chol(K + ε I)}, differentiable in {@code K}.
     *
     * @throws IllegalArgumentException if {@code K + ε I} is not positive definite, naming
     *     {@code what}, the size, the jitter and the range of the diagonal
     */
    static Var cholesky(String what, Var k, double jitter) {
        int n = k.shape()[0];
        Var shifted = jitter == 0 ? k : k.add(Tensor.eye(n).mul(jitter));
        try {
            return shifted.cholesky();
        } catch (IllegalArgumentException e) {
            throw notPositiveDefinite(what, k.value(), jitter, e);
        }
    }

    private static IllegalArgumentException notPositiveDefinite(String what, Tensor k, double jitter,
            IllegalArgumentException cause) {
        double[] d = LinearAlgebra.diagonal(k).toArray();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : d) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new IllegalArgumentException(what + " [" + d.length + "x" + d.length
                + "] is not positive definite after adding jitter " + jitter + " to its diagonal (diagonal in ["
                + lo + ", " + hi + "]; " + cause.getMessage() + "): check for repeated or NaN inputs and"
                + " non-finite hyperparameters, or raise the jitter", cause);
    }
}
