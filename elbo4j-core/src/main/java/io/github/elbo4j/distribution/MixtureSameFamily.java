package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * A finite mixture whose {@code K} components are the last batch axis of one distribution:
 * {@code p(x) = Σ_k π_k p_k(x)} with mixing weights {@code π = softmax(logits)} over that axis
 * (Bishop, PRML, eq. 9.7; PyTorch's and Pyro's {@code MixtureSameFamily}). The component
 * distribution has batch shape {@code [B..., K]}, the mixture {@code [B...]}; the event shape is
 * the component's.
 *
 * <p>{@code log p(x) = logΣexp_k (log π_k + log p_k(x))}, differentiable in {@code x}, the
 * logits and the component parameters. Draws pick a component from the categorical
 * {@code π} (inverse cdf of one uniform), then keep that component's draw; they are not
 * reparameterized (the choice is discrete).
 */
public final class MixtureSameFamily implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("MixtureSameFamily")
            .and("logits", ParameterRule.BELOW_INFINITY)
            .and("probs", ParameterRule.UNIT_INTERVAL);

    private static final String NAME = "MixtureSameFamily";

    private final Var logits;
    private final Distribution component;
    private final int[] batchShape;
    private final int components;

    private MixtureSameFamily(Var logits, Distribution component) {
        int[] cb = component.batchShape();
        int[] ls = logits.shape();
        if (cb.length < 1) {
            throw new IllegalArgumentException(NAME + " component batch shape must end with the component axis, got []");
        }
        if (ls.length < 1 || ls[ls.length - 1] != cb[cb.length - 1]) {
            throw new IllegalArgumentException(NAME + " mixing logits must have shape [..., " + cb[cb.length - 1]
                    + "] (the component batch shape " + Arrays.toString(cb) + " ends with K = " + cb[cb.length - 1]
                    + "), got " + Arrays.toString(ls));
        }
        this.components = cb[cb.length - 1];
        this.batchShape = Broadcasting.shape(Arrays.copyOf(ls, ls.length - 1), Arrays.copyOf(cb, cb.length - 1));
        int[] full = Broadcasting.concat(batchShape, new int[] {components});
        this.logits = logits;
        this.component = Arrays.equals(cb, full) ? component : component.expand(full);
    }

    /** Mixing weights {@code softmax(logits)} over the last axis of {@code logits}, which is the component axis. */
    public static MixtureSameFamily ofLogits(Var logits, Distribution component) {
        PARAMETERS.check("logits", logits.value());
        return new MixtureSameFamily(logits, component);
    }

    /** {@link #ofLogits(Var, Distribution)} with data logits. */
    public static MixtureSameFamily ofLogits(Tensor logits, Distribution component) {
        return ofLogits(Var.constant(logits), component);
    }

    /**
     * Mixing weights {@code probs} {@code [..., K]}, non-negative and summing to 1 along the last
     * axis (within {@link Constraint#TOLERANCE}); kept as {@code logits = log probs}.
     */
    public static MixtureSameFamily ofProbs(Var probs, Distribution component) {
        PARAMETERS.check("probs", probs.value());
        Tensor sums = probs.value().sum(-1);
        double[] s = sums.toArray();
        for (double v : s) {
            if (Math.abs(v - 1.0) > Constraint.TOLERANCE) {
                throw new IllegalArgumentException(NAME + " probs must sum to 1 along the last axis, got a sum of " + v);
            }
        }
        return new MixtureSameFamily(probs.log(), component);
    }

    /** {@link #ofProbs(Var, Distribution)} with data weights. */
    public static MixtureSameFamily ofProbs(Tensor probs, Distribution component) {
        return ofProbs(Var.constant(probs), component);
    }

    /** The component distribution, batch shape {@code [B..., K]}. */
    public Distribution component() {
        return component;
    }

    /** The normalized log-weights {@code log π_k = logits_k - logΣexp(logits)}, shape {@code [..., K]}. */
    public Var logWeights() {
        int[] ls = logits.shape();
        int[] keep = ls.clone();
        keep[keep.length - 1] = 1;
        return logits.sub(logits.logSumExp(-1).reshape(keep));
    }

    /** The number of components {@code K}. */
    public int components() {
        return components;
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return component.eventShape();
    }

    @Override
    public Constraint support() {
        return component.support();
    }

    /** {@code log p(x) = logΣexp_k (log π_k + log p_k(x))}, {@code x} broadcast against the component axis. */
    @Override
    public Var logProb(Var value) {
        int e = component.eventShape().length;
        int[] vs = value.shape();
        if (vs.length < e) {
            throw new IllegalArgumentException(NAME + " value must have rank >= " + e + " (the event rank), got shape "
                    + Arrays.toString(vs));
        }
        int[] withAxis = new int[vs.length + 1];
        System.arraycopy(vs, 0, withAxis, 0, vs.length - e);
        withAxis[vs.length - e] = 1;
        System.arraycopy(vs, vs.length - e, withAxis, vs.length - e + 1, e);
        Var perComponent = component.logProb(value.reshape(withAxis));
        return perComponent.add(logWeights()).logSumExp(-1);
    }

    /** One categorical draw per mixture draw, then the chosen component's draw (all components are drawn first). */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        Tensor all = component.sample(rng, sampleShape);
        int cells = Broadcasting.size(batchShape);
        int draws = Broadcasting.size(sampleShape);
        int eventSize = Broadcasting.size(component.eventShape());
        double[] weights = logWeights().value().exp().broadcastTo(Broadcasting.concat(batchShape, new int[] {components})).toArray();
        double[] source = all.toArray();
        double[] out = new double[draws * cells * eventSize];
        for (int m = 0; m < draws * cells; m++) {
            int b = m % cells;
            double u = rng.nextDouble();
            int k = 0;
            double cumulative = weights[b * components];
            while (u >= cumulative && k < components - 1) {
                k++;
                cumulative += weights[b * components + k];
            }
            System.arraycopy(source, (m * components + k) * eventSize, out, m * eventSize, eventSize);
        }
        return Tensor.of(out, Broadcasting.concat(Broadcasting.concat(sampleShape, batchShape), component.eventShape()));
    }

    @Override
    public MixtureSameFamily expand(int... shape) {
        int[] full = Broadcasting.concat(shape, new int[] {components});
        return new MixtureSameFamily(logits.broadcastTo(full), component.expand(full));
    }

    /** {@code E[x] = Σ_k π_k μ_k}. */
    @Override
    public Tensor mean() {
        return weightedSum(component.mean());
    }

    /**
     * Law of total variance, per coordinate: {@code Var[x] = Σ_k π_k σ_k² + Σ_k π_k (μ_k - μ)²}
     * (the diagonal of Bishop, PRML, eq. 9.50, the covariance of a mixture).
     */
    @Override
    public Tensor variance() {
        Tensor means = component.mean();
        Tensor spread = means.sub(axisInserted(mean())).square();
        return weightedSum(component.variance().add(spread));
    }

    /** {@code Σ_k π_k t_k} for {@code t} of shape {@code [B..., K, E...]}. */
    private Tensor weightedSum(Tensor t) {
        int e = component.eventShape().length;
        Tensor w = logWeights().value().exp();
        for (int i = 0; i < e; i++) {
            w = w.unsqueeze(-1);
        }
        return t.mul(w).sum(-1 - e);
    }

    /** {@code [B..., E...] → [B..., 1, E...]}. */
    private Tensor axisInserted(Tensor t) {
        return t.unsqueeze(t.rank() - component.eventShape().length);
    }
}
