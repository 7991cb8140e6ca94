package io.github.elbo4j.infer.guide;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.multivariate.LowRankMultivariateNormal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Map;

/**
 * Diagonal plus rank-{@code k} ADVI (Pyro's {@code AutoLowRankMultivariateNormal}; Rezende,
 * Mohamed &amp; Wierstra, ICML 2014, sec. 4.3, for the factor covariance): {@code v ~ N(μ, W Wᵀ + diag σ²)}
 * with {@code W} {@code [D, k]}, drawn as the guide site {@code _auto_latent} from a
 * {@link LowRankMultivariateNormal} (density by the Woodbury identity, {@code O(D k²)}), then
 * {@code u = shift + c ⊙ v} with a diagonal {@link Preconditioner}, so the covariance of {@code u}
 * is diagonal plus rank {@code k} too. Parameters {@code auto_loc} ({@code μ}), {@code auto_cov_factor}
 * ({@code W}) and {@code auto_scale} ({@code σ > 0}). {@code W = 0} is a stationary point of the
 * ELBO (the gradient in {@code W} is {@code E[∇ log p · ε₁ᵀ] - 2 Σ⁻¹ W}, zero there by the symmetry
 * of {@code ε₁}), so {@code W} starts at small fixed draws: entries {@code N(0, (0.1 s)² / k)} with
 * {@code s} the initial scale, from the stream of seed 0 (the same start for every fit).
 *
 * <p>The diagonal scales are kept above {@code σ_min = 10⁻⁶ s} ({@link #SCALE_FLOOR}; the
 * parameter's constraint is {@code GreaterThan(σ_min)}). Without a floor the Woodbury density is
 * exploitable: with {@code σ_i → 0} the quadratic form {@code vᵀD⁻¹v - vᵀD⁻¹W C⁻¹ WᵀD⁻¹v} is a
 * difference of two terms of order {@code |Wε|²/σ_i²} whose true value is of order 1, so its
 * rounding error grows like {@code 10⁻¹⁶ |Wε|²/σ_i²}. A deterministic fit (fixed draws, L-BFGS) of a
 * 3-latent regression drove one {@code σ_i} to {@code 5·10⁻⁹}, where that error is of order 100:
 * its ELBO estimate read 1.6 nats above the exact log evidence and k-hat 6
 * ({@code LowRankGuideTest#theElboNeverExceedsTheLogEvidenceOnAnUncenteredRegression}). At the floor
 * the error is below {@code 10⁻⁴ |Wε|²/s²}.
 *
 * <p>Every estimator of the other Gaussian guides applies: {@code v} is an ordinary site (so
 * sticking-the-landing re-scores it), and deterministic VI fixes its draws through the
 * {@code D + k} standard normal columns of {@code v = μ + W ε₁ + σ ⊙ ε₂}.
 *
 * @param rank      {@code k >= 1}, or 0 for the default rule {@link #defaultRank(int)}
 * @param initScale the initial {@code σ} of every coordinate without a preconditioner
 */
public record AutoLowRankMultivariateNormal(int rank, double initScale) implements AutoGuide {

    /** The floor of the diagonal scales relative to the initial scale {@code s}: {@code σ_i > 10⁻⁶ s}. */
    public static final double SCALE_FLOOR = 1e-6;

    /** Validates the settings. */
    public AutoLowRankMultivariateNormal {
        if (rank < 0) {
            throw new IllegalArgumentException("low-rank guide rank k must be >= 1, got " + rank);
        }
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("AutoLowRankMultivariateNormal initScale must be finite and > 0, got " + initScale);
        }
    }

    /**
     * The rank when none is given: {@code round(√D)} (Pyro's default), kept in {@code [1, D - 1]};
     * 0 when {@code D < 2} (no low-rank part fits).
     */
    public static int defaultRank(int dimension) {
        return dimension < 2 ? 0 : (int) Math.max(1, Math.min(dimension - 1, Math.round(Math.sqrt(dimension))));
    }

    /** The rank used for a model with {@code dimension} unconstrained latents, checked against it. */
    public int rankFor(int dimension) {
        int k = rank == 0 ? defaultRank(dimension) : rank;
        if (k < 1 || k >= dimension) {
            throw new IllegalArgumentException("low-rank guide rank k = " + k + " must be >= 1 and < the latent dimension D = "
                    + dimension + " (for a full covariance use AutoGuide.fullRank())");
        }
        return k;
    }

    @Override
    public Model guideFor(LatentLayout layout, Preconditioner pre) {
        if (!pre.isDiagonal()) {
            throw new IllegalArgumentException("a low-rank guide needs a diagonal preconditioner, got a dense one");
        }
        int d = layout.dimension();
        int k = rankFor(d);
        double s = pre.isIdentity() ? initScale : 1.0;
        Tensor loc0 = pre.isIdentity() ? layout.initialVector() : Tensor.zeros(d);
        Tensor scale0 = Tensor.full(s, d);
        double[] w = new double[d * k];
        RandomStream.of(0).fillGaussian(w);
        Tensor factor0 = Tensor.of(w, d, k).mul(0.1 * s / Math.sqrt(k));
        return m -> {
            Var loc = m.param("auto_loc", loc0);
            Var factor = m.param("auto_cov_factor", factor0);
            Var scale = m.param("auto_scale", scale0, new Constraint.GreaterThan(SCALE_FLOOR * s));
            Var v = m.sample(LatentSites.LATENT, LowRankMultivariateNormal.of(loc, factor, scale.square()));
            LatentSites.emit(m, layout, pre, v);
        };
    }

    /** {@code N(shift + c ⊙ μ, diag(c) (W Wᵀ + diag σ²) diag(c))}, its square root the Cholesky factor of {@code W Wᵀ + diag σ²} mapped by {@code c}. */
    @Override
    public GaussianMoments moments(Map<String, Tensor> parameters, Preconditioner pre) {
        Tensor w = parameters.get("auto_cov_factor");
        Tensor cov = w.matmul(w.transpose()).add(LinearAlgebra.diagEmbed(parameters.get("auto_scale").square()));
        return new GaussianMoments(pre.apply(parameters.get("auto_loc")), pre.mapFactor(LinearAlgebra.cholesky(cov)));
    }

    /** The mean-field coordinates of the Laplace approximation, {@code c_i = 1/√H_ii} ({@link AutoNormal#preconditioner}): the factor starts small. */
    @Override
    public Preconditioner preconditioner(Tensor mode, Tensor precisionCholesky) {
        return new AutoNormal(initScale).preconditioner(mode, precisionCholesky);
    }

    @Override
    public String familyName() {
        return "lowrank";
    }

    /** {@code lowrank:k} when a rank was given, else {@code lowrank}. */
    @Override
    public String settingsName() {
        return rank == 0 ? familyName() : familyName() + ":" + rank;
    }
}
