package io.github.elbo4j.distribution.discrete;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.DiscreteQuantile;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SuccessProbs;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.distribution.kernel.XLogY;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;

/**
 * The negative binomial distribution of the number of <em>failures</em> {@code k} before the
 * {@code r}-th <em>success</em>, in Bernoulli trials with success probability {@code p}:
 * {@code P(K = k) = Γ(k + r) / (Γ(r) k!) · p^r (1 - p)^k} for {@code k = 0, 1, ...}, with real
 * {@code r > 0} (Johnson, Kemp &amp; Kotz, Univariate Discrete Distributions, 3rd ed., sec. 5.1).
 *
 * <p>Convention: {@code NegativeBinomial(r, p)} is {@code scipy.stats.nbinom(n=r, p=p)} exactly,
 * and {@code NegativeBinomial(1, p)} is {@link Geometric}{@code (p)}. PyTorch and Pyro count
 * successes before {@code r} failures instead: their {@code NegativeBinomial(r, probs=π)} is
 * this one with {@code p = 1 - π} (logits negated). In the mean–dispersion form common in
 * regression (mean {@code μ}, variance {@code μ + μ²/r}), {@code p = r / (r + μ)}.
 * The mixture representation {@code K | λ ~ Poisson(λ)}, {@code λ ~ Gamma(r, scale (1 - p)/p)}
 * gives the sampler. The stopping count {@code r} ({@code totalCount}) is differentiable too.
 */
public final class NegativeBinomial implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("NegativeBinomial")
            .and("totalCount", ParameterRule.POSITIVE)
            .and("probs", ParameterRule.POSITIVE_UNIT_INTERVAL)
            .and("logits", ParameterRule.FINITE);

    private static final String NAME = "NegativeBinomial";

    private final Var totalCount;
    private final SuccessProbs param;
    private final int[] batchShape;

    private NegativeBinomial(Var totalCount, SuccessProbs param) {
        PARAMETERS.check("totalCount", totalCount.value());
        this.totalCount = totalCount;
        this.param = param;
        this.batchShape = Broadcasting.shape(totalCount.shape(), param.shape());
    }

    /** {@code NegativeBinomial(r, p)}, differentiable in both; {@code r > 0}, {@code p ∈ (0, 1]}. */
    public static NegativeBinomial ofProbs(Var totalCount, Var probs) {
        return new NegativeBinomial(totalCount, SuccessProbs.ofProbs(PARAMETERS, probs));
    }

    /** {@code NegativeBinomial(r, p)} with data parameters. */
    public static NegativeBinomial ofProbs(Tensor totalCount, Tensor probs) {
        return ofProbs(Var.constant(totalCount), Var.constant(probs));
    }

    /** A scalar {@code NegativeBinomial(r, p)}. */
    public static NegativeBinomial ofProbs(double totalCount, double probs) {
        return ofProbs(Tensor.scalar(totalCount), Tensor.scalar(probs));
    }

    /** {@code NegativeBinomial(r, σ(l))}, differentiable in both; {@code r > 0}, finite {@code l}. */
    public static NegativeBinomial ofLogits(Var totalCount, Var logits) {
        return new NegativeBinomial(totalCount, SuccessProbs.ofLogits(PARAMETERS, logits));
    }

    /** {@code NegativeBinomial(r, σ(l))} with data parameters. */
    public static NegativeBinomial ofLogits(Tensor totalCount, Tensor logits) {
        return ofLogits(Var.constant(totalCount), Var.constant(logits));
    }

    /** A scalar {@code NegativeBinomial(r, σ(l))}. */
    public static NegativeBinomial ofLogits(double totalCount, double logits) {
        return ofLogits(Tensor.scalar(totalCount), Tensor.scalar(logits));
    }

    /** The number of successes {@code r} to wait for. */
    public Var totalCount() {
        return totalCount;
    }

    /** The success probability {@code p}. */
    public Var probs() {
        return param.probs();
    }

    /** The logit {@code l}. */
    public Var logits() {
        return param.logits();
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
     * {@code log P(K = k) = log Γ(k + r) - log Γ(r) - log Γ(k + 1) + r log p + k log(1 - p)}
     * (with {@code 0 · log 0 = 0} at {@code p = 1}); {@code -∞} for {@code k} not a non-negative
     * integer. Differentiable in {@code r} and the probability parameter.
     */
    @Override
    public Var logProb(Var value) {
        Tensor k = value.value();
        int[] shape = Broadcasting.shape(k.shape(), batchShape);
        Tensor kb = k.broadcastTo(shape);
        Tensor safe = Tensor.where(support().check(kb), kb, Tensor.scalar(0.0));
        Var r = totalCount;
        Var lp = r.add(safe).lgamma().sub(r.lgamma()).sub(safe.add(1.0).apply(ElementwiseFunction.LGAMMA))
                .add(r.mul(param.logP())).add(XLogY.of(safe, param.log1mP().broadcastTo(shape)));
        return SupportMask.apply(lp.broadcastTo(shape), support(), Var.constant(kb));
    }

    /** The gamma–Poisson mixture: {@code λ ~ Gamma(r, scale e^{log(1-p) - log p})}, then {@code K ~ Poisson(λ)}. */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        double[] r = totalCount.value().broadcastTo(batchShape).toArray();
        double[] scale = param.log1mP().value().sub(param.logP().value()).exp().broadcastTo(batchShape).toArray();
        int draws = Broadcasting.size(sampleShape);
        double[] x = new double[draws * r.length];
        UniformRandomProvider source = rng.provider();
        for (int b = 0; b < r.length; b++) {
            if (scale[b] == 0) {
                continue;
            }
            var gamma = AhrensDieterMarsagliaTsangGammaSampler.of(source, r[b], scale[b]);
            for (int s = 0; s < draws; s++) {
                x[s * r.length + b] = Poisson.draw(source, gamma.sample());
            }
        }
        return Tensor.of(x, shape);
    }

    @Override
    public NegativeBinomial expand(int... shape) {
        return new NegativeBinomial(totalCount.broadcastTo(shape), param.broadcastTo(shape));
    }

    /** {@code E[K] = r (1 - p)/p}. */
    @Override
    public Tensor mean() {
        return totalCount.value().mul(param.q()).div(param.p()).broadcastTo(batchShape);
    }

    /** {@code Var[K] = r (1 - p)/p²}. */
    @Override
    public Tensor variance() {
        return totalCount.value().mul(param.q()).div(param.p().square()).broadcastTo(batchShape);
    }

    /** {@code F(x) = P(K <= ⌊x⌋) = I_p(r, ⌊x⌋ + 1)}, the regularized incomplete beta (DLMF 8.17.5); 0 for {@code x < 0}. */
    @Override
    public Tensor cdf(Tensor x) {
        int[] shape = Broadcasting.shape(x.shape(), batchShape);
        double[] xs = x.broadcastTo(shape).toArray();
        double[] r = totalCount.value().broadcastTo(shape).toArray();
        double[] p = param.p().broadcastTo(shape).toArray();
        double[] out = new double[xs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = cdf(Math.floor(xs[i]), r[i], p[i]);
        }
        return Tensor.of(out, shape);
    }

    private static double cdf(double k, double r, double p) {
        if (Double.isNaN(k)) {
            return Double.NaN;
        }
        return k < 0 ? 0.0 : SpecialFunctions.regularizedBeta(p, r, k + 1);
    }

    /** {@code F⁻¹(u) = min {k : F(k) >= u}}, by search on the cdf from the mean ({@link DiscreteQuantile}). */
    @Override
    public Tensor icdf(Tensor u) {
        int[] shape = Broadcasting.shape(u.shape(), batchShape);
        double[] us = u.broadcastTo(shape).toArray();
        double[] r = totalCount.value().broadcastTo(shape).toArray();
        double[] p = param.p().broadcastTo(shape).toArray();
        double[] m = mean().broadcastTo(shape).toArray();
        double[] out = new double[us.length];
        for (int i = 0; i < out.length; i++) {
            double ri = r[i];
            double pi = p[i];
            out[i] = DiscreteQuantile.of(k -> cdf(k, ri, pi), us[i], m[i], 0, Double.POSITIVE_INFINITY);
        }
        return Tensor.of(out, shape);
    }
}
