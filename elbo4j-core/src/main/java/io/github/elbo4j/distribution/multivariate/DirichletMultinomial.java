package io.github.elbo4j.distribution.multivariate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.random.kernel.LogGammaVariate;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The Dirichlet-multinomial distribution, a Multinomial(n, p) with {@code p ~ Dirichlet(α)}
 * integrated out: {@code P(X = x) = n! Γ(α₀) / Γ(n + α₀) · Π_k Γ(x_k + α_k) / (x_k! Γ(α_k))} with
 * {@code α₀ = Σ_k α_k}, on non-negative integer vectors summing to {@code n} (Johnson, Kotz &amp;
 * Balakrishnan, Discrete Multivariate Distributions, 1997, ch. 35.13; as
 * {@code scipy.stats.dirichlet_multinomial(alpha, n)}). The concentrations are along the last axis.
 */
public final class DirichletMultinomial implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("DirichletMultinomial")
            .and("totalCount", ParameterRule.NON_NEGATIVE_INT)
            .and("concentration", ParameterRule.POSITIVE);

    private static final String NAME = "DirichletMultinomial";

    private final int totalCount;
    private final Var concentration;
    private final int[] batchShape;

    private DirichletMultinomial(int totalCount, Var concentration) {
        PARAMETERS.check("totalCount", totalCount);
        Tensor a = concentration.value();
        if (a.rank() < 1 || a.dim(-1) < 1) {
            throw new IllegalArgumentException(NAME + " concentration must have at least one category along its last axis, got shape "
                    + Arrays.toString(a.shape()));
        }
        PARAMETERS.check("concentration", a);
        this.totalCount = totalCount;
        this.concentration = concentration;
        int[] s = a.shape();
        this.batchShape = Arrays.copyOf(s, s.length - 1);
    }

    /** {@code DirichletMultinomial(n, α)} with differentiable concentrations {@code > 0} along the last axis. */
    public static DirichletMultinomial of(int totalCount, Var concentration) {
        return new DirichletMultinomial(totalCount, concentration);
    }

    /** {@code DirichletMultinomial(n, α)} with data concentrations. */
    public static DirichletMultinomial of(int totalCount, Tensor concentration) {
        return of(totalCount, Var.constant(concentration));
    }

    /** The number of draws {@code n}. */
    public int totalCount() {
        return totalCount;
    }

    /** The concentrations {@code α}, shape {@code batchShape + [K]}. */
    public Var concentration() {
        return concentration;
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return new int[] {concentration.value().dim(-1)};
    }

    /** Non-negative integer vectors summing to {@code n}. */
    @Override
    public Constraint support() {
        return new Constraint.Multinomial(totalCount);
    }

    /**
     * {@code log P(x) = log Γ(n + 1) + log Γ(α₀) - log Γ(n + α₀) + Σ_k [log Γ(x_k + α_k) - log Γ(α_k)
     * - log Γ(x_k + 1)]}, differentiable in {@code α}; {@code -∞} outside the support.
     */
    @Override
    public Var logProb(Var value) {
        Tensor x = value.value();
        int k = eventShape()[0];
        if (x.rank() < 1 || x.dim(-1) != k) {
            throw new IllegalArgumentException(NAME + " value must have " + k + " categories along its last axis, got shape "
                    + Arrays.toString(x.shape()));
        }
        int[] shape = Broadcasting.shape(Arrays.copyOf(x.shape(), x.rank() - 1), batchShape);
        int[] full = Broadcasting.concat(shape, new int[] {k});
        Tensor xb = x.broadcastTo(full);
        Tensor safe = xb.mul(support().check(xb).unsqueeze(-1));
        Var a = concentration;
        Var a0 = a.sum(-1);
        Var perCategory = a.add(safe).lgamma().sub(a.lgamma()).sub(safe.add(1.0).apply(ElementwiseFunction.LGAMMA)).sum(-1);
        Var lp = a0.lgamma().sub(a0.add(totalCount).lgamma()).add(SpecialFunctions.lgamma(totalCount + 1.0)).add(perCategory);
        return SupportMask.apply(lp.broadcastTo(shape), support(), Var.constant(xb));
    }

    /**
     * {@code p ~ Dirichlet(α)} as normalized gammas (formed in log space, {@link LogGammaVariate},
     * so tiny concentrations do not give 0/0), then {@code X ~ Multinomial(n, p)}.
     */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        int k = eventShape()[0];
        double[] a = concentration.value().toArray();
        int rows = a.length / k;
        int draws = Broadcasting.size(sampleShape);
        double[] x = new double[draws * rows * k];
        double[] p = new double[k];
        UniformRandomProvider source = rng.provider();
        for (int s = 0; s < draws; s++) {
            for (int b = 0; b < rows; b++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < k; i++) {
                    p[i] = LogGammaVariate.draw(source, a[b * k + i]);
                    max = Math.max(max, p[i]);
                }
                for (int i = 0; i < k; i++) {
                    p[i] = Math.exp(p[i] - max);
                }
                Multinomial.draw(source, totalCount, p, 0, k, x, (s * rows + b) * k);
            }
        }
        return Tensor.of(x, Broadcasting.concat(Broadcasting.concat(sampleShape, batchShape), eventShape()));
    }

    @Override
    public DirichletMultinomial expand(int... shape) {
        return new DirichletMultinomial(totalCount, concentration.broadcastTo(Broadcasting.concat(shape, eventShape())));
    }

    /** {@code E[X_k] = n α_k / α₀}. */
    @Override
    public Tensor mean() {
        Tensor a = concentration.value();
        return a.div(a.sum(-1).unsqueeze(-1)).mul(totalCount);
    }

    /** {@code Var[X_k] = n (α_k/α₀)(1 - α_k/α₀)(n + α₀)/(1 + α₀)}. */
    @Override
    public Tensor variance() {
        Tensor a = concentration.value();
        Tensor a0 = a.sum(-1).unsqueeze(-1);
        Tensor p = a.div(a0);
        return p.mul(p.rsub(1.0)).mul(a0.add(totalCount).div(a0.add(1.0))).mul(totalCount);
    }
}
