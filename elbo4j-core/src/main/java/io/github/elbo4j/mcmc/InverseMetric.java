package io.github.elbo4j.mcmc;

import io.github.elbo4j.tensor.CholeskyAttempt;

import io.github.elbo4j.random.RandomStream;

/**
 * The inverse metric {@code M⁻¹} of Euclidean HMC (Betancourt 2017, "A conceptual introduction to
 * Hamiltonian Monte Carlo", arXiv:1701.02434, section 4.2): kinetic energy {@code K(p) = ½ pᵀ M⁻¹ p},
 * velocity {@code ∂K/∂p = M⁻¹ p} (Stan's {@code dtau_dp}, "p sharp") and momenta {@code p ~ N(0, M)}.
 * Diagonal ({@code M⁻¹ = diag(v)}) or dense ({@code M⁻¹ = Σ = L Lᵀ}, then {@code p = L⁻ᵀ z} with
 * {@code z ~ N(0, I)}, whose covariance is {@code L⁻ᵀ L⁻¹ = Σ⁻¹ = M}). Immutable.
 */
final class InverseMetric {

    private final int dimension;
    private final double[] diagonal;   // non-null for a diagonal metric
    private final double[] dense;      // row-major D x D, non-null for a dense metric
    private final double[] cholesky;   // lower L with dense = L L^T

    private InverseMetric(int dimension, double[] diagonal, double[] dense, double[] cholesky) {
        this.dimension = dimension;
        this.diagonal = diagonal;
        this.dense = dense;
        this.cholesky = cholesky;
    }

    /** The unit metric of {@code kind}, Stan's starting point. */
    static InverseMetric identity(Metric kind, int dimension) {
        if (kind == Metric.DIAGONAL) {
            double[] v = new double[dimension];
            java.util.Arrays.fill(v, 1.0);
            return diagonal(v);
        }
        double[] m = new double[dimension * dimension];
        for (int i = 0; i < dimension; i++) {
            m[i * dimension + i] = 1.0;
        }
        return dense(m, dimension);
    }

    static InverseMetric diagonal(double[] variances) {
        return new InverseMetric(variances.length, variances.clone(), null, null);
    }

    /** A dense inverse metric; {@code covariance} must be symmetric positive definite. */
    static InverseMetric dense(double[] covariance, int dimension) {
        return new InverseMetric(dimension, null, covariance.clone(), lowerCholesky(covariance, dimension));
    }

    int dimension() {
        return dimension;
    }

    /** The diagonal of {@code M⁻¹}. */
    double[] diagonalOfInverse() {
        if (diagonal != null) {
            return diagonal.clone();
        }
        double[] d = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            d[i] = dense[i * dimension + i];
        }
        return d;
    }

    /** Writes {@code M⁻¹ p} into {@code out} ({@code out != p}). */
    void velocity(double[] p, double[] out) {
        if (diagonal != null) {
            for (int i = 0; i < dimension; i++) {
                out[i] = diagonal[i] * p[i];
            }
            return;
        }
        for (int i = 0; i < dimension; i++) {
            double s = 0;
            int row = i * dimension;
            for (int j = 0; j < dimension; j++) {
                s += dense[row + j] * p[j];
            }
            out[i] = s;
        }
    }

    /** {@code ½ pᵀ M⁻¹ p}, given {@code velocity = M⁻¹ p}. */
    static double kinetic(double[] p, double[] velocity) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i] * velocity[i];
        }
        return 0.5 * s;
    }

    /** Overwrites {@code p} with a draw from {@code N(0, M)}. */
    void drawMomentum(RandomStream rng, double[] p) {
        for (int i = 0; i < dimension; i++) {
            p[i] = rng.nextGaussian();
        }
        if (diagonal != null) {
            for (int i = 0; i < dimension; i++) {
                p[i] /= Math.sqrt(diagonal[i]);
            }
            return;
        }
        for (int i = dimension - 1; i >= 0; i--) {      // solve Lᵀ p = z by back substitution
            double s = p[i];
            for (int k = i + 1; k < dimension; k++) {
                s -= cholesky[k * dimension + i] * p[k];
            }
            p[i] = s / cholesky[i * dimension + i];
        }
    }

    private static double[] lowerCholesky(double[] a, int n) {
        CholeskyAttempt c = CholeskyAttempt.of(io.github.elbo4j.tensor.Tensor.of(a, n, n));
        if (c.failedPivot() >= 0) {
            throw new IllegalStateException("the adapted covariance is not positive definite (pivot " + c.failedPivot() + " = "
                    + c.pivot() + ")");
        }
        return c.factor().toArray();
    }
}
