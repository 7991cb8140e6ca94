package io.github.elbo4j.distribution.multivariate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.MatrixParameterChecks;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/**
 * The Wishart distribution {@code W_d(ν, Σ)} on symmetric positive-definite {@code d×d}
 * matrices, with {@code ν > d - 1} degrees of freedom and scale {@code Σ = L Lᵀ}:
 * <pre>
 *   p(X) = det(X)^{(ν-d-1)/2} exp(-tr(Σ⁻¹ X)/2) / (2^{νd/2} det(Σ)^{ν/2} Γ_d(ν/2)),
 *   Γ_d(a) = π^{d(d-1)/4} Π_{j=0}^{d-1} Γ(a - j/2)
 * </pre>
 * (Bishop, PRML, eqs. 2.155 and B.78–B.82; Anderson, "An Introduction to Multivariate Statistical
 * Analysis", 3rd ed., 2003, sec. 7.2); event shape {@code [d, d]}, batch shape the broadcast of
 * {@code df} and the scale's batch axes. Stored as the Cholesky factor {@code L} of the scale.
 */
public final class Wishart implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Wishart")
            .and("df", ParameterRule.DEPENDENT)
            .and("scaleTril", ParameterRule.LOWER_CHOLESKY)
            .and("scale", ParameterRule.POSITIVE_DEFINITE);

    private static final String NAME = "Wishart";
    private static final double LOG_PI = Math.log(Math.PI);
    private static final double LOG_TWO = Math.log(2.0);

    private final Var df;
    private final Var scaleTril;
    private final int d;
    private final int[] batchShape;

    private Wishart(Var df, Var scaleTril) {
        this.d = scaleTril.shape()[scaleTril.shape().length - 1];
        PARAMETERS.checkDependent("df", df.value(), x -> x > d - 1 && x < Double.POSITIVE_INFINITY, "> dim - 1 = " + (d - 1));
        int[] ls = scaleTril.shape();
        this.df = df;
        this.scaleTril = scaleTril;
        this.batchShape = Broadcasting.shape(df.shape(), Arrays.copyOf(ls, ls.length - 2));
    }

    /** {@code W_d(df, L Lᵀ)} from the lower Cholesky factor {@code scaleTril} {@code [..., d, d]} of the scale. */
    public static Wishart ofScaleTril(Var df, Var scaleTril) {
        MatrixParameterChecks.square(NAME, "scaleTril", scaleTril.shape());
        PARAMETERS.check("scaleTril", scaleTril.value());
        return new Wishart(df, scaleTril);
    }

    /** {@code W_d(df, L Lᵀ)} with data parameters. */
    public static Wishart ofScaleTril(double df, Tensor scaleTril) {
        return ofScaleTril(Var.constant(df), Var.constant(scaleTril));
    }

    /** {@code W_d(df, Σ)} from a symmetric positive-definite scale matrix {@code Σ}, factored as {@code L Lᵀ}. */
    public static Wishart ofScale(Var df, Var scale) {
        MatrixParameterChecks.square(NAME, "scale", scale.shape());
        PARAMETERS.check("scale", scale.value());
        return new Wishart(df, scale.cholesky());
    }

    /** {@code W_d(df, Σ)} with data parameters. */
    public static Wishart ofScale(double df, Tensor scale) {
        return ofScale(Var.constant(df), Var.constant(scale));
    }

    /** The degrees of freedom {@code ν}. */
    public Var df() {
        return df;
    }

    /** The Cholesky factor {@code L} of the scale matrix. */
    public Var scaleTril() {
        return scaleTril;
    }

    /** The scale matrix {@code Σ = L Lᵀ}. */
    public Var scale() {
        return scaleTril.matmul(scaleTril.transpose());
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return new int[] {d, d};
    }

    @Override
    public Constraint support() {
        return new Constraint.PositiveDefinite();
    }

    /**
     * {@code log p(X) = ((ν-d-1)/2) log det X - ½ ‖L⁻¹ L_X‖_F² - (νd/2) log 2 - (ν/2) log det Σ - log Γ_d(ν/2)}
     * with {@code X = L_X L_Xᵀ}, since {@code tr(Σ⁻¹ X) = tr(L⁻ᵀ L⁻¹ L_X L_Xᵀ) = ‖L⁻¹ L_X‖_F²}
     * (one triangular solve); {@code -∞} off the positive-definite cone (where the identity stands
     * in for {@code X}, so the Cholesky factorization never fails).
     */
    @Override
    public Var logProb(Var value) {
        MatrixParameterChecks.square(NAME, "value", value.shape());
        if (value.shape()[value.shape().length - 1] != d) {
            throw new IllegalArgumentException(NAME + " value must have shape [..., " + d + ", " + d + "], got "
                    + Arrays.toString(value.shape()));
        }
        Tensor inside = support().check(value.value());
        Var x = value;
        if (inside.min().item() != 1.0) {
            x = Var.where(inside.unsqueeze(-1).unsqueeze(-1), value, Var.constant(Tensor.eye(d)));
        }
        Var xTril = x.cholesky();
        Var trace = scaleTril.triangularSolve(xTril, true, false).square().sum(-1, -2);
        Var lp = df.sub(d + 1).mul(0.5).mul(xTril.logDetFromCholesky())
                .sub(trace.mul(0.5))
                .sub(df.mul(0.5 * d * LOG_TWO))
                .sub(df.mul(0.5).mul(scaleTril.logDetFromCholesky()))
                .sub(logMultivariateGamma(df.mul(0.5)));
        return SupportMask.apply(lp, support(), value);
    }

    /** {@code log Γ_d(a) = (d(d-1)/4) log π + Σ_{j=0}^{d-1} log Γ(a - j/2)} (Anderson 2003, thm. 7.2.1). */
    private Var logMultivariateGamma(Var a) {
        return column(a).sub(halfSteps()).lgamma().sum(-1).add(d * (d - 1) / 4.0 * LOG_PI);
    }

    /** {@code ψ_d(a) = Σ_{j=0}^{d-1} ψ(a - j/2)}, the derivative of {@link #logMultivariateGamma}. */
    private Var multivariateDigamma(Var a) {
        return column(a).sub(halfSteps()).apply(ElementwiseFunction.DIGAMMA).sum(-1);
    }

    private Tensor halfSteps() {
        double[] j = new double[d];
        for (int i = 0; i < d; i++) {
            j[i] = i / 2.0;
        }
        return Tensor.of(j);
    }

    private static Var column(Var a) {
        return a.reshape(Broadcasting.concat(a.shape(), new int[] {1}));
    }

    /**
     * Bartlett's decomposition (Bartlett 1933; Smith &amp; Hocking, Applied Statistics 21(3),
     * 1972, algorithm AS 53): {@code X = (L A)(L A)ᵀ} with {@code A} lower triangular,
     * {@code A_ii² ~ χ²(ν - i)} ({@code i = 0, …, d-1}) and {@code A_ij ~ N(0, 1)} below the
     * diagonal, all independent. {@code χ²(k) = Gamma(k/2, scale 2)} from Commons RNG.
     */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        int cells = Broadcasting.size(batchShape);
        int draws = Broadcasting.size(sampleShape);
        double[] nu = df.value().broadcastTo(batchShape).toArray();
        double[] a = new double[draws * cells * d * d];
        for (int b = 0; b < cells; b++) {
            for (int i = 0; i < d; i++) {
                SharedStateContinuousSampler chiSquare = AhrensDieterMarsagliaTsangGammaSampler.of(rng.provider(), (nu[b] - i) / 2, 2.0);
                for (int s = 0; s < draws; s++) {
                    a[(s * cells + b) * d * d + i * d + i] = Math.sqrt(chiSquare.sample());
                }
            }
        }
        for (int m = 0; m < draws * cells; m++) {
            for (int i = 1; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    a[m * d * d + i * d + j] = rng.nextGaussian();
                }
            }
        }
        int[] shape = Broadcasting.concat(Broadcasting.concat(sampleShape, batchShape), new int[] {d, d});
        Tensor la = scaleTril.value().matmul(Tensor.of(a, shape));
        Tensor x = la.matmul(la.transpose());
        return x.add(x.transpose()).mul(0.5);
    }

    @Override
    public Wishart expand(int... shape) {
        return new Wishart(df.broadcastTo(shape), scaleTril.broadcastTo(Broadcasting.concat(shape, new int[] {d, d})));
    }

    /** {@code E[X] = ν Σ}. */
    @Override
    public Tensor mean() {
        return scale().value().mul(df.value().unsqueeze(-1).unsqueeze(-1)).broadcastTo(Broadcasting.concat(batchShape, new int[] {d, d}));
    }

    /** {@code Var[X_ij] = ν (Σ_ij² + Σ_ii Σ_jj)} (Anderson 2003, sec. 7.3; Muirhead 1982, thm. 3.2.8). */
    @Override
    public Tensor variance() {
        Tensor s = scale().value();
        Tensor diag = s.mul(Tensor.eye(d)).sum(-1);
        Tensor outer = diag.unsqueeze(-1).mul(diag.unsqueeze(-2));
        return s.square().add(outer).mul(df.value().unsqueeze(-1).unsqueeze(-1)).broadcastTo(Broadcasting.concat(batchShape, new int[] {d, d}));
    }

    /**
     * {@code H = ((d+1)/2) log det Σ + (d(d+1)/2) log 2 + log Γ_d(ν/2) - ((ν-d-1)/2) ψ_d(ν/2) + νd/2}
     * (Bishop, PRML, eq. B.82).
     */
    @Override
    public Var entropy() {
        Var half = df.mul(0.5);
        return scaleTril.logDetFromCholesky().mul((d + 1) / 2.0)
                .add(d * (d + 1) / 2.0 * LOG_TWO)
                .add(logMultivariateGamma(half))
                .sub(df.sub(d + 1).mul(0.5).mul(multivariateDigamma(half)))
                .add(df.mul(d / 2.0))
                .broadcastTo(batchShape);
    }
}
