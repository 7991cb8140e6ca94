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
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * The categorical distribution with one-hot values: a draw is the vector {@code e_k} of length
 * {@code K} with {@code P(X = e_k) = p_k}, so {@code p(x) = Π_k p_k^{x_k}} (Bishop, PRML, eq. 2.26).
 * The event shape is {@code [K]}; the parameter is as for {@link Categorical}.
 */
public final class OneHotCategorical implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("OneHotCategorical")
            .and("probs", ParameterRule.NON_NEGATIVE)
            .and("logits", ParameterRule.EXTENDED_LOGITS);

    private static final String NAME = "OneHotCategorical";

    private final Categorical labels;

    private OneHotCategorical(CategoryProbs param) {
        this.labels = Categorical.of(param);
    }

    /** Probabilities along the last axis (non-negative, summing to 1), differentiable. */
    public static OneHotCategorical ofProbs(Var probs) {
        return new OneHotCategorical(CategoryProbs.ofProbs(PARAMETERS, probs));
    }

    /** Data probabilities along the last axis. */
    public static OneHotCategorical ofProbs(Tensor probs) {
        return ofProbs(Var.constant(probs));
    }

    /** One vector of probabilities. */
    public static OneHotCategorical ofProbs(double... probs) {
        return ofProbs(Tensor.of(probs));
    }

    /** Unnormalized logits along the last axis ({@code -∞} allowed), differentiable. */
    public static OneHotCategorical ofLogits(Var logits) {
        return new OneHotCategorical(CategoryProbs.ofLogits(PARAMETERS, logits));
    }

    /** Data logits along the last axis. */
    public static OneHotCategorical ofLogits(Tensor logits) {
        return ofLogits(Var.constant(logits));
    }

    /** One vector of logits. */
    public static OneHotCategorical ofLogits(double... logits) {
        return ofLogits(Tensor.of(logits));
    }

    /** The same distribution over labels {@code 0..K-1} instead of one-hot vectors. */
    public Categorical toCategorical() {
        return labels;
    }

    /** The normalized probabilities, shape {@code batchShape + [K]}. */
    public Var probs() {
        return labels.probs();
    }

    /** The logits as given, or {@code log p}. */
    public Var logits() {
        return labels.logits();
    }

    @Override
    public int[] batchShape() {
        return labels.batchShape();
    }

    @Override
    public int[] eventShape() {
        return new int[] {labels.categories()};
    }

    /** One-hot vectors of length {@code K}. */
    @Override
    public Constraint support() {
        return new Constraint.OneHot();
    }

    /**
     * {@code log p(x) = Σ_k x_k log p_k} (with {@code 0 · log 0 = 0}), differentiable in the
     * parameter; {@code -∞} for a value that is not one-hot.
     */
    @Override
    public Var logProb(Var value) {
        Tensor x = value.value();
        int k = labels.categories();
        if (x.rank() < 1 || x.dim(-1) != k) {
            throw new IllegalArgumentException("OneHotCategorical value must have " + k + " categories along its last axis, got shape "
                    + Arrays.toString(x.shape()));
        }
        int[] valueBatch = Arrays.copyOf(x.shape(), x.rank() - 1);
        int[] shape = Broadcasting.shape(valueBatch, labels.batchShape());
        int[] full = Broadcasting.concat(shape, new int[] {k});
        Tensor xb = x.broadcastTo(full);
        Tensor inside = support().check(xb);
        Tensor safe = xb.mul(inside.unsqueeze(-1));
        Var lp = XLogY.of(safe, labels.parameter().logProbs().broadcastTo(full)).sum(-1);
        return SupportMask.apply(lp, support(), Var.constant(xb));
    }

    /** A {@link Categorical} draw {@code k}, returned as {@code e_k}. */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        double[] index = labels.sample(rng, sampleShape).toArray();
        int k = labels.categories();
        double[] x = new double[index.length * k];
        for (int i = 0; i < index.length; i++) {
            x[i * k + (int) index[i]] = 1.0;
        }
        return Tensor.of(x, Broadcasting.concat(Broadcasting.concat(sampleShape, labels.batchShape()), eventShape()));
    }

    @Override
    public OneHotCategorical expand(int... shape) {
        return new OneHotCategorical(labels.parameter().broadcastTo(shape));
    }

    /** {@code E[X] = p}. */
    @Override
    public Tensor mean() {
        return labels.probs().value();
    }

    /** {@code Var[X_k] = p_k (1 - p_k)} (the diagonal of the covariance {@code diag(p) - p pᵀ}). */
    @Override
    public Tensor variance() {
        Tensor p = labels.probs().value();
        return p.mul(p.rsub(1.0));
    }

    /** {@code H = -Σ_k p_k log p_k}, as for {@link Categorical}. */
    @Override
    public Var entropy() {
        return labels.entropy();
    }

    /** True: the support is finite. */
    @Override
    public boolean hasEnumerateSupport() {
        return true;
    }

    /**
     * All one-hot vectors along a new leading axis, broadcast over the batch: shape
     * {@code [K] + batchShape + [K]}, the {@code k}-th slice being {@code e_k}.
     */
    @Override
    public Tensor enumerateSupport() {
        int k = labels.categories();
        int[] batch = labels.batchShape();
        int[] shape = new int[batch.length + 2];
        Arrays.fill(shape, 1);
        shape[0] = k;
        shape[shape.length - 1] = k;
        return Tensor.eye(k).reshape(shape).broadcastTo(Broadcasting.concat(Broadcasting.concat(new int[] {k}, batch), new int[] {k}));
    }
}
