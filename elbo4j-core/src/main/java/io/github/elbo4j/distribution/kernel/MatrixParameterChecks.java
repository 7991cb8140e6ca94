package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * Validation of vector and matrix parameters at construction (the matrix counterpart of
 * {@link ParameterRule}), with messages that name the distribution, the parameter, the offending
 * value and the rule: {@code MultivariateNormal covariance must be symmetric positive definite,
 * got [[1.0, 2.0], [2.0, 1.0]] (matrix 0 of the batch)}.
 */
public final class MatrixParameterChecks {

    private MatrixParameterChecks() {
    }

    /** The side {@code d} of a batch of square matrices {@code [..., d, d]}. */
    public static int square(String distribution, String parameter, int[] shape) {
        if (shape.length < 2 || shape[shape.length - 1] != shape[shape.length - 2] || shape[shape.length - 1] == 0) {
            throw new IllegalArgumentException(distribution + " " + parameter
                    + " must be a batch of non-empty square matrices [..., d, d], got shape " + Arrays.toString(shape));
        }
        return shape[shape.length - 1];
    }

    /** A batch of vectors {@code [..., d]} of the given length. */
    public static void vector(String distribution, String parameter, int[] shape, int d) {
        if (shape.length < 1 || shape[shape.length - 1] != d) {
            throw new IllegalArgumentException(distribution + " " + parameter + " must have shape [..., " + d
                    + "] (last axis = the dimension), got " + Arrays.toString(shape));
        }
    }

    /** Lower triangular with a positive diagonal (entries above the diagonal exactly 0). */
    static void lowerCholesky(String distribution, String parameter, Tensor value) {
        require(distribution, parameter, value, new Constraint.LowerCholesky(), "lower triangular with a positive diagonal");
    }

    /** Symmetric (within {@link Constraint#TOLERANCE}) with a successful Cholesky factorization. */
    static void positiveDefinite(String distribution, String parameter, Tensor value) {
        require(distribution, parameter, value, new Constraint.PositiveDefinite(), "symmetric positive definite");
    }

    private static void require(String distribution, String parameter, Tensor value, Constraint set, String rule) {
        ParameterRule.FINITE.check(distribution, parameter, value);
        double[] ok = set.check(value).toArray();
        for (int k = 0; k < ok.length; k++) {
            if (ok[k] != 1.0) {
                throw new IllegalArgumentException(distribution + " " + parameter + " must be " + rule + ", got "
                        + matrix(value, k) + " (matrix " + k + " of the batch)");
            }
        }
    }

    /** Matrix {@code k} of a batch {@code [..., m, n]}, as nested lists. */
    public static String matrix(Tensor value, int k) {
        int[] s = value.shape();
        int m = s[s.length - 2];
        int n = s[s.length - 1];
        double[] v = value.toArray();
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < m; i++) {
            out.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < n; j++) {
                out.append(j == 0 ? "" : ", ").append(v[k * m * n + i * n + j]);
            }
            out.append(']');
        }
        return out.append(']').toString();
    }
}
