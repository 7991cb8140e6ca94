package io.github.elbo4j.pathfinder;

import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.Optional;

/**
 * One of Pathfinder's normal approximations {@code q = N(μ, Σ)} over the unconstrained vector, at
 * an iterate {@code x} of the optimization path with {@code g = ∇log p(x)} and the L-BFGS
 * inverse-Hessian estimate {@code Σ = diag(α) + β γ βᵀ} ({@link InverseHessianFactors}):
 * {@code μ = x + Σ g} (one Newton step from {@code x}; Zhang, Carpenter, Gelman &amp; Vehtari,
 * JMLR 23(306), 2022, Algorithm 4).
 *
 * <p>Draws and {@code log q} without forming {@code Σ} when {@code 2m < D} (Algorithm 4): the thin
 * QR {@code Q R = diag(α)^{-1/2} β}, the Cholesky factor {@code L L ᵀ = I + R γ Rᵀ}, then
 * {@code Σ = diag(α)^{1/2} (I + Q (L Lᵀ - I) Qᵀ) diag(α)^{1/2}}, so that for
 * {@code u ~ N(0, I_D)}
 * <pre>
 * z = μ + diag(α)^{1/2} (Q (L - I) Qᵀ u + u),    log q(z) = -½ (log det Σ + uᵀu + D log 2π),
 * log det Σ = Σ_d log α_d + 2 Σ_i log L_ii
 * </pre>
 * (the factor {@code A = I + Q (L - I) Qᵀ} has {@code A Aᵀ = I + Q (L Lᵀ - I) Qᵀ} and
 * {@code det A = det L}). When {@code 2m ≥ D}, {@code Σ} is formed and factored directly.
 */
public final class NormalApproximation {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final double[] mean;
    private final InverseHessianFactors factors;
    private final double logDet;
    /** Low rank: {@code √α}, {@code Q} ({@code D × r}) and {@code L - I} ({@code r × r}); dense: the Cholesky factor of Σ. */
    private final Tensor sqrtAlpha;
    private final Tensor q;
    private final Tensor lMinusI;
    private final Tensor choleskyOfSigma;

    private NormalApproximation(double[] mean, InverseHessianFactors factors, double logDet, Tensor sqrtAlpha, Tensor q,
                                Tensor lMinusI, Tensor choleskyOfSigma) {
        this.mean = mean;
        this.factors = factors;
        this.logDet = logDet;
        this.sqrtAlpha = sqrtAlpha;
        this.q = q;
        this.lMinusI = lMinusI;
        this.choleskyOfSigma = choleskyOfSigma;
    }

    /**
     * The approximation at {@code x} with {@code gradient = ∇log p(x)} and the factors {@code h};
     * empty when {@code Σ} is not numerically positive definite or {@code μ} not finite (the
     * iterate is then skipped, as the paper's failed ELBO estimates are).
     */
    static Optional<NormalApproximation> of(double[] x, double[] gradient, InverseHessianFactors h) {
        int dim = x.length;
        double[] step = h.times(gradient);
        double[] mu = new double[dim];
        for (int d = 0; d < dim; d++) {
            mu[d] = x[d] + step[d];
            if (!Double.isFinite(mu[d])) {
                return Optional.empty();
            }
        }
        int r = h.gamma().length;
        double sumLogAlpha = 0;
        for (double a : h.alpha()) {
            sumLogAlpha += Math.log(a);
        }
        try {
            if (r >= dim) {
                Tensor l = LinearAlgebra.cholesky(Tensor.of(h.dense()));
                double logDet = LinearAlgebra.logDetFromCholesky(l).item();
                return finite(logDet) ? Optional.of(new NormalApproximation(mu, h, logDet, null, null, null, l)) : Optional.empty();
            }
            double[][] scaled = new double[dim][r];
            double[] sqrt = new double[dim];
            for (int d = 0; d < dim; d++) {
                sqrt[d] = Math.sqrt(h.alpha()[d]);
                for (int c = 0; c < r; c++) {
                    scaled[d][c] = h.beta()[d][c] / sqrt[d];
                }
            }
            ThinQr qr = ThinQr.of(scaled);
            double[][] inner = InverseHessianFactors.multiply(InverseHessianFactors.multiply(qr.r(), h.gamma()),
                    InverseHessianFactors.transpose(qr.r()));
            for (int i = 0; i < r; i++) {
                inner[i][i] += 1;
            }
            Tensor l = LinearAlgebra.cholesky(Tensor.of(inner));
            double logDet = sumLogAlpha + LinearAlgebra.logDetFromCholesky(l).item();
            if (!finite(logDet)) {
                return Optional.empty();
            }
            return Optional.of(new NormalApproximation(mu, h, logDet, Tensor.of(sqrt), Tensor.of(qr.q()), l.sub(Tensor.eye(r)), null));
        } catch (IllegalArgumentException notPositiveDefinite) {
            return Optional.empty();
        }
    }

    private static boolean finite(double v) {
        return Double.isFinite(v);
    }

    /** {@code μ = x + Σ ∇log p(x)}, a copy. */
    public double[] mean() {
        return mean.clone();
    }

    /** The dimension {@code D}. */
    public int dimension() {
        return mean.length;
    }

    /** {@code Σ = diag(α) + β γ βᵀ} as a dense {@code D × D} array (for checks and small {@code D}). */
    public double[][] covariance() {
        return factors.dense();
    }

    /** {@code log det Σ}. */
    public double logDeterminant() {
        return logDet;
    }

    /** The rank {@code 2m} of the low-rank part (twice the number of curvature pairs used). */
    public int rank() {
        return factors.gamma().length;
    }

    /**
     * Draws with their log densities.
     *
     * @param points {@code [K, D]}, one draw per row
     * @param logQ   {@code log q} of each row
     */
    public record Draws(Tensor points, double[] logQ) {
    }

    /** {@code k} draws {@code z ~ q} and {@code log q(z)} (the formulas in the class comment); {@code rng} gives the noise. */
    public Draws sample(int k, RandomStream rng) {
        int dim = mean.length;
        double[] noise = new double[k * dim];
        rng.fillGaussian(noise);
        Tensor u = Tensor.of(noise, k, dim);
        Tensor centred;
        if (choleskyOfSigma != null) {
            centred = u.matmul(choleskyOfSigma.transpose());
        } else {
            Tensor projected = u.matmul(q);                                         // [K, r] rows Qᵀu
            centred = projected.matmul(lMinusI.transpose()).matmul(q.transpose()).add(u).mul(sqrtAlpha);
        }
        Tensor points = centred.add(Tensor.of(mean.clone()));
        double[] logQ = new double[k];
        for (int i = 0; i < k; i++) {
            double uu = 0;
            for (int d = 0; d < dim; d++) {
                uu += noise[i * dim + d] * noise[i * dim + d];
            }
            logQ[i] = -0.5 * (logDet + uu + dim * LOG_2PI);
        }
        return new Draws(points, logQ);
    }
}
