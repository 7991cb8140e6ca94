package io.github.elbo4j.distribution.multivariate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.discrete.Categorical;
import io.github.elbo4j.distribution.kernel.CategoryProbs;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.distribution.kernel.XLogY;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.random.kernel.BinomialSampler;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The multinomial distribution of the counts of {@code K} categories in {@code n} independent
 * draws with probabilities {@code p}: {@code P(X = x) = n! / Π_k x_k! · Π_k p_k^{x_k}} for
 * non-negative integer vectors with {@code Σ x_k = n} (Bishop, PRML, eq. 2.34). The trial count
 * {@code n} is one integer for the whole batch; the parameter is as for {@link Categorical}.
 */
public final class Multinomial implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Multinomial")
            .and("totalCount", ParameterRule.NON_NEGATIVE_INT)
            .and("probs", ParameterRule.NON_NEGATIVE)
            .and("logits", ParameterRule.EXTENDED_LOGITS);

    private static final String NAME = "Multinomial";

    private final int totalCount;
    private final CategoryProbs param;
    private final int[] batchShape;

    private Multinomial(int totalCount, CategoryProbs param) {
        PARAMETERS.check("totalCount", totalCount);
        this.totalCount = totalCount;
        this.param = param;
        this.batchShape = param.batchShape();
    }

    /** {@code Multinomial(n, p)} with differentiable probabilities along the last axis. */
    public static Multinomial ofProbs(int totalCount, Var probs) {
        return new Multinomial(totalCount, CategoryProbs.ofProbs(PARAMETERS, probs));
    }

    /** {@code Multinomial(n, p)} with data probabilities. */
    public static Multinomial ofProbs(int totalCount, Tensor probs) {
        return ofProbs(totalCount, Var.constant(probs));
    }

    /** {@code Multinomial(n, softmax(l))} with differentiable logits along the last axis. */
    public static Multinomial ofLogits(int totalCount, Var logits) {
        return new Multinomial(totalCount, CategoryProbs.ofLogits(PARAMETERS, logits));
    }

    /** {@code Multinomial(n, softmax(l))} with data logits. */
    public static Multinomial ofLogits(int totalCount, Tensor logits) {
        return ofLogits(totalCount, Var.constant(logits));
    }

    /** The number of draws {@code n}. */
    public int totalCount() {
        return totalCount;
    }

    /** The normalized probabilities, shape {@code batchShape + [K]}. */
    public Var probs() {
        return param.probs();
    }

    /** The logits as given, or {@code log p}. */
    public Var logits() {
        return param.logits();
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return new int[] {param.categories()};
    }

    /** Non-negative integer vectors summing to {@code n}. */
    @Override
    public Constraint support() {
        return new Constraint.Multinomial(totalCount);
    }

    /**
     * {@code log P(x) = log Γ(n + 1) - Σ_k log Γ(x_k + 1) + Σ_k x_k log p_k} (with
     * {@code 0 · log 0 = 0}), differentiable in the parameter; {@code -∞} outside the support.
     */
    @Override
    public Var logProb(Var value) {
        Tensor x = value.value();
        int k = param.categories();
        if (x.rank() < 1 || x.dim(-1) != k) {
            throw new IllegalArgumentException(NAME + " value must have " + k + " categories along its last axis, got shape "
                    + Arrays.toString(x.shape()));
        }
        int[] shape = Broadcasting.shape(Arrays.copyOf(x.shape(), x.rank() - 1), batchShape);
        int[] full = Broadcasting.concat(shape, new int[] {k});
        Tensor xb = x.broadcastTo(full);
        Tensor safe = xb.mul(support().check(xb).unsqueeze(-1));
        Tensor combinatorial = safe.add(1.0).apply(ElementwiseFunction.LGAMMA).sum(-1).neg()
                .add(SpecialFunctions.lgamma(totalCount + 1.0));
        Var lp = XLogY.of(safe, param.logProbs().broadcastTo(full)).sum(-1).add(combinatorial);
        return SupportMask.apply(lp, support(), Var.constant(xb));
    }

    /** Conditional binomials ({@link #draw}), one draw at a time. */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        int k = param.categories();
        double[] p = param.probs().value().toArray();
        int rows = p.length / k;
        int draws = Broadcasting.size(sampleShape);
        double[] x = new double[draws * rows * k];
        for (int s = 0; s < draws; s++) {
            for (int b = 0; b < rows; b++) {
                draw(rng.provider(), totalCount, p, b * k, k, x, (s * rows + b) * k);
            }
        }
        return Tensor.of(x, Broadcasting.concat(Broadcasting.concat(sampleShape, batchShape), eventShape()));
    }

    /**
     * One multinomial draw by conditional binomials: {@code x_1 ~ Binomial(n, p_1)}, then
     * {@code x_i ~ Binomial(n - Σ_{j<i} x_j, p_i / Σ_{j>=i} p_j)} (Devroye, Non-Uniform Random
     * Variate Generation, 1986, sec. XI.1.5), the tail sums formed from the right so no
     * {@code 1 - Σ} cancels. Reads {@code p[from..from+k)}, writes {@code out[to..to+k)}.
     */
    static void draw(UniformRandomProvider rng, double n, double[] p, int from, int k, double[] out, int to) {
        double[] tail = new double[k + 1];
        for (int i = k - 1; i >= 0; i--) {
            tail[i] = tail[i + 1] + p[from + i];
        }
        double left = n;
        for (int i = 0; i < k - 1 && left > 0; i++) {
            double c = tail[i] > 0 ? Math.min(1.0, p[from + i] / tail[i]) : 0.0;
            double xi = BinomialSampler.draw(rng, left, c);
            out[to + i] = xi;
            left -= xi;
        }
        out[to + k - 1] += left;
    }

    @Override
    public Multinomial expand(int... shape) {
        return new Multinomial(totalCount, param.broadcastTo(shape));
    }

    /** {@code E[X_k] = n p_k}. */
    @Override
    public Tensor mean() {
        return param.probs().value().mul(totalCount);
    }

    /** {@code Var[X_k] = n p_k (1 - p_k)}. */
    @Override
    public Tensor variance() {
        Tensor p = param.probs().value();
        return p.mul(p.rsub(1.0)).mul(totalCount);
    }
}
