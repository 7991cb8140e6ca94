package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;

/**
 * Sparse GP regression with the collapsed variational bound of Titsias ("Variational learning of
 * inducing variables in sparse Gaussian processes", AISTATS 2009, eq. 9): with inducing inputs
 * {@code Z} ({@code m} rows), {@code Q_ff = K_fu K_uu⁻¹ K_uf},
 * <pre>
 *   F = log N(y | 0, Q_ff + σ² I) - tr(K_ff - Q_ff) / (2σ²)  ≤  log p(y)
 * </pre>
 * evaluated in {@code O(n m²)} through Woodbury: {@code L = chol(K_uu + εI)},
 * {@code A = L⁻¹ K_uf / σ} ({@code m×n}), so {@code Q_ff + σ²I = σ² (I + AᵀA)}; with
 * {@code B = I + AAᵀ = L_B L_Bᵀ} and {@code c = L_B⁻¹ A y / σ}:
 * <pre>
 *   F = -(n/2) log 2π - Σ log (L_B)_ii - (n/2) log σ² - yᵀy/(2σ²) + cᵀc/2
 *       - Σ_i k(x_i, x_i)/(2σ²) + tr(AAᵀ)/2
 * </pre>
 * (determinant lemma and Woodbury identity for the first line, {@code tr Q_ff = σ² tr AAᵀ} for the
 * second). The optimal whitened {@code q(v)}, {@code v = L⁻¹u}, is {@code N(B⁻¹Ay/σ, B⁻¹)}: the
 * posterior of {@code v ~ N(0, I)} under {@code y = σAᵀv + ε}. Predictions at {@code x*}: with
 * {@code T₁ = L⁻¹ K_u*} and {@code T₂ = L_B⁻¹ T₁}, {@code E f* = T₂ᵀ c},
 * {@code Var f* = k** - Σ T₁² + Σ T₂²} (column sums). When {@code Z} is the training inputs and
 * {@code ε = 0}, {@code Q_ff = K_ff} and {@code F} is the exact log marginal likelihood.
 */
public final class SparseGpRegression {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final Kernel kernel;
    private final double noiseVariance;
    private final Tensor inducing;
    private final Tensor kuuFactor;
    private final Tensor bFactor;
    private final Tensor c;
    private final double bound;

    private SparseGpRegression(Kernel kernel, double noiseVariance, Tensor inducing, Tensor kuuFactor,
            Tensor bFactor, Tensor c, double bound) {
        this.kernel = kernel;
        this.noiseVariance = noiseVariance;
        this.inducing = inducing;
        this.kuuFactor = kuuFactor;
        this.bFactor = bFactor;
        this.c = c;
        this.bound = bound;
    }

    /**
     * The collapsed posterior for data {@code (x, y)} with inducing inputs {@code z} ({@code [m, d]})
     * and {@code jitter} {@code ε} on the diagonal of {@code K_uu}.
     *
     * @throws IllegalArgumentException on mismatched shapes, a non-positive noise variance, a
     *     negative jitter or a {@code K_uu + εI} that is not positive definite
     */
    public static SparseGpRegression fit(Kernel kernel, double noiseVariance, Tensor z, Tensor x, Tensor y,
            double jitter) {
        ExactGp.checkData("SparseGpRegression", x, y);
        Svgp.checkInducing("SparseGpRegression", z, x.dim(1), kernel);
        Positive.check("SparseGpRegression noise variance", noiseVariance);
        Jitter.check("SparseGpRegression", jitter);
        Var[] parts = parts(kernel, Var.constant(kernel.parameters()), Var.constant(noiseVariance), Var.constant(z),
                x, y, jitter);
        return new SparseGpRegression(kernel, noiseVariance, z, parts[0].value(), parts[1].value(), parts[2].value(),
                parts[3].item());
    }

    /**
     * The bound {@code F} above, differentiable in the unconstrained kernel hyperparameters
     * {@code u}, the noise variance and the inducing inputs {@code z}.
     */
    public static Var bound(Kernel kernel, Var u, Var noiseVariance, Var z, Tensor x, Tensor y, double jitter) {
        ExactGp.checkData("SparseGpRegression", x, y);
        Svgp.checkInducing("SparseGpRegression", z.value(), x.dim(1), kernel);
        return parts(kernel, u, noiseVariance, z, x, y, Jitter.check("SparseGpRegression", jitter))[3];
    }

    /** {@code [L, L_B, c, F]}. */
    private static Var[] parts(Kernel kernel, Var u, Var noiseVariance, Var z, Tensor x, Tensor y, double jitter) {
        int n = x.dim(0);
        int m = z.shape()[0];
        Var xs = Var.constant(x);
        Var l = Jitter.cholesky("SparseGpRegression K_uu", kernel.matrix(u, z, z), jitter);
        Var sigma = noiseVariance.sqrt();
        Var a = l.triangularSolve(kernel.matrix(u, z, xs), true, false).div(sigma);
        Var aat = a.matmul(a.transpose());
        Var lb = Jitter.cholesky("SparseGpRegression I + A Aᵀ", aat.add(Tensor.eye(m)), 0);
        Var c = lb.triangularSolve(a.matmul(Var.constant(y.reshape(n, 1))), true, false).reshape(m).div(sigma);
        double yy = y.square().sum().item();
        Var f = lb.logDetFromCholesky().mul(-0.5)
                .sub(noiseVariance.log().mul(0.5 * n))
                .sub(noiseVariance.rdiv(0.5 * yy))
                .add(c.square().sum().mul(0.5))
                .sub(kernel.diagonal(u, xs).sum().div(noiseVariance).mul(0.5))
                .add(aat.diagonal().sum().mul(0.5))
                .sub(0.5 * n * LOG_TWO_PI);
        return new Var[] {l, lb, c, f};
    }

    /** The bound {@code F} at the fitted data: a lower bound on the log marginal likelihood. */
    public double elbo() {
        return bound;
    }

    /** The predictive distribution at {@code xs} under the optimal {@code q(u)}. */
    public GpPrediction predict(Tensor xs) {
        Tensor t1 = LinearAlgebra.triangularSolve(kuuFactor, kernel.matrix(inducing, xs), true, false);
        Tensor t2 = LinearAlgebra.triangularSolve(bFactor, t1, true, false);
        Tensor mean = t2.transpose().matmul(c);
        Tensor var = kernel.diagonal(xs).sub(t1.square().sum(0)).add(t2.square().sum(0));
        return new GpPrediction(mean, var, mean, var.add(noiseVariance));
    }

    /** The optimal whitened mean {@code B⁻¹ A y / σ = L_B⁻ᵀ c}, {@code [m]}. */
    public Tensor whitenedMean() {
        return LinearAlgebra.triangularSolve(bFactor, c, true, true);
    }

    /** A lower-triangular {@code S} with {@code S Sᵀ = B⁻¹}, the optimal whitened covariance. */
    public Tensor whitenedScaleTril() {
        return LinearAlgebra.cholesky(LinearAlgebra.choleskyInverse(bFactor));
    }

    /** The inducing inputs. */
    public Tensor inducing() {
        return inducing;
    }
}
