package io.github.elbo4j.distribution.discrete;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.random.kernel.BinomialSampler;
import io.github.elbo4j.random.kernel.LogGammaVariate;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The beta-binomial distribution, a Binomial(n, p) with {@code p ~ Beta(α, β)} integrated out:
 * {@code P(K = k) = C(n, k) B(k + α, n - k + β) / B(α, β)} for {@code k = 0..n} (Johnson, Kemp
 * &amp; Kotz, Univariate Discrete Distributions, 3rd ed., sec. 6.7.2); {@code α} is
 * {@code concentration1} (weight of successes), {@code β} is {@code concentration0}, as in
 * {@code scipy.stats.betabinom(n, a=α, b=β)}. The trial counts are data; as for {@link Binomial},
 * with counts that differ across the batch {@link #support()} reports {@code {0, ..., max n}}.
 */
public final class BetaBinomial implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("BetaBinomial")
            .and("totalCount", ParameterRule.COUNT)
            .and("concentration1", ParameterRule.POSITIVE)
            .and("concentration0", ParameterRule.POSITIVE);

    private static final String NAME = "BetaBinomial";

    private final Tensor totalCount;
    private final Var concentration1;
    private final Var concentration0;
    private final int[] batchShape;
    private final int maxCount;

    private BetaBinomial(Tensor totalCount, Var concentration1, Var concentration0) {
        PARAMETERS.check("totalCount", totalCount);
        PARAMETERS.check("concentration1", concentration1.value());
        PARAMETERS.check("concentration0", concentration0.value());
        this.totalCount = totalCount;
        this.concentration1 = concentration1;
        this.concentration0 = concentration0;
        this.batchShape = Broadcasting.shape(totalCount.shape(), concentration1.shape(), concentration0.shape());
        this.maxCount = (int) (totalCount.size() == 0 ? 0 : totalCount.max().item());
    }

    /** {@code BetaBinomial(n, α, β)} with data trial counts and differentiable concentrations {@code > 0}. */
    public static BetaBinomial of(Tensor totalCount, Var concentration1, Var concentration0) {
        return new BetaBinomial(totalCount, concentration1, concentration0);
    }

    /** {@code BetaBinomial(n, α, β)} with data parameters. */
    public static BetaBinomial of(Tensor totalCount, Tensor concentration1, Tensor concentration0) {
        return of(totalCount, Var.constant(concentration1), Var.constant(concentration0));
    }

    /** A scalar {@code BetaBinomial(n, α, β)}. */
    public static BetaBinomial of(int totalCount, double concentration1, double concentration0) {
        return of(Tensor.scalar(totalCount), Tensor.scalar(concentration1), Tensor.scalar(concentration0));
    }

    /** The number of trials {@code n}. */
    public Tensor totalCount() {
        return totalCount;
    }

    /** {@code α}, the Beta prior's weight on success. */
    public Var concentration1() {
        return concentration1;
    }

    /** {@code β}, the Beta prior's weight on failure. */
    public Var concentration0() {
        return concentration0;
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return new int[0];
    }

    /** {@code {0, ..., max n}}. */
    @Override
    public Constraint support() {
        return new Constraint.IntegerInterval(0, maxCount);
    }

    /**
     * {@code log P(K = k) = log C(n, k) + log Γ(k + α) + log Γ(n - k + β) - log Γ(n + α + β)
     * - log Γ(α) - log Γ(β) + log Γ(α + β)}, differentiable in {@code α} and {@code β};
     * {@code -∞} for {@code k} not an integer in {@code [0, n]}.
     */
    @Override
    public Var logProb(Var value) {
        Tensor k = value.value();
        int[] shape = Broadcasting.shape(k.shape(), batchShape);
        Tensor kb = k.broadcastTo(shape);
        Tensor n = totalCount.broadcastTo(shape);
        Tensor inside = new Constraint.NonNegativeInteger().check(kb).mul(kb.le(n));
        Tensor safe = Tensor.where(inside, kb, Tensor.scalar(0.0));
        Tensor choose = n.add(1.0).apply(ElementwiseFunction.LGAMMA).sub(safe.add(1.0).apply(ElementwiseFunction.LGAMMA))
                .sub(n.sub(safe).add(1.0).apply(ElementwiseFunction.LGAMMA));
        Var a = concentration1;
        Var b = concentration0;
        Var lp = a.add(safe).lgamma().add(b.add(n.sub(safe)).lgamma()).sub(a.add(b).add(n).lgamma())
                .sub(a.lgamma()).sub(b.lgamma()).add(a.add(b).lgamma()).add(choose);
        return Var.where(inside, lp.broadcastTo(shape), Var.constant(Double.NEGATIVE_INFINITY).broadcastTo(shape));
    }

    /** {@code p ~ Beta(α, β)} (two gammas, in log space), then {@code K ~ Binomial(n, p)} ({@link BinomialSampler}). */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        double[] n = totalCount.broadcastTo(batchShape).toArray();
        double[] a = concentration1.value().broadcastTo(batchShape).toArray();
        double[] b = concentration0.value().broadcastTo(batchShape).toArray();
        int draws = Broadcasting.size(sampleShape);
        double[] x = new double[draws * n.length];
        UniformRandomProvider source = rng.provider();
        for (int s = 0; s < draws; s++) {
            for (int i = 0; i < n.length; i++) {
                x[s * n.length + i] = BinomialSampler.draw(source, n[i], LogGammaVariate.beta(source, a[i], b[i]));
            }
        }
        return Tensor.of(x, shape);
    }

    @Override
    public BetaBinomial expand(int... shape) {
        return new BetaBinomial(totalCount.broadcastTo(shape), concentration1.broadcastTo(shape), concentration0.broadcastTo(shape));
    }

    /** {@code E[K] = n α / (α + β)}. */
    @Override
    public Tensor mean() {
        Tensor a = concentration1.value();
        return totalCount.mul(a).div(a.add(concentration0.value())).broadcastTo(batchShape);
    }

    /** {@code Var[K] = n α β (α + β + n) / ((α + β)² (α + β + 1))}. */
    @Override
    public Tensor variance() {
        Tensor a = concentration1.value();
        Tensor b = concentration0.value();
        Tensor s = a.add(b);
        return totalCount.mul(a).mul(b).mul(s.add(totalCount)).div(s.square().mul(s.add(1.0))).broadcastTo(batchShape);
    }
}
