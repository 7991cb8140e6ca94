package io.github.elbo4j.distribution.multivariate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.MatrixParameterChecks;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.StandardGammaDraws;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.math.IncompleteGammaDerivative;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * The Dirichlet distribution on the simplex {@code {x : x_i >= 0, Σ x_i = 1}} with concentration
 * {@code α} {@code [..., K]} and density
 * {@code p(x) = Γ(α₀)/Π Γ(α_i) · Π x_i^{α_i - 1}}, {@code α₀ = Σ α_i} (Bishop, PRML, eq. 2.38);
 * event shape {@code [K]}.
 *
 * <p>Reparameterized draws by implicit differentiation (Figurnov, Mohamed &amp; Mnih,
 * "Implicit Reparameterization Gradients", NeurIPS 2018, sec. 2.3 and 3): {@code x = z/Σ z} with
 * independent {@code z_i ~ Gamma(α_i, 1)}, and each {@code z_i} differentiated at a fixed value
 * of its cdf, {@code dz_i/dα_i = -(∂P/∂α)(α_i, z_i)/p(z_i; α_i)} ({@link IncompleteGammaDerivative}).
 * The gamma draws are made in log space by {@link StandardGammaDraws} (boosted for {@code α < 1}),
 * so small concentrations keep their tiny coordinates.
 */
public final class Dirichlet implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Dirichlet")
            .and("concentration", ParameterRule.POSITIVE);

    private static final String NAME = "Dirichlet";

    private final Var concentration;
    private final int[] batchShape;
    private final int categories;

    private Dirichlet(Var concentration) {
        int[] s = concentration.shape();
        if (s.length < 1 || s[s.length - 1] < 2) {
            throw new IllegalArgumentException(NAME + " concentration must have shape [..., K] with K >= 2, got "
                    + Arrays.toString(s));
        }
        PARAMETERS.check("concentration", concentration.value());
        this.concentration = concentration;
        this.batchShape = Arrays.copyOf(s, s.length - 1);
        this.categories = s[s.length - 1];
    }

    /** {@code Dir(concentration)}, differentiable in the concentration. */
    public static Dirichlet of(Var concentration) {
        return new Dirichlet(concentration);
    }

    /** {@code Dir(concentration)} with a data parameter. */
    public static Dirichlet of(Tensor concentration) {
        return new Dirichlet(Var.constant(concentration));
    }

    /** {@code Dir(α_1, …, α_K)}. */
    public static Dirichlet of(double... concentration) {
        return of(Tensor.of(concentration));
    }

    /** {@code α}. */
    public Var concentration() {
        return concentration;
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return new int[] {categories};
    }

    @Override
    public Constraint support() {
        return new Constraint.Simplex();
    }

    /**
     * {@code log p(x) = Σ (α_i - 1) log x_i + log Γ(α₀) - Σ log Γ(α_i)}, with
     * {@code (α_i - 1) log x_i = 0} when {@code α_i = 1} and {@code x_i = 0} (a face of the
     * simplex where the density is finite); {@code -∞} off the simplex.
     */
    @Override
    public Var logProb(Var value) {
        MatrixParameterChecks.vector(NAME, "value", value.shape(), categories);
        Var am1 = concentration.sub(1.0);
        Tensor zeroTimesLogZero = value.value().eq(Tensor.scalar(0.0)).mul(am1.value().eq(Tensor.scalar(0.0)));
        Var x = zeroTimesLogZero.max().item() > 0 ? Var.where(zeroTimesLogZero, Var.constant(1.0), value) : value;
        Var lp = am1.mul(x.log()).sum(-1).add(logNormalizer());
        return SupportMask.apply(lp, support(), value);
    }

    /** {@code log Γ(α₀) - Σ log Γ(α_i)}, shape {@code batchShape}. */
    private Var logNormalizer() {
        return concentration.sum(-1).lgamma().sub(concentration.lgamma().sum(-1));
    }

    /** The draws of {@link #rsample}, without the gradient. */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /**
     * {@code x = exp(log z - logΣexp(log z))}, {@code log z_i} from {@link StandardGammaDraws}, whose
     * implicit gradient {@code ∂ log z_i/∂α_i} is computed only when the backward pass asks for it.
     */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        int[] event = Broadcasting.concat(batchShape, new int[] {categories});
        Var logGammas = StandardGammaDraws.logDraws(concentration, event, rng, sampleShape);
        int[] keep = Broadcasting.concat(Broadcasting.concat(sampleShape, batchShape), new int[] {1});
        return logGammas.sub(logGammas.logSumExp(-1).reshape(keep)).exp();
    }

    @Override
    public Dirichlet expand(int... shape) {
        return new Dirichlet(concentration.broadcastTo(Broadcasting.concat(shape, new int[] {categories})));
    }

    /** {@code E[x_i] = α_i/α₀}. */
    @Override
    public Tensor mean() {
        Tensor a = concentration.value();
        return a.div(a.sum(-1).unsqueeze(-1)).broadcastTo(Broadcasting.concat(batchShape, new int[] {categories}));
    }

    /** {@code Var[x_i] = α_i (α₀ - α_i) / (α₀² (α₀ + 1))} (Bishop, PRML, eq. B.18). */
    @Override
    public Tensor variance() {
        Tensor a = concentration.value();
        Tensor a0 = a.sum(-1).unsqueeze(-1);
        return a.mul(a0.sub(a)).div(a0.square().mul(a0.add(1.0))).broadcastTo(Broadcasting.concat(batchShape, new int[] {categories}));
    }

    /**
     * {@code H = log B(α) + (α₀ - K) ψ(α₀) - Σ (α_i - 1) ψ(α_i)}, {@code log B(α) = Σ log Γ(α_i) - log Γ(α₀)}
     * (Bishop, PRML, eq. B.22 with the log normalizer of B.16).
     */
    @Override
    public Var entropy() {
        Var a0 = concentration.sum(-1);
        Var digammaTerm = concentration.sub(1.0).mul(concentration.apply(ElementwiseFunction.DIGAMMA)).sum(-1);
        return logNormalizer().neg().add(a0.sub(categories).mul(a0.apply(ElementwiseFunction.DIGAMMA))).sub(digammaTerm);
    }
}
