package io.github.elbo4j.distribution.discrete;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.BernoulliLogitsDensity;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SuccessProbs;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.distribution.kernel.XLogY;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Optional;

/**
 * The Bernoulli distribution on {@code {0, 1}}: {@code P(X = 1) = p}, {@code P(X = 0) = 1 - p}
 * (Bishop, PRML, eq. 2.2), parameterized by the probability {@code p} or the logit
 * {@code l = log(p / (1 - p))}. With logits, {@code log P(X = 1) = log σ(l) = -softplus(-l)} and
 * {@code log P(X = 0) = -softplus(l)}, exact for any finite {@code l}.
 */
public final class Bernoulli implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Bernoulli")
            .and("probs", ParameterRule.UNIT_INTERVAL)
            .and("logits", ParameterRule.FINITE);

    private static final String NAME = "Bernoulli";

    private final SuccessProbs param;
    private final int[] batchShape;

    private Bernoulli(SuccessProbs param) {
        this.param = param;
        this.batchShape = param.shape();
    }

    /** {@code Bernoulli(p)} with differentiable probabilities in {@code [0, 1]}. */
    public static Bernoulli ofProbs(Var probs) {
        return new Bernoulli(SuccessProbs.ofProbs(PARAMETERS, probs));
    }

    /** {@code Bernoulli(p)} with data probabilities in {@code [0, 1]}. */
    public static Bernoulli ofProbs(Tensor probs) {
        return ofProbs(Var.constant(probs));
    }

    /** A scalar {@code Bernoulli(p)}. */
    public static Bernoulli ofProbs(double probs) {
        return ofProbs(Tensor.scalar(probs));
    }

    /** {@code Bernoulli(σ(l))} with differentiable finite logits. */
    public static Bernoulli ofLogits(Var logits) {
        return new Bernoulli(SuccessProbs.ofLogits(PARAMETERS, logits));
    }

    /** {@code Bernoulli(σ(l))} with data logits. */
    public static Bernoulli ofLogits(Tensor logits) {
        return ofLogits(Var.constant(logits));
    }

    /** A scalar {@code Bernoulli(σ(l))}. */
    public static Bernoulli ofLogits(double logits) {
        return ofLogits(Tensor.scalar(logits));
    }

    /** The success probability {@code p} (computed as {@code σ(l)} when built from logits). */
    public Var probs() {
        return param.probs();
    }

    /** The logit {@code l} (computed as {@code log p - log1p(-p)} when built from probabilities). */
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

    /** {@code {0, 1}}. */
    @Override
    public Constraint support() {
        return new Constraint.IntegerInterval(0, 1);
    }

    /**
     * {@code log p(x) = x log p + (1 - x) log(1 - p)}, evaluated as a selection between
     * {@code log p} and {@code log(1 - p)} (so {@code p = 0} or {@code 1} gives {@code 0} or
     * {@code -∞}, never NaN); {@code -∞} outside {@code {0, 1}}. Differentiable in the parameter;
     * the value is data (its gradient is not taken).
     */
    @Override
    public Var logProb(Var value) {
        Tensor x = value.value();
        if (param.isLogits() && !value.isTracked()) {
            // 0/1 data with finite logits (checked when the distribution was made): one fused pass
            Optional<Var> fused = BernoulliLogitsDensity.of(param.logits(), x);
            if (fused.isPresent()) {
                return fused.get();
            }
        }
        int[] shape = Broadcasting.shape(x.shape(), batchShape);
        Var lp = Var.where(x.eq(Tensor.scalar(1.0)).broadcastTo(shape), param.logP().broadcastTo(shape),
                param.log1mP().broadcastTo(shape));
        return SupportMask.apply(lp, support(), Var.constant(x.broadcastTo(shape)));
    }

    /** {@code x = 1} where a uniform {@code u ∈ [0, 1)} is below {@code p}. */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        double[] p = param.p().broadcastTo(shape).toArray();
        double[] x = new double[p.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() < p[i] ? 1.0 : 0.0;
        }
        return Tensor.of(x, shape);
    }

    @Override
    public Bernoulli expand(int... shape) {
        return new Bernoulli(param.broadcastTo(shape));
    }

    /** {@code E[X] = p}. */
    @Override
    public Tensor mean() {
        return param.p();
    }

    /** {@code Var[X] = p(1 - p)}. */
    @Override
    public Tensor variance() {
        return param.p().mul(param.q());
    }

    /**
     * {@code H = -p log p - (1 - p) log(1 - p)} with {@code 0 log 0 = 0} (Cover &amp; Thomas, eq.
     * 2.5); with logits each product is formed from {@code σ(±l)} and {@code log σ(±l)}, which
     * keeps full relative accuracy where {@code H} is tiny ({@code |l|} large).
     */
    @Override
    public Var entropy() {
        return XLogY.of(param.probs(), param.logP()).add(XLogY.of(param.complementProbs(), param.log1mP())).neg();
    }

    /** {@code F(x) = 0} for {@code x < 0}, {@code 1 - p} for {@code 0 <= x < 1}, 1 for {@code x >= 1}; NaN for NaN. */
    @Override
    public Tensor cdf(Tensor x) {
        Tensor zero = Tensor.scalar(0.0);
        Tensor one = Tensor.scalar(1.0);
        Tensor f = Tensor.where(x.lt(zero), zero, Tensor.where(x.lt(one), param.q(), one));
        return Tensor.where(x.eq(x), f, Tensor.scalar(Double.NaN));
    }

    /** {@code F⁻¹(u) = min {k : F(k) >= u}}: 0 for {@code u <= 1 - p}, else 1; NaN outside {@code [0, 1]}. */
    @Override
    public Tensor icdf(Tensor u) {
        Tensor valid = u.ge(Tensor.scalar(0.0)).mul(u.le(Tensor.scalar(1.0)));
        Tensor k = Tensor.where(u.le(param.q()), Tensor.scalar(0.0), Tensor.scalar(1.0));
        return Tensor.where(valid, k, Tensor.scalar(Double.NaN));
    }

    /** True: the support is finite. */
    @Override
    public boolean hasEnumerateSupport() {
        return true;
    }

    /**
     * All values of the support along a new leading axis, broadcast over the batch: shape
     * {@code [2] + batchShape} holding 0 then 1 (for enumerating a discrete latent).
     */
    @Override
    public Tensor enumerateSupport() {
        int[] shape = Broadcasting.concat(new int[] {2}, batchShape);
        int[] column = new int[shape.length];
        java.util.Arrays.fill(column, 1);
        column[0] = 2;
        return Tensor.of(new double[] {0, 1}, column).broadcastTo(shape);
    }
}
