package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

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
 * draws as columns ({@link SampleRows}).
 */
public final class MultivariateNormal implements Distribution {

    private static final String NAME = "MultivariateNormal";

    private final Var loc;
    private final GaussianCovariance covariance;
    private final int[] batchShape;

    private MultivariateNormal(Var loc, GaussianCovariance covariance) {
        int d = covariance.dim();
        MatrixParameterChecks.vector(NAME, "loc", loc.shape(), d);
        ParameterChecks.finite(NAME, "loc", loc.value());
        int[] ls = loc.shape();
        this.loc = loc;
        this.covariance = covariance;
        this.batchShape = Broadcasting.shape(Arrays.copyOf(ls, ls.length - 1), covariance.batchShape());
    }

    /** {@code N(loc, L Lᵀ)} from the lower Cholesky factor {@code scaleTril} {@code [..., d, d]} (positive diagonal, zeros above). */
    public static MultivariateNormal ofScaleTril(Var loc, Var scaleTril) {
        MatrixParameterChecks.square(NAME, "scaleTril", scaleTril.shape());
        MatrixParameterChecks.lowerCholesky(NAME, "scaleTril", scaleTril.value());
        return new MultivariateNormal(loc, new CholeskyCovariance(scaleTril));
    }

    /** {@code N(loc, L Lᵀ)} with data parameters. */
    public static MultivariateNormal ofScaleTril(Tensor loc, Tensor scaleTril) {
        return ofScaleTril(Var.constant(loc), Var.constant(scaleTril));
    }

    /** {@code N(loc, Σ)} from a symmetric positive-definite {@code covariance} {@code [..., d, d]}, factored as {@code Σ = L Lᵀ}. */
    public static MultivariateNormal ofCovariance(Var loc, Var covariance) {
        MatrixParameterChecks.square(NAME, "covariance", covariance.shape());
        MatrixParameterChecks.positiveDefinite(NAME, "covariance", covariance.value());
        return new MultivariateNormal(loc, new CholeskyCovariance(covariance.cholesky()));
    }

    /** {@code N(loc, Σ)} with data parameters. */
    public static MultivariateNormal ofCovariance(Tensor loc, Tensor covariance) {
        return ofCovariance(Var.constant(loc), Var.constant(covariance));
    }

    /** {@code N(loc, Λ⁻¹)} from a symmetric positive-definite {@code precision} {@code Λ} {@code [..., d, d]}, factored as {@code Λ = U Uᵀ}. */
    public static MultivariateNormal ofPrecision(Var loc, Var precision) {
        MatrixParameterChecks.square(NAME, "precision", precision.shape());
        MatrixParameterChecks.positiveDefinite(NAME, "precision", precision.value());
        return new MultivariateNormal(loc, new PrecisionCovariance(precision.cholesky()));
    }

    /** {@code N(loc, Λ⁻¹)} with data parameters. */
    public static MultivariateNormal ofPrecision(Tensor loc, Tensor precision) {
        return ofPrecision(Var.constant(loc), Var.constant(precision));
    }

    /** The mean {@code μ}, as given. */
    public Var loc() {
        return loc;
    }

    /** The dimension {@code d}. */
    public int dim() {
        return covariance.dim();
    }

    /** The lower Cholesky factor of {@code Σ} (computed from the precision's factor when given a precision). */
    public Var scaleTril() {
        return covariance.scaleTril();
    }

    /** {@code Σ}. */
    public Var covariance() {
        return covariance.covariance();
    }

    /** {@code Σ⁻¹}. */
    public Var precision() {
        return covariance.precision();
    }

    GaussianCovariance covarianceModel() {
        return covariance;
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return new int[] {dim()};
    }

    @Override
    public Constraint support() {
        return new Constraint.RealVector();
    }

    /**
     * {@code log p(x) = -½ ‖S⁻¹(x - μ)‖² - ½ log det Σ - (d/2) log 2π} (see the class comment for
     * {@code S⁻¹}); {@code -∞} for a vector with a NaN, which lies outside {@code ℝ^d}.
     */
    @Override
    public Var logProb(Var value) {
        MatrixParameterChecks.vector(NAME, "value", value.shape(), dim());
        Var lp = covariance.logDensity(value, loc);
        // a NaN coordinate (the only way out of ℝ^d) makes its log-density NaN: check the vectors only then
        return lp.value().allFinite() ? lp : SupportMask.apply(lp, support(), value);
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /** {@code x = μ + L ε} (or {@code μ + U⁻ᵀ ε}), {@code ε ~ N(0, I_d)}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        return covariance.draw(loc, batchShape, rng, sampleShape);
    }

    @Override
    public MultivariateNormal expand(int... shape) {
        return new MultivariateNormal(loc.broadcastTo(Broadcasting.concat(shape, new int[] {dim()})), covariance.expand(shape));
    }

    /** {@code E[x] = μ}. */
    @Override
    public Tensor mean() {
        return loc.value().broadcastTo(Broadcasting.concat(batchShape, new int[] {dim()}));
    }

    /** The marginal variances {@code Σ_ii}. */
    @Override
    public Tensor variance() {
        return covariance.variance().value().broadcastTo(Broadcasting.concat(batchShape, new int[] {dim()}));
    }

    /** {@code H = (d/2)(1 + log 2π) + ½ log det Σ} (Bishop, PRML, exercise 2.15). */
    @Override
    public Var entropy() {
        return covariance.entropy(batchShape);
    }
}
