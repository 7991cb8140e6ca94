package io.github.elbo4j.distribution.discrete;

import io.github.elbo4j.autodiff.CustomFunction;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.DiscreteEntropy;
import io.github.elbo4j.distribution.kernel.DiscreteQuantile;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SuccessProbs;
import io.github.elbo4j.math.SaddlePoint;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.random.kernel.BinomialSampler;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * The binomial distribution, the number of successes in {@code n} independent trials with success
 * probability {@code p}: {@code P(K = k) = C(n, k) p^k (1 - p)^(n-k)} for {@code k = 0..n} (Bishop,
 * PRML, eq. 2.9), parameterized by {@code p} or the logit {@code l = log(p / (1 - p))}. The trial
 * counts {@code totalCount} are data (non-negative integers, broadcast against the parameter).
 *
 * <p>The support is {@code {0, ..., n}}; with trial counts that differ across the batch,
 * {@link #support()} reports {@code {0, ..., max n}} (the constraint has scalar bounds) while
 * {@link #logProb} gives {@code -∞} above each element's own {@code n}.
 */
public final class Binomial implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Binomial")
            .and("totalCount", ParameterRule.COUNT)
            .and("probs", ParameterRule.UNIT_INTERVAL)
            .and("logits", ParameterRule.FINITE);

    private static final String NAME = "Binomial";

    private final Tensor totalCount;
    private final SuccessProbs param;
    private final int[] batchShape;
    private final int maxCount;

    private Binomial(Tensor totalCount, SuccessProbs param) {
        PARAMETERS.check("totalCount", totalCount);
        this.totalCount = totalCount;
        this.param = param;
        this.batchShape = Broadcasting.shape(totalCount.shape(), param.shape());
        this.maxCount = (int) (totalCount.size() == 0 ? 0 : totalCount.max().item());
    }

    /** {@code Binomial(n, p)} with data trial counts and differentiable probabilities in {@code [0, 1]}. */
    public static Binomial ofProbs(Tensor totalCount, Var probs) {
        return new Binomial(totalCount, SuccessProbs.ofProbs(PARAMETERS, probs));
    }

    /** {@code Binomial(n, p)} with data parameters. */
    public static Binomial ofProbs(Tensor totalCount, Tensor probs) {
        return ofProbs(totalCount, Var.constant(probs));
    }

    /** {@code Binomial(n, p)}: one trial count for every element of the differentiable probabilities {@code probs}. */
    public static Binomial ofProbs(int totalCount, Var probs) {
        return ofProbs(Tensor.scalar(totalCount), probs);
    }

    /** A scalar {@code Binomial(n, p)}. */
    public static Binomial ofProbs(int totalCount, double probs) {
        return ofProbs(Tensor.scalar(totalCount), Tensor.scalar(probs));
    }

    /** {@code Binomial(n, σ(l))} with data trial counts and differentiable finite logits. */
    public static Binomial ofLogits(Tensor totalCount, Var logits) {
        return new Binomial(totalCount, SuccessProbs.ofLogits(PARAMETERS, logits));
    }

    /** {@code Binomial(n, σ(l))} with data parameters. */
    public static Binomial ofLogits(Tensor totalCount, Tensor logits) {
        return ofLogits(totalCount, Var.constant(logits));
    }

    /** {@code Binomial(n, σ(l))}: one trial count for every element of the differentiable logits {@code logits}. */
    public static Binomial ofLogits(int totalCount, Var logits) {
        return ofLogits(Tensor.scalar(totalCount), logits);
    }

    /** A scalar {@code Binomial(n, σ(l))}. */
    public static Binomial ofLogits(int totalCount, double logits) {
        return ofLogits(Tensor.scalar(totalCount), Tensor.scalar(logits));
    }

    /** The number of trials {@code n}. */
    public Tensor totalCount() {
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

    /** {@code {0, ..., max n}}. */
    @Override
    public Constraint support() {
        return new Constraint.IntegerInterval(0, maxCount);
    }

    /**
     * {@code log P(K = k) = log C(n, k) + k log p + (n - k) log(1 - p)}, evaluated by Loader's
     * saddle-point expansion ({@link SaddlePoint}) so that large counts keep full relative
     * accuracy; {@code -∞} for {@code k} not an integer in {@code [0, n]}. The gradient with respect
     * to the parameter is the score {@code k/p - (n - k)/(1 - p)} (probabilities) or
     * {@code k - n p} (logits); the value is data.
     */
    @Override
    public Var logProb(Var value) {
        Tensor k = value.value();
        int[] shape = Broadcasting.shape(k.shape(), batchShape);
        double[] kk = k.broadcastTo(shape).toArray();
        double[] n = totalCount.broadcastTo(shape).toArray();
        double[] p = param.p().broadcastTo(shape).toArray();
        double[] q = param.q().broadcastTo(shape).toArray();
        double[] logP = param.logP().value().broadcastTo(shape).toArray();
        double[] logQ = param.log1mP().value().broadcastTo(shape).toArray();
        double[] lp = new double[kk.length];
        double[] inside = new double[kk.length];
        for (int i = 0; i < lp.length; i++) {
            boolean ok = kk[i] >= 0 && kk[i] <= n[i] && kk[i] == Math.rint(kk[i]);
            inside[i] = ok ? 1.0 : 0.0;
            lp[i] = ok ? SaddlePoint.binomial(kk[i], n[i], p[i], q[i], logP[i], logQ[i]) : Double.NEGATIVE_INFINITY;
        }
        Tensor mask = Tensor.of(inside, shape);
        Tensor successes = Tensor.of(kk, shape).mul(mask);
        Tensor failures = Tensor.of(n, shape).sub(Tensor.of(kk, shape)).mul(mask);
        Var given = param.given();
        return CustomFunction.apply(Tensor.of(lp, shape),
                (g, input) -> g.mul(param.score(successes, failures)).sumTo(given.shape()), given);
    }

    /**
     * Draws by {@link BinomialSampler}: the table method of Marsaglia, Tsang &amp; Wang for
     * {@code n < 2^16}, Knuth's beta splitting beyond.
     */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        double[] n = totalCount.broadcastTo(batchShape).toArray();
        double[] p = param.p().broadcastTo(batchShape).toArray();
        int draws = Broadcasting.size(sampleShape);
        double[] x = new double[draws * n.length];
        for (int b = 0; b < n.length; b++) {
            DoubleSupplier sampler = BinomialSampler.of(rng.provider(), n[b], p[b]);
            for (int s = 0; s < draws; s++) {
                x[s * n.length + b] = sampler.getAsDouble();
            }
        }
        return Tensor.of(x, shape);
    }

    @Override
    public Binomial expand(int... shape) {
        return new Binomial(totalCount.broadcastTo(shape), param.broadcastTo(shape));
    }

    /** {@code E[K] = n p}. */
    @Override
    public Tensor mean() {
        return totalCount.mul(param.p()).broadcastTo(batchShape);
    }

    /** {@code Var[K] = n p (1 - p)}. */
    @Override
    public Tensor variance() {
        return totalCount.mul(param.p()).mul(param.q()).broadcastTo(batchShape);
    }

    /**
     * {@code H = -Σ_{k=0}^{n} P(k) log P(k)}: no closed form exists, so it is summed outward from the
     * mode {@code ⌊(n + 1) p⌋} until the remaining terms are provably below {@code 1e-17 H}
     * ({@link DiscreteEntropy}; the binomial is log-concave). Cost: a few tens of terms per standard
     * deviation {@code √(np(1 - p))}. Differentiable: {@code dH/dθ = -Σ P(k) s(k) log P(k)} with the
     * score {@code s} of {@link #logProb}.
     */
    @Override
    public Var entropy() {
        double[] n = totalCount.broadcastTo(batchShape).toArray();
        double[] p = param.p().broadcastTo(batchShape).toArray();
        double[] q = param.q().broadcastTo(batchShape).toArray();
        double[] logP = param.logP().value().broadcastTo(batchShape).toArray();
        double[] logQ = param.log1mP().value().broadcastTo(batchShape).toArray();
        double[] h = new double[n.length];
        double[] dh = new double[n.length];
        boolean logits = param.isLogits();
        for (int b = 0; b < n.length; b++) {
            double nb = n[b];
            double pb = p[b];
            double qb = q[b];
            double lpb = logP[b];
            double lqb = logQ[b];
            double mode = Math.min(Math.floor((nb + 1) * pb), nb);
            double[] r = DiscreteEntropy.of(k -> SaddlePoint.binomial(k, nb, pb, qb, lpb, lqb),
                    k -> logits ? k - nb * pb : (k == 0 ? 0 : k / pb) - (k == nb ? 0 : (nb - k) / qb),
                    mode, 0, nb);
            h[b] = r[0];
            dh[b] = r[1];
        }
        Tensor grad = Tensor.of(dh, batchShape);
        Var given = param.given();
        return CustomFunction.apply(Tensor.of(h, batchShape), (g, input) -> g.mul(grad).sumTo(given.shape()), given);
    }

    /** {@code F(x) = P(K <= ⌊x⌋) = I_{1-p}(n - ⌊x⌋, ⌊x⌋ + 1)} (DLMF 8.17.5) inside {@code [0, n)}; 0 below, 1 above. */
    @Override
    public Tensor cdf(Tensor x) {
        int[] shape = Broadcasting.shape(x.shape(), batchShape);
        double[] xs = x.broadcastTo(shape).toArray();
        double[] n = totalCount.broadcastTo(shape).toArray();
        double[] q = param.q().broadcastTo(shape).toArray();
        double[] out = new double[xs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = cdf(Math.floor(xs[i]), n[i], q[i]);
        }
        return Tensor.of(out, shape);
    }

    private static double cdf(double k, double n, double q) {
        if (Double.isNaN(k)) {
            return Double.NaN;
        }
        if (k < 0) {
            return 0.0;
        }
        return k >= n ? 1.0 : SpecialFunctions.regularizedBeta(q, n - k, k + 1);
    }

    /** {@code F⁻¹(u) = min {k : F(k) >= u}}, by search on the cdf ({@link DiscreteQuantile}). */
    @Override
    public Tensor icdf(Tensor u) {
        int[] shape = Broadcasting.shape(u.shape(), batchShape);
        double[] us = u.broadcastTo(shape).toArray();
        double[] n = totalCount.broadcastTo(shape).toArray();
        double[] p = param.p().broadcastTo(shape).toArray();
        double[] q = param.q().broadcastTo(shape).toArray();
        double[] out = new double[us.length];
        for (int i = 0; i < out.length; i++) {
            double ni = n[i];
            double qi = q[i];
            out[i] = DiscreteQuantile.of(k -> cdf(k, ni, qi), us[i], ni * p[i], 0, ni);
        }
        return Tensor.of(out, shape);
    }

    /** True: the support is finite. */
    @Override
    public boolean hasEnumerateSupport() {
        return true;
    }

    /**
     * All values {@code 0..n} along a new leading axis, broadcast over the batch: shape
     * {@code [n + 1] + batchShape}. Needs the same {@code n} across the batch.
     *
     * @throws UnsupportedOperationException when the trial counts differ across the batch
     */
    @Override
    public Tensor enumerateSupport() {
        double[] n = totalCount.toArray();
        for (double v : n) {
            if (v != maxCount) {
                throw new UnsupportedOperationException("Binomial enumerateSupport needs one totalCount across the batch, got "
                        + totalCount);
            }
        }
        int[] column = new int[batchShape.length + 1];
        Arrays.fill(column, 1);
        column[0] = maxCount + 1;
        return Tensor.arange(maxCount + 1).reshape(column).broadcastTo(Broadcasting.concat(new int[] {maxCount + 1}, batchShape));
    }
}
