package io.github.elbo4j.distribution.discrete;

import io.github.elbo4j.autodiff.CustomFunction;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.DiscreteEntropy;
import io.github.elbo4j.distribution.kernel.DiscreteQuantile;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.math.SaddlePoint;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.random.kernel.BinomialSampler;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * The Poisson distribution {@code P(K = k) = λ^k e^{-λ} / k!} for {@code k = 0, 1, ...} (Bishop,
 * PRML, eq. 2.268 ff.; DLMF 8.4.10 for its cdf), parameterized by the rate {@code λ >= 0}
 * ({@code λ = 0} is the point mass at 0).
 */
public final class Poisson implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Poisson")
            .and("rate", ParameterRule.NON_NEGATIVE);

    private static final String NAME = "Poisson";
    /** Above this mean, Commons RNG's {@link PoissonSampler} is replaced by Knuth's gamma reduction. */
    private static final double SAMPLER_LIMIT = 1e8;
    /** At and above this rate the entropy comes from its asymptotic series (error below 1e-17 relative). */
    private static final double ASYMPTOTIC_ENTROPY = 1e4;

    private final Var rate;
    private final int[] batchShape;

    private Poisson(Var rate) {
        PARAMETERS.check("rate", rate.value());
        this.rate = rate;
        this.batchShape = rate.shape();
    }

    /** {@code Poisson(λ)} with a differentiable rate. */
    public static Poisson of(Var rate) {
        return new Poisson(rate);
    }

    /** {@code Poisson(λ)} with data rates. */
    public static Poisson of(Tensor rate) {
        return of(Var.constant(rate));
    }

    /** A scalar {@code Poisson(λ)}. */
    public static Poisson of(double rate) {
        return of(Tensor.scalar(rate));
    }

    /** The rate {@code λ}. */
    public Var rate() {
        return rate;
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return new int[0];
    }

    /** {@code {0, 1, 2, ...}}. */
    @Override
    public Constraint support() {
        return new Constraint.NonNegativeInteger();
    }

    /**
     * {@code log P(K = k) = k log λ - λ - log k!}, evaluated by Loader's saddle-point expansion
     * ({@link SaddlePoint}), which keeps full relative accuracy for large counts; {@code -∞} for
     * {@code k} not a non-negative integer. Gradient with respect to the rate: {@code k/λ - 1}.
     */
    @Override
    public Var logProb(Var value) {
        Tensor k = value.value();
        int[] shape = Broadcasting.shape(k.shape(), batchShape);
        double[] kk = k.broadcastTo(shape).toArray();
        double[] lam = rate.value().broadcastTo(shape).toArray();
        double[] lp = new double[kk.length];
        double[] score = new double[kk.length];
        for (int i = 0; i < lp.length; i++) {
            if (kk[i] >= 0 && kk[i] == Math.rint(kk[i]) && !Double.isInfinite(kk[i])) {
                lp[i] = SaddlePoint.poisson(kk[i], lam[i]);
                score[i] = (kk[i] == 0 ? 0 : kk[i] / lam[i]) - 1;
            } else {
                lp[i] = Double.NEGATIVE_INFINITY;
            }
        }
        Tensor grad = Tensor.of(score, shape);
        return CustomFunction.apply(Tensor.of(lp, shape), (g, input) -> g.mul(grad).sumTo(rate.shape()), rate);
    }

    /** Draws by Commons RNG's {@link PoissonSampler} (Knuth's reduction, {@link #draw}, above mean 1e8). */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        double[] lam = rate.value().toArray();
        int draws = Broadcasting.size(sampleShape);
        double[] x = new double[draws * lam.length];
        UniformRandomProvider source = rng.provider();
        for (int b = 0; b < lam.length; b++) {
            if (lam[b] == 0) {
                continue;
            }
            if (lam[b] <= SAMPLER_LIMIT) {
                var sampler = PoissonSampler.of(source, lam[b]);
                for (int s = 0; s < draws; s++) {
                    x[s * lam.length + b] = sampler.sample();
                }
            } else {
                for (int s = 0; s < draws; s++) {
                    x[s * lam.length + b] = draw(source, lam[b]);
                }
            }
        }
        return Tensor.of(x, shape);
    }

    /**
     * One exact Poisson(μ) draw for any finite {@code μ >= 0}. Above {@value #SAMPLER_LIMIT} it uses
     * the reduction of Knuth (TAOCP vol. 2, 3rd ed., sec. 3.4.1, the Poisson distribution): with
     * {@code m = ⌊7μ/8⌋} and {@code X ~ Gamma(m)}, the arrival time of the {@code m}-th event of a
     * unit-rate process, the count is {@code m + Poisson(μ - X)} if {@code X < μ}, else
     * Binomial({@code m - 1}, {@code μ/X}).
     */
    static double draw(UniformRandomProvider rng, double mu) {
        double count = 0;
        while (mu > SAMPLER_LIMIT) {
            double m = Math.floor(0.875 * mu);
            double x = AhrensDieterMarsagliaTsangGammaSampler.of(rng, m, 1).sample();
            if (x >= mu) {
                return count + BinomialSampler.draw(rng, m - 1, mu / x);
            }
            count += m;
            mu -= x;
        }
        return mu == 0 ? count : count + PoissonSampler.of(rng, mu).sample();
    }

    @Override
    public Poisson expand(int... shape) {
        return new Poisson(rate.broadcastTo(shape));
    }

    /** {@code E[K] = λ}. */
    @Override
    public Tensor mean() {
        return rate.value();
    }

    /** {@code Var[K] = λ}. */
    @Override
    public Tensor variance() {
        return rate.value();
    }

    /**
     * {@code H = -Σ_k P(k) log P(k)}, which has no closed form: for {@code λ < 1e4} it is summed
     * outward from the mode {@code ⌊λ⌋} until the remaining terms are provably below {@code 1e-17 H}
     * ({@link DiscreteEntropy}); for {@code λ >= 1e4} it is the asymptotic series
     * {@code H = ½ log(2πeλ) - 1/(12λ) - 1/(24λ²) - 19/(360λ³) + O(λ⁻⁴)} (Evans, Boersma,
     * Blachman &amp; Jagers, "The entropy of a Poisson distribution", SIAM Review 30(2), 1988;
     * checked against 40-digit summation, which puts the neglected term near {@code -0.1125/λ⁴},
     * below {@code 2e-18 H} there). Differentiable in {@code λ}:
     * {@code dH/dλ = -Σ P(k) (k/λ - 1) log P(k)}, or the derivative of the series.
     */
    @Override
    public Var entropy() {
        double[] lam = rate.value().toArray();
        double[] h = new double[lam.length];
        double[] dh = new double[lam.length];
        for (int b = 0; b < lam.length; b++) {
            double l = lam[b];
            if (l >= ASYMPTOTIC_ENTROPY) {
                double r = 1.0 / l;
                h[b] = 0.5 * Math.log(2 * Math.PI * Math.E * l) - r * (1.0 / 12 + r * (1.0 / 24 + r * 19.0 / 360));
                dh[b] = r * (0.5 + r * (1.0 / 12 + r * (1.0 / 12 + r * 19.0 / 120)));
            } else if (l == 0) {
                dh[b] = Double.POSITIVE_INFINITY;
            } else {
                double[] r = DiscreteEntropy.of(k -> SaddlePoint.poisson(k, l), k -> (k == 0 ? 0 : k / l) - 1,
                        Math.floor(l), 0, Double.POSITIVE_INFINITY);
                h[b] = r[0];
                dh[b] = r[1];
            }
        }
        Tensor grad = Tensor.of(dh, batchShape);
        return CustomFunction.apply(Tensor.of(h, batchShape), (g, input) -> g.mul(grad), rate);
    }

    /** {@code F(x) = P(K <= ⌊x⌋) = Q(⌊x⌋ + 1, λ)}, the regularized upper incomplete gamma (DLMF 8.4.10); 0 for {@code x < 0}. */
    @Override
    public Tensor cdf(Tensor x) {
        int[] shape = Broadcasting.shape(x.shape(), batchShape);
        double[] xs = x.broadcastTo(shape).toArray();
        double[] lam = rate.value().broadcastTo(shape).toArray();
        double[] out = new double[xs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = cdf(Math.floor(xs[i]), lam[i]);
        }
        return Tensor.of(out, shape);
    }

    private static double cdf(double k, double rate) {
        if (Double.isNaN(k)) {
            return Double.NaN;
        }
        return k < 0 ? 0.0 : SpecialFunctions.regularizedGammaQ(k + 1, rate);
    }

    /** {@code F⁻¹(u) = min {k : F(k) >= u}}, by search on the cdf from {@code λ} ({@link DiscreteQuantile}). */
    @Override
    public Tensor icdf(Tensor u) {
        int[] shape = Broadcasting.shape(u.shape(), batchShape);
        double[] us = u.broadcastTo(shape).toArray();
        double[] lam = rate.value().broadcastTo(shape).toArray();
        double[] out = new double[us.length];
        for (int i = 0; i < out.length; i++) {
            double l = lam[i];
            out[i] = DiscreteQuantile.of(k -> cdf(k, l), us[i], l, 0, Double.POSITIVE_INFINITY);
        }
        return Tensor.of(out, shape);
    }
}
