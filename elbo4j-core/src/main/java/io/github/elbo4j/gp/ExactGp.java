package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * Exact GP regression {@code f ~ GP(0, k)}, {@code y_i = f(x_i) + ε_i}, {@code ε_i ~ N(0, σ²)}, by
 * one Cholesky factorization (Rasmussen &amp; Williams, "Gaussian Processes for Machine Learning",
 * MIT Press 2006, Algorithm 2.1):
 * <pre>
 *   L = chol(K + σ² I),  α = Lᵀ \ (L \ y)
 *   log p(y) = -½ yᵀα - Σ_i log L_ii - (n/2) log 2π
 *   E[f*] = k*ᵀ α,  v = L \ k*,  Var f* = k(x*, x*) - vᵀv
 * </pre>
 * {@code O(n³)} time and {@code O(n²)} memory: the reference for small data sets, against which the
 * sparse approximations ({@link SparseGpRegression}, {@link Svgp}) are checked. Hyperparameters
 * are fixed here (the kernel's own); {@link #logMarginalLikelihood(Kernel, Var, Var, Tensor, Tensor)}
 * is differentiable in them for type-II maximum likelihood.
 */
public final class ExactGp {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final Kernel kernel;
    private final double noiseVariance;
    private final Tensor x;
    private final Tensor factor;
    private final Tensor alpha;
    private final double logMarginalLikelihood;

    private ExactGp(Kernel kernel, double noiseVariance, Tensor x, Tensor factor, Tensor alpha, double lml) {
        this.kernel = kernel;
        this.noiseVariance = noiseVariance;
        this.x = x;
        this.factor = factor;
        this.alpha = alpha;
        this.logMarginalLikelihood = lml;
    }

    /**
     * Conditions the GP on {@code y} ({@code [n]}) at inputs {@code x} ({@code [n, d]}).
     *
     * @throws IllegalArgumentException if the shapes do not fit, {@code noiseVariance} is not finite
     *     and {@code > 0}, or {@code K + σ² I} is not positive definite
     */
    public static ExactGp fit(Kernel kernel, double noiseVariance, Tensor x, Tensor y) {
        checkData("ExactGp", x, y);
        Positive.check("ExactGp noise variance", noiseVariance);
        Var lml = logMarginalLikelihood(kernel, Var.constant(kernel.parameters()), Var.constant(noiseVariance), x, y);
        Tensor k = kernel.matrix(x, x).add(Tensor.eye(x.dim(0)).mul(noiseVariance));
        Tensor l = Jitter.cholesky("ExactGp K + noise variance I", Var.constant(k), 0).value();
        Tensor a = LinearAlgebra.choleskySolve(l, y);
        return new ExactGp(kernel, noiseVariance, x, l, a, lml.item());
    }

    /**
     * {@code log p(y | x) = -½ yᵀ(K + σ²I)⁻¹y - ½ log|K + σ²I| - (n/2) log 2π} (R&amp;W eq. 2.30),
     * differentiable in the unconstrained kernel hyperparameters {@code u} and in {@code σ²}.
     */
    public static Var logMarginalLikelihood(Kernel kernel, Var u, Var noiseVariance, Tensor x, Tensor y) {
        checkData("ExactGp", x, y);
        int n = x.dim(0);
        Var k = kernel.matrix(u, Var.constant(x), Var.constant(x)).add(noiseVariance.mul(Tensor.eye(n)));
        Var l = Jitter.cholesky("ExactGp K + noise variance I", k, 0);
        Var w = l.triangularSolve(Var.constant(y), true, false);
        return w.square().sum().mul(-0.5).sub(l.logDetFromCholesky().mul(0.5)).sub(0.5 * n * LOG_TWO_PI);
    }

    /** The log marginal likelihood at the fitted data. */
    public double logMarginalLikelihood() {
        return logMarginalLikelihood;
    }

    /** The predictive distribution at {@code xs} ({@code [n*, d]}); total variance adds {@code σ²}. */
    public GpPrediction predict(Tensor xs) {
        Tensor ks = kernel.matrix(x, xs);
        Tensor mean = ks.transpose().matmul(alpha);
        Tensor v = LinearAlgebra.triangularSolve(factor, ks, true, false);
        Tensor var = kernel.diagonal(xs).sub(v.square().sum(0));
        return new GpPrediction(mean, var, mean, var.add(noiseVariance));
    }

    /** Per point {@code log N(y*_i | E f*_i, Var f*_i + σ²)}, {@code [n*]}. */
    public Tensor logPredictiveDensity(Tensor xs, Tensor ys) {
        checkData("ExactGp.logPredictiveDensity", xs, ys);
        GpPrediction p = predict(xs);
        return GaussianLikelihood.logNormal(ys, p.mean(), p.variance());
    }

    /** The kernel. */
    public Kernel kernel() {
        return kernel;
    }

    /** The noise variance {@code σ²}. */
    public double noiseVariance() {
        return noiseVariance;
    }

    static void checkData(String owner, Tensor x, Tensor y) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException(owner + " x must have shape [n, d], got " + Arrays.toString(x.shape()));
        }
        if (y.rank() != 1 || y.dim(0) != x.dim(0)) {
            throw new IllegalArgumentException(owner + " y must have shape [" + x.dim(0) + "] (one per row of x), got "
                    + Arrays.toString(y.shape()));
        }
        if (!x.allFinite() || !y.allFinite()) {
            throw new IllegalArgumentException(owner + " x and y must be finite");
        }
    }
}
