package io.github.elbo4j.distribution.multivariate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.MatrixParameterChecks;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.apache.commons.rng.sampling.UnitSphereSampler;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/**
 * The LKJ distribution of Lewandowski, Kurowicka &amp; Joe ("Generating random correlation
 * matrices based on vines and extended onion method", J. Multivariate Anal. 100(9), 2009) on the
 * Cholesky factor {@code L} of a {@code d×d} correlation matrix {@code Ω = L Lᵀ}, where
 * {@code p(Ω) ∝ det(Ω)^{η - 1}}, concentration {@code η > 0}; event shape {@code [d, d]}.
 *
 * <p><b>Density of the factor (derived).</b> The free coordinates of {@code L} are its strict
 * lower entries (the diagonal is {@code L_ii = √(1 - Σ_{j<i} L_ij²)}), those of {@code Ω} its
 * strict lower entries. For {@code j < i}, {@code Ω_ij = Σ_{k≤j} L_ik L_jk} depends on row
 * {@code i} of {@code L} only through {@code L_i1..L_ij}, linearly, with the lower-triangular
 * coefficients {@code L_jk} of the earlier rows: the Jacobian is block triangular, row {@code i}'s
 * block having determinant {@code Π_{j<i} L_jj}. So
 * {@code |∂Ω/∂L| = Π_{i=2}^{d} Π_{j<i} L_jj = Π_{j=1}^{d-1} L_jj^{d-j}} and, with
 * {@code det Ω = Π L_ii²},
 * <pre>
 *   p(L) = c · Π_{i=2}^{d} L_ii^{d - i + 2η - 2}        (1-based i; as Stan's lkj_corr_cholesky)
 * </pre>
 * <b>Normalizing constant (derived from the onion method).</b> The onion construction (LKJ 2009,
 * sec. 3.2) builds row {@code i = k + 1} as {@code (√y u, √(1 - y))} with {@code u} uniform on the
 * sphere {@code S^{k-1}} and {@code y ~ Beta(k/2, β_k)}, {@code β_k = η + (d - 1 - k)/2}. In polar
 * coordinates {@code w = √y u} has density
 * {@code p(w) = (1 - ‖w‖²)^{β_k - 1} Γ(k/2 + β_k) / (π^{k/2} Γ(β_k))}, and
 * {@code 1 - ‖w‖² = L_ii²}, {@code 2β_k - 2 = d - i + 2η - 2}. The rows are drawn independently,
 * so the product of these row densities is the density above, with (as {@code k/2 + β_k = η + (d-1)/2})
 * <pre>
 *   log c = Σ_{k=1}^{d-1} [log Γ(η + (d-1)/2) - log Γ(η + (d-1-k)/2)] - (d(d-1)/4) log π.
 * </pre>
 * So {@code c = 1/c_d}, {@code c_d = ∫ det(Ω)^{η-1} dΩ} being the constant of LKJ 2009 eq. (16)
 * (the two expressions agree to rounding: asserted in {@code make_multivariate_reference.py}).
 * Draws follow the same onion construction.
 */
public final class LkjCholesky implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("LkjCholesky")
            .and("concentration", ParameterRule.POSITIVE);

    private static final String NAME = "LkjCholesky";
    private static final double LOG_PI = Math.log(Math.PI);

    private final int d;
    private final Var concentration;

    private LkjCholesky(int d, Var concentration) {
        if (d < 2) {
            throw new IllegalArgumentException(NAME + " dim must be >= 2, got " + d);
        }
        PARAMETERS.check("concentration", concentration.value());
        this.d = d;
        this.concentration = concentration;
    }

    /** LKJ on {@code dim×dim} Cholesky factors with concentration {@code η} (batch shape = its shape). */
    public static LkjCholesky of(int dim, Var concentration) {
        return new LkjCholesky(dim, concentration);
    }

    /** LKJ with a data concentration. */
    public static LkjCholesky of(int dim, Tensor concentration) {
        return new LkjCholesky(dim, Var.constant(concentration));
    }

    /** LKJ with a scalar concentration ({@code η = 1}: uniform over correlation matrices). */
    public static LkjCholesky of(int dim, double concentration) {
        return of(dim, Tensor.scalar(concentration));
    }

    /** The dimension {@code d}. */
    public int dim() {
        return d;
    }

    /** The concentration {@code η}. */
    public Var concentration() {
        return concentration;
    }

    @Override
    public int[] batchShape() {
        return concentration.shape();
    }

    @Override
    public int[] eventShape() {
        return new int[] {d, d};
    }

    @Override
    public Constraint support() {
        return new Constraint.CorrCholesky();
    }

    /** {@code log p(L) = Σ_{i=2}^{d} (d - i + 2η - 2) log L_ii + log c}; {@code -∞} off the support. */
    @Override
    public Var logProb(Var value) {
        MatrixParameterChecks.square(NAME, "value", value.shape());
        if (value.shape()[value.shape().length - 1] != d) {
            throw new IllegalArgumentException(NAME + " value must have shape [..., " + d + ", " + d + "], got "
                    + java.util.Arrays.toString(value.shape()));
        }
        double[] fixed = new double[d - 1];
        for (int i = 1; i < d; i++) {
            fixed[i - 1] = d - i - 3; // 0-based row i is row i + 1 of the formula
        }
        Var logDiagonal = value.diagonal().slice(-1, 1, d).log();
        Var lp = logDiagonal.mul(Tensor.of(fixed)).sum(-1)
                .add(logDiagonal.sum(-1).mul(concentration.mul(2.0)))
                .add(logNormalizer());
        return SupportMask.apply(lp, support(), value);
    }

    /** {@code log c(η)} of the class comment, shape {@code batchShape}. */
    Var logNormalizer() {
        double[] offsets = new double[d - 1];
        for (int k = 1; k < d; k++) {
            offsets[k - 1] = (d - 1 - k) / 2.0;
        }
        Var eta = concentration.reshape(Broadcasting.concat(concentration.shape(), new int[] {1}));
        return concentration.add((d - 1) / 2.0).lgamma().mul(d - 1)
                .sub(eta.add(Tensor.of(offsets)).lgamma().sum(-1))
                .sub(d * (d - 1) / 4.0 * LOG_PI);
    }

    /**
     * The onion method in Cholesky form (LKJ 2009, sec. 3.2): {@code L_11 = 1}; row
     * {@code k + 1} ({@code k = 1, …, d-1}) is {@code (√(1 - w) u, √w)} with
     * {@code w = 1 - y ~ Beta(β_k, k/2)} (Commons RNG {@link ChengBetaSampler}) and {@code u}
     * uniform on the unit sphere of {@code ℝ^k} ({@link UnitSphereSampler}).
     */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        int[] batch = batchShape();
        int cells = Broadcasting.size(batch);
        int draws = Broadcasting.size(sampleShape);
        double[] eta = concentration.value().toArray();
        SharedStateContinuousSampler[][] beta = new SharedStateContinuousSampler[cells][d];
        UnitSphereSampler[] sphere = new UnitSphereSampler[d];
        for (int k = 1; k < d; k++) {
            sphere[k] = UnitSphereSampler.of(rng.provider(), k);
            for (int b = 0; b < cells; b++) {
                beta[b][k] = ChengBetaSampler.of(rng.provider(), eta[b] + (d - 1 - k) / 2.0, k / 2.0);
            }
        }
        double[] out = new double[draws * cells * d * d];
        for (int m = 0; m < draws * cells; m++) {
            int base = m * d * d;
            out[base] = 1.0;
            for (int k = 1; k < d; k++) {
                double w = beta[m % cells][k].sample();
                double[] u = sphere[k].sample();
                double radius = Math.sqrt(1.0 - w);
                for (int j = 0; j < k; j++) {
                    out[base + k * d + j] = radius * u[j];
                }
                out[base + k * d + k] = Math.sqrt(w);
            }
        }
        return Tensor.of(out, Broadcasting.concat(Broadcasting.concat(sampleShape, batch), new int[] {d, d}));
    }

    @Override
    public LkjCholesky expand(int... shape) {
        return new LkjCholesky(d, concentration.broadcastTo(shape));
    }

    /**
     * {@code E[L_ii] = E[√w] = Γ(β + ½) Γ(c) / (Γ(β) Γ(c + ½))} for {@code w ~ Beta(β, k/2)},
     * {@code c = β + k/2 = η + (d-1)/2}, {@code k = i - 1}; {@code L_11 = 1}; the off-diagonal
     * entries have mean 0 (the law is invariant under {@code L ↦ S L S}, {@code S = diag(±1)}).
     */
    @Override
    public Tensor mean() {
        return moments(true);
    }

    /**
     * {@code Var[L_ii] = β/c - E[L_ii]²}; {@code Var[L_ij] = E[1 - w] E[u_j²] = (k/(2c)) (1/k) = 1/(2η + d - 1)}
     * for {@code j < i}; 0 on {@code L_11} and above the diagonal.
     */
    @Override
    public Tensor variance() {
        return moments(false);
    }

    private Tensor moments(boolean first) {
        double[] eta = concentration.value().toArray();
        double[] out = new double[eta.length * d * d];
        for (int b = 0; b < eta.length; b++) {
            double c = eta[b] + (d - 1) / 2.0;
            int base = b * d * d;
            out[base] = first ? 1.0 : 0.0;
            for (int i = 1; i < d; i++) {
                double beta = eta[b] + (d - 1 - i) / 2.0;
                double m = Math.exp(SpecialFunctions.lgamma(beta + 0.5) - SpecialFunctions.lgamma(beta)
                        + SpecialFunctions.lgamma(c) - SpecialFunctions.lgamma(c + 0.5));
                out[base + i * d + i] = first ? m : beta / c - m * m;
                for (int j = 0; j < i; j++) {
                    out[base + i * d + j] = first ? 0.0 : 1.0 / (2 * c);
                }
            }
        }
        return Tensor.of(out, Broadcasting.concat(batchShape(), new int[] {d, d}));
    }

    /**
     * {@code H = -log c - Σ_{k=1}^{d-1} (β_k - 1)(ψ(β_k) - ψ(c))}: {@code E[log L_ii] = ½ E[log w]
     * = ½ (ψ(β_k) - ψ(c))} for {@code w ~ Beta(β_k, k/2)}, and the exponent of {@code L_ii} is
     * {@code 2β_k - 2}.
     */
    @Override
    public Var entropy() {
        double[] offsets = new double[d - 1];
        for (int k = 1; k < d; k++) {
            offsets[k - 1] = (d - 1 - k) / 2.0;
        }
        Var eta = concentration.reshape(Broadcasting.concat(concentration.shape(), new int[] {1}));
        Var beta = eta.add(Tensor.of(offsets));
        Var c = eta.add((d - 1) / 2.0);
        Var expectedLogW = beta.apply(ElementwiseFunction.DIGAMMA).sub(c.apply(ElementwiseFunction.DIGAMMA));
        return logNormalizer().neg().sub(beta.sub(1.0).mul(expectedLogW).sum(-1));
    }
}
