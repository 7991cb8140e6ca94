package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The resolved conjugate prior of the components: mean {@code m0} ({@code [D]}), mean precision
 * {@code β0}, degrees of freedom {@code ν0} and covariance prior {@code Ψ0 = W0⁻¹} (row-major
 * {@code D×D}). Unset options take scikit-learn's data-dependent defaults: {@code m0} the column
 * means, {@code β0 = 1}, {@code ν0 = D}, {@code Ψ0} the sample covariance ({@code numpy.cov}).
 */
record GmmPriors(double[] mean, double meanPrecision, double degreesOfFreedom, double[] covariance) {

    /** Resolves the options against {@code data}, validating each. */
    static GmmPriors resolve(GmmData data, CovarianceType type, Optional<double[]> mean, double meanPrecision,
                             OptionalDouble degreesOfFreedom, Optional<double[][]> covariance) {
        int dim = data.columns;
        double[] m0 = mean.map(m -> checkedMean(m, dim)).orElseGet(data::columnMeans);
        double nu0 = degreesOfFreedom.orElse(dim);
        boolean wishart = type == CovarianceType.FULL || type == CovarianceType.TIED;
        double floor = wishart ? dim - 1 : 0;
        if (!(nu0 > floor) || Double.isInfinite(nu0)) {
            throw new IllegalArgumentException("degreesOfFreedomPrior must be finite and > " + (wishart ? "D - 1 = " + (dim - 1)
                    : "0") + " for " + type + " covariance, got " + nu0);
        }
        double[] psi0;
        if (covariance.isPresent()) {
            psi0 = checkedCovariance(covariance.get(), dim);
            requirePositive(psi0, dim, wishart, "covariancePrior");
        } else {
            if (data.rows < 2) {
                throw new IllegalArgumentException("data has 1 row; the default covariancePrior (the sample covariance) needs"
                        + " >= 2 rows: set covariancePrior");
            }
            psi0 = data.sampleCovariance();
            requirePositive(psi0, dim, wishart, "the default covariancePrior (the sample covariance of the data;"
                    + " is a column constant?)");
        }
        return new GmmPriors(m0, meanPrecision, nu0, psi0);
    }

    private static double[] checkedMean(double[] m, int dim) {
        if (m.length != dim) {
            throw new IllegalArgumentException("meanPrior has length " + m.length + ", the data has " + dim + " columns");
        }
        return m.clone();
    }

    private static double[] checkedCovariance(double[][] c, int dim) {
        if (c.length != dim) {
            throw new IllegalArgumentException("covariancePrior has " + c.length + " rows, the data has " + dim + " columns");
        }
        double[] flat = new double[dim * dim];
        double scale = 0;
        for (int i = 0; i < dim; i++) {
            if (c[i].length != dim) {
                throw new IllegalArgumentException("covariancePrior row " + i + " has " + c[i].length + " columns, expected " + dim);
            }
            for (int j = 0; j < dim; j++) {
                flat[i * dim + j] = c[i][j];
                scale = Math.max(scale, Math.abs(c[i][j]));
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(flat[i * dim + j] - flat[j * dim + i]) > 1e-12 * scale) {
                    throw new IllegalArgumentException("covariancePrior must be symmetric, got [" + i + "][" + j + "] = "
                            + flat[i * dim + j] + " and [" + j + "][" + i + "] = " + flat[j * dim + i]);
                }
            }
        }
        return flat;
    }

    private static void requirePositive(double[] psi0, int dim, boolean wishart, String what) {
        for (double v : psi0) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " must be finite, got " + v);
            }
        }
        if (wishart) {
            try {
                LinearAlgebra.cholesky(Tensor.of(psi0, dim, dim));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " must be positive definite (" + e.getMessage() + ")", e);
            }
        } else {
            for (int d = 0; d < dim; d++) {
                if (!(psi0[d * dim + d] > 0)) {
                    throw new IllegalArgumentException(what + " must have a positive diagonal, got [" + d + "][" + d + "] = "
                            + psi0[d * dim + d]);
                }
            }
        }
    }

    /** {@code Ψ0_dd}, the diagonal of the covariance prior. */
    double[] covarianceDiagonal() {
        int dim = mean.length;
        double[] diag = new double[dim];
        for (int d = 0; d < dim; d++) {
            diag[d] = covariance[d * dim + d];
        }
        return diag;
    }
}
