package io.github.elbo4j.distribution.discrete;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.DiscreteQuantile;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SuccessProbs;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.distribution.kernel.XLogY;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * The geometric distribution of the number of failures before the first success in Bernoulli
 * trials with success probability {@code p}: {@code P(K = k) = (1 - p)^k p} on
 * {@code k = 0, 1, 2, ...} (Johnson, Kemp &amp; Kotz, Univariate Discrete Distributions, 3rd ed.,
 * sec. 5.2; this is {@code NegativeBinomial(1, p)}, and {@code scipy.stats.geom(p, loc=-1)},
 * since scipy counts trials from 1). Parameterized by {@code p ∈ (0, 1]} or the logit
 * {@code l = log(p / (1 - p))}.
 */
public final class Geometric implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Geometric")
            .and("probs", ParameterRule.POSITIVE_UNIT_INTERVAL)
            .and("logits", ParameterRule.FINITE);

    private static final String NAME = "Geometric";

    private final SuccessProbs param;
    private final int[] batchShape;

    private Geometric(SuccessProbs param) {
        this.param = param;
        this.batchShape = param.shape();
    }

    /** {@code Geometric(p)} with differentiable probabilities in {@code (0, 1]}. */
    public static Geometric ofProbs(Var probs) {
        return new Geometric(SuccessProbs.ofProbs(PARAMETERS, probs));
    }

    /** {@code Geometric(p)} with data probabilities. */
    public static Geometric ofProbs(Tensor probs) {
        return ofProbs(Var.constant(probs));
    }

    /** A scalar {@code Geometric(p)}. */
    public static Geometric ofProbs(double probs) {
        return ofProbs(Tensor.scalar(probs));
    }

    /** {@code Geometric(σ(l))} with differentiable finite logits. */
    public static Geometric ofLogits(Var logits) {
        return new Geometric(SuccessProbs.ofLogits(PARAMETERS, logits));
    }

    /** {@code Geometric(σ(l))} with data logits. */
    public static Geometric ofLogits(Tensor logits) {
        return ofLogits(Var.constant(logits));
    }

    /** A scalar {@code Geometric(σ(l))}. */
    public static Geometric ofLogits(double logits) {
        return ofLogits(Tensor.scalar(logits));
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
     * {@code log P(K = k) = k log(1 - p) + log p} (with {@code 0 · log 0 = 0} at {@code p = 1});
     * {@code -∞} for {@code k} not a non-negative integer. Differentiable in the parameter.
     */
    @Override
    public Var logProb(Var value) {
        Tensor k = value.value();
        int[] shape = Broadcasting.shape(k.shape(), batchShape);
        Tensor kb = k.broadcastTo(shape);
        // evaluate at 0 outside the support, so no NaN reaches the gradient through the masked branch
        Tensor safe = Tensor.where(support().check(kb), kb, Tensor.scalar(0.0));
        Var lp = XLogY.of(safe, param.log1mP().broadcastTo(shape)).add(param.logP());
        return SupportMask.apply(lp, support(), Var.constant(kb));
    }

    /**
     * Inversion: {@code K = ⌊E / -log(1 - p)⌋} with {@code E ~ Exp(1)}, since
     * {@code P(K >= k) = P(E >= -k log(1 - p)) = (1 - p)^k}. (Commons RNG's GeometricSampler
     * returns an {@code int}; this form also covers means beyond {@code 2^31} and uses the
     * logit-accurate {@code log(1 - p)}.)
     */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        double[] rate = param.log1mP().value().neg().broadcastTo(shape).toArray();
        double[] x = new double[rate.length];
        for (int i = 0; i < x.length; i++) {
            double e = -Math.log1p(-rng.nextDouble());
            x[i] = Math.floor(e / rate[i]);
        }
        return Tensor.of(x, shape);
    }

    @Override
    public Geometric expand(int... shape) {
        return new Geometric(param.broadcastTo(shape));
    }

    /** {@code E[K] = (1 - p)/p}. */
    @Override
    public Tensor mean() {
        return param.q().div(param.p());
    }

    /** {@code Var[K] = (1 - p)/p²}. */
    @Override
    public Tensor variance() {
        return param.q().div(param.p().square());
    }

    /**
     * {@code H = [-p log p - (1 - p) log(1 - p)] / p}, the Bernoulli entropy over {@code p}
     * (Johnson, Kemp &amp; Kotz, sec. 5.2), with {@code 0 log 0 = 0}. Differentiable.
     */
    @Override
    public Var entropy() {
        Var bernoulli = XLogY.of(param.probs(), param.logP()).add(XLogY.of(param.complementProbs(), param.log1mP())).neg();
        return bernoulli.div(param.probs());
    }

    /** {@code F(x) = 1 - (1 - p)^{⌊x⌋ + 1} = -expm1((⌊x⌋ + 1) log(1 - p))} for {@code x >= 0}, else 0. */
    @Override
    public Tensor cdf(Tensor x) {
        int[] shape = Broadcasting.shape(x.shape(), batchShape);
        double[] xs = x.broadcastTo(shape).toArray();
        double[] logQ = param.log1mP().value().broadcastTo(shape).toArray();
        double[] out = new double[xs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = cdf(Math.floor(xs[i]), logQ[i]);
        }
        return Tensor.of(out, shape);
    }

    private static double cdf(double k, double logQ) {
        if (Double.isNaN(k)) {
            return Double.NaN;
        }
        return k < 0 ? 0.0 : -Math.expm1((k + 1) * logQ);
    }

    /**
     * {@code F⁻¹(u) = max(0, ⌈log1p(-u) / log(1 - p) - 1⌉)}, the solution of
     * {@code (1 - p)^{k+1} <= 1 - u}, confirmed on the cdf ({@link DiscreteQuantile}) so rounding
     * cannot move it by one.
     */
    @Override
    public Tensor icdf(Tensor u) {
        int[] shape = Broadcasting.shape(u.shape(), batchShape);
        double[] us = u.broadcastTo(shape).toArray();
        double[] logQ = param.log1mP().value().broadcastTo(shape).toArray();
        double[] out = new double[us.length];
        for (int i = 0; i < out.length; i++) {
            double lq = logQ[i];
            double guess = Math.max(0, Math.ceil(Math.log1p(-us[i]) / lq - 1));
            out[i] = DiscreteQuantile.of(k -> cdf(k, lq), us[i], Double.isFinite(guess) ? guess : 0, 0, Double.POSITIVE_INFINITY);
        }
        return Tensor.of(out, shape);
    }
}
