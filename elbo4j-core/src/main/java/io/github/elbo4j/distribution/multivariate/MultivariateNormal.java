package io.github.elbo4j.distribution.multivariate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.MatrixParameterChecks;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SampleRows;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;

/**
 * The multivariate normal {@code N(μ, Σ)} on {@code ℝ^d} with density
 * {@code p(x) = (2π)^{-d/2} det(Σ)^{-1/2} exp(-½ (x - μ)ᵀ Σ⁻¹ (x - μ))} (Bishop, PRML, eq. 2.43),
 * event shape {@code [d]}, batch shape the broadcast of {@code loc}'s leading axes and the
 * matrices' batch axes.
 *
 * <p>Three parameterizations, each stored as a Cholesky factor so that no inverse is ever formed:
 * <ul>
 *   <li>{@link #ofScaleTril}: {@code Σ = L Lᵀ}; {@code (x-μ)ᵀ Σ⁻¹ (x-μ) = ‖L⁻¹(x-μ)‖²}, one
 *       forward substitution; {@code log det Σ = 2 Σ log L_ii}; draws {@code μ + L ε}.</li>
 *   <li>{@link #ofCovariance}: {@code L = chol(Σ)}, then as above.</li>
 *   <li>{@link #ofPrecision}: {@code Λ = Σ⁻¹ = U Uᵀ}; {@code (x-μ)ᵀ Λ (x-μ) = ‖Uᵀ(x-μ)‖²}, a
 *       matrix product; {@code log det Σ = -2 Σ log U_ii}; draws {@code μ + U⁻ᵀ ε}, one back
 *       substitution ({@code Cov(U⁻ᵀ ε) = U⁻ᵀ U⁻¹ = Λ⁻¹}).</li>
 * </ul>
 * All draws of a batch element are whitened or colored by one solve or product with the
 * draws as columns ({@link SampleRows}). Density, draws and moments: {@link GaussianVector}.
 */
public final class MultivariateNormal extends GaussianVector<GaussianCovariance> {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("MultivariateNormal")
            .and("loc", ParameterRule.FINITE)
            .and("scaleTril", ParameterRule.LOWER_CHOLESKY)
            .and("covariance", ParameterRule.POSITIVE_DEFINITE)
            .and("precision", ParameterRule.POSITIVE_DEFINITE);

    private static final String NAME = "MultivariateNormal";

    private MultivariateNormal(Var loc, GaussianCovariance covariance) {
        super(PARAMETERS, loc, covariance);
    }

    /** {@code N(loc, L Lᵀ)} from the lower Cholesky factor {@code scaleTril} {@code [..., d, d]} (positive diagonal, zeros above). */
    public static MultivariateNormal ofScaleTril(Var loc, Var scaleTril) {
        MatrixParameterChecks.square(NAME, "scaleTril", scaleTril.shape());
        PARAMETERS.check("scaleTril", scaleTril.value());
        return new MultivariateNormal(loc, new CholeskyCovariance(scaleTril));
    }

    /** {@code N(loc, L Lᵀ)} with data parameters. */
    public static MultivariateNormal ofScaleTril(Tensor loc, Tensor scaleTril) {
        return ofScaleTril(Var.constant(loc), Var.constant(scaleTril));
    }

    /** {@code N(loc, Σ)} from a symmetric positive-definite {@code covariance} {@code [..., d, d]}, factored as {@code Σ = L Lᵀ}. */
    public static MultivariateNormal ofCovariance(Var loc, Var covariance) {
        MatrixParameterChecks.square(NAME, "covariance", covariance.shape());
        PARAMETERS.check("covariance", covariance.value());
        return new MultivariateNormal(loc, new CholeskyCovariance(covariance.cholesky()));
    }

    /** {@code N(loc, Σ)} with data parameters. */
    public static MultivariateNormal ofCovariance(Tensor loc, Tensor covariance) {
        return ofCovariance(Var.constant(loc), Var.constant(covariance));
    }

    /** {@code N(loc, Λ⁻¹)} from a symmetric positive-definite {@code precision} {@code Λ} {@code [..., d, d]}, factored as {@code Λ = U Uᵀ}. */
    public static MultivariateNormal ofPrecision(Var loc, Var precision) {
        MatrixParameterChecks.square(NAME, "precision", precision.shape());
        PARAMETERS.check("precision", precision.value());
        return new MultivariateNormal(loc, new PrecisionCovariance(precision.cholesky()));
    }

    /** {@code N(loc, Λ⁻¹)} with data parameters. */
    public static MultivariateNormal ofPrecision(Tensor loc, Tensor precision) {
        return ofPrecision(Var.constant(loc), Var.constant(precision));
    }

    @Override
    public MultivariateNormal expand(int... shape) {
        return new MultivariateNormal(loc().broadcastTo(Broadcasting.concat(shape, new int[] {dim()})), covariance.expand(shape));
    }
}
