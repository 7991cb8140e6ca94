package io.github.elbo4j.distribution.discrete;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.CategoryProbs;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.distribution.kernel.XLogY;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Index;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;

/**
 * The categorical distribution on {@code {0, ..., K - 1}}: {@code P(X = k) = p_k} (Bishop, PRML,
 * sec. 2.2), with the {@code K} probabilities along the last axis of {@code probs} or of
 * unnormalized {@code logits} ({@code p_k = e^{l_k} / Σ_j e^{l_j}}). The batch shape is the
 * parameter's shape without its last axis; the event shape is {@code []}.
 */
public final class Categorical implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Categorical")
            .and("probs", ParameterRule.NON_NEGATIVE)
            .and("logits", ParameterRule.EXTENDED_LOGITS);

    private static final String NAME = "Categorical";

    private final CategoryProbs param;
    private final int[] batchShape;

    private Categorical(CategoryProbs param) {
        this.param = param;
        this.batchShape = param.batchShape();
    }

    /** {@code Categorical(p)}: non-negative probabilities summing to 1 along the last axis, differentiable. */
    public static Categorical ofProbs(Var probs) {
        return new Categorical(CategoryProbs.ofProbs(PARAMETERS, probs));
    }

    /** {@code Categorical(p)} with data probabilities. */
    public static Categorical ofProbs(Tensor probs) {
        return ofProbs(Var.constant(probs));
    }

    /** {@code Categorical(p)} over one vector of probabilities. */
    public static Categorical ofProbs(double... probs) {
        return ofProbs(Tensor.of(probs));
    }

    /** {@code Categorical(softmax(l))} with differentiable logits ({@code -∞} allowed, NaN and {@code +∞} not). */
    public static Categorical ofLogits(Var logits) {
        return new Categorical(CategoryProbs.ofLogits(PARAMETERS, logits));
    }

    /** {@code Categorical(softmax(l))} with data logits. */
    public static Categorical ofLogits(Tensor logits) {
        return ofLogits(Var.constant(logits));
    }

    /** {@code Categorical(softmax(l))} over one vector of logits. */
    public static Categorical ofLogits(double... logits) {
        return ofLogits(Tensor.of(logits));
    }

    static Categorical of(CategoryProbs param) {
        return new Categorical(param);
    }

    CategoryProbs parameter() {
        return param;
    }

    /** The normalized probabilities, shape {@code batchShape + [K]}. */
    public Var probs() {
        return param.probs();
    }

    /** The logits as given, or {@code log p} when built from probabilities. */
    public Var logits() {
        return param.logits();
    }

    /** The number of categories {@code K}. */
    public int categories() {
        return param.categories();
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return new int[0];
    }

    /** {@code {0, ..., K - 1}}. */
    @Override
    public Constraint support() {
        return new Constraint.IntegerInterval(0, categories() - 1);
    }

    /**
     * {@code log P(X = k) = log p_k}, gathered from the normalized log-probabilities (differentiable
     * in the parameter); {@code -∞} for {@code k} not an integer in {@code [0, K - 1]}.
     */
    @Override
    public Var logProb(Var value) {
        Tensor k = value.value();
        int[] shape = Broadcasting.shape(k.shape(), batchShape);
        Tensor kb = k.broadcastTo(shape);
        Tensor inside = support().check(kb);
        double[] kk = kb.toArray();
        double[] in = inside.toArray();
        int[] index = new int[kk.length];
        for (int i = 0; i < kk.length; i++) {
            index[i] = in[i] == 1.0 ? (int) kk[i] : 0;
        }
        int[] full = Broadcasting.concat(shape, new int[] {categories()});
        int[] column = Broadcasting.concat(shape, new int[] {1});
        Var lp = param.logProbs().broadcastTo(full).gather(-1, Index.of(index, column)).reshape(shape);
        return SupportMask.apply(lp, support(), Var.constant(kb));
    }

    /** Draws by Commons RNG's guide-table sampler (Chen &amp; Asau 1974), one table per batch element. */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        int k = categories();
        double[] p = param.probs().value().toArray();
        int rows = p.length / k;
        int draws = Broadcasting.size(sampleShape);
        double[] x = new double[draws * rows];
        for (int b = 0; b < rows; b++) {
            var sampler = GuideTableDiscreteSampler.of(rng.provider(), Arrays.copyOfRange(p, b * k, (b + 1) * k));
            for (int s = 0; s < draws; s++) {
                x[s * rows + b] = sampler.sample();
            }
        }
        return Tensor.of(x, shape);
    }

    @Override
    public Categorical expand(int... shape) {
        return new Categorical(param.broadcastTo(shape));
    }

    /** The mean of the label, {@code E[X] = Σ_k k p_k} (torch and NumPyro return NaN here; the label's moments are well defined). */
    @Override
    public Tensor mean() {
        return param.probs().value().mul(Tensor.arange(categories())).sum(-1);
    }

    /** The variance of the label, {@code Σ_k (k - E[X])² p_k}. */
    @Override
    public Tensor variance() {
        Tensor p = param.probs().value();
        Tensor deviation = Tensor.arange(categories()).sub(mean().unsqueeze(-1));
        return p.mul(deviation.square()).sum(-1);
    }

    /** {@code H = -Σ_k p_k log p_k} with {@code 0 log 0 = 0} (Cover &amp; Thomas, eq. 2.1); differentiable. */
    @Override
    public Var entropy() {
        return XLogY.of(param.probs(), param.logProbs()).sum(-1).neg();
    }

    /** True: the support is finite. */
    @Override
    public boolean hasEnumerateSupport() {
        return true;
    }

    /** All labels {@code 0..K-1} along a new leading axis, broadcast over the batch: shape {@code [K] + batchShape}. */
    @Override
    public Tensor enumerateSupport() {
        int[] column = new int[batchShape.length + 1];
        Arrays.fill(column, 1);
        column[0] = categories();
        return Tensor.arange(categories()).reshape(column).broadcastTo(Broadcasting.concat(new int[] {categories()}, batchShape));
    }
}
