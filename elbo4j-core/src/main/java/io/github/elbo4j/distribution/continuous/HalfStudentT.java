package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.BroadcastMap;
import io.github.elbo4j.distribution.kernel.DifferentiableSpecialFunctions;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.QuantileSearch;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * The half-Student-t distribution: {@code |T|} for {@code T ~ StudentT(ν, 0, σ)}, with density
 * {@code p(x) = 2 / (σ √ν B(ν/2, 1/2)) · (1 + z²/ν)^{-(ν+1)/2}}, {@code z = x/σ}, on
 * {@code x >= 0} (the folded t: Psarakis &amp; Panaretos, Commun. Statist. Theory Meth. 19(2),
 * 1990; a weakly informative prior for scales, Gelman, Bayesian Analysis 1(3), 2006, sec. 5).
 * {@code ν = 1} is the {@link HalfCauchy}, {@code ν → ∞} the {@link HalfNormal}.
 *
 * <p>Draws are {@code |T|} with {@code T} drawn by {@link StudentT#rsample} (its Gamma part is
 * implicitly reparameterized), so {@code ν} and {@code σ} get gradients.
 */
public final class HalfStudentT implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("HalfStudentT")
            .and("df", ParameterRule.POSITIVE)
            .and("scale", ParameterRule.POSITIVE);

    private static final double LOG_TWO = 0.6931471805599453;

    private final Var df;
    private final Var scale;
    private final int[] batchShape;

    private HalfStudentT(Var df, Var scale) {
        PARAMETERS.check("df", df.value());
        PARAMETERS.check("scale", scale.value());
        this.df = df;
        this.scale = scale;
        this.batchShape = Broadcasting.shape(df.shape(), scale.shape());
    }

    /** {@code HalfStudentT(df, scale)} with differentiable parameters. */
    public static HalfStudentT of(Var df, Var scale) {
        return new HalfStudentT(df, scale);
    }

    /** {@code HalfStudentT(df, scale)} with data degrees of freedom and a differentiable scale. */
    public static HalfStudentT of(double df, Var scale) {
        return new HalfStudentT(Var.constant(df), scale);
    }

    /** {@code HalfStudentT(df, scale)} with differentiable degrees of freedom and a data scale. */
    public static HalfStudentT of(Var df, double scale) {
        return new HalfStudentT(df, Var.constant(scale));
    }

    /** {@code HalfStudentT(df, scale)} with data parameters (broadcast against each other). */
    public static HalfStudentT of(Tensor df, Tensor scale) {
        return new HalfStudentT(Var.constant(df), Var.constant(scale));
    }

    /** A scalar {@code HalfStudentT(df, scale)}. */
    public static HalfStudentT of(double df, double scale) {
        return of(Tensor.scalar(df), Tensor.scalar(scale));
    }

    /** The degrees of freedom {@code ν}. */
    public Var df() {
        return df;
    }

    /** The scale {@code σ}. */
    public Var scale() {
        return scale;
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return new int[0];
    }

    @Override
    public Constraint support() {
        return new Constraint.NonNegative();
    }

    /**
     * {@code log p(x) = log 2 - log(ν)/2 - log B(ν/2, 1/2) - log σ - (ν+1)/2 log1p(z²/ν)} for
     * {@code x >= 0}: {@link StudentT}'s log-density at {@code x} plus {@code log 2}.
     */
    @Override
    public Var logProb(Var value) {
        Tensor inside = support().check(value.value());
        Var x = SupportMask.interior(value, inside, 1.0);
        Var z = x.div(scale);
        Var halfDf = df.mul(0.5);
        Var lp = z.square().div(df).log1p().mul(halfDf.add(0.5)).neg()
                .sub(df.log().mul(0.5))
                .sub(DifferentiableSpecialFunctions.logBeta(halfDf, Var.constant(0.5)))
                .sub(scale.log()).add(LOG_TWO);
        return SupportMask.apply(lp, inside.broadcastTo(lp.shape()));
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /** {@code |t|} with {@code t} a reparameterized draw of {@code StudentT(ν, 0, σ)}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        Var t = StudentT.of(df, Var.constant(Tensor.zeros(batchShape)), scale).rsample(rng, sampleShape);
        return t.apply(io.github.elbo4j.tensor.ElementwiseFunction.ABS);
    }

    @Override
    public HalfStudentT expand(int... shape) {
        return new HalfStudentT(df.broadcastTo(shape), scale.broadcastTo(shape));
    }

    /**
     * {@code E X = 2σ √ν / ((ν - 1) B(ν/2, 1/2))} for {@code ν > 1} (Psarakis &amp; Panaretos
     * 1990, eq. 2.3 at location 0), {@code +∞} otherwise.
     */
    @Override
    public Tensor mean() {
        return BroadcastMap.of(df.value(), scale.value(), HalfStudentT::standardMeanTimesScale).broadcastTo(batchShape);
    }

    /**
     * {@code Var X = σ² ν / (ν - 2) - (E X)²} for {@code ν > 2} ({@code E X² = E T²}); {@code +∞}
     * for {@code 1 < ν <= 2}; NaN for {@code ν <= 1}, where the mean is infinite (as
     * {@link StudentT}, following scipy).
     */
    @Override
    public Tensor variance() {
        return BroadcastMap.of(df.value(), scale.value(), (v, s) -> {
            if (v > 2) {
                double m = standardMeanTimesScale(v, s);
                return s * s * v / (v - 2) - m * m;
            }
            return v > 1 ? Double.POSITIVE_INFINITY : Double.NaN;
        }).broadcastTo(batchShape);
    }

    private static double standardMeanTimesScale(double v, double s) {
        if (!(v > 1)) {
            return Double.POSITIVE_INFINITY;
        }
        return 2 * s * Math.exp(0.5 * Math.log(v) - Math.log(v - 1) - SpecialFunctions.logBeta(0.5 * v, 0.5));
    }

    /**
     * {@code H = H(StudentT(ν, 0, σ)) - log 2}: folding a density symmetric about 0 doubles it on
     * the half-line, {@code -∫_0^∞ 2p log(2p) = -∫ p log p - log 2}.
     */
    @Override
    public Var entropy() {
        return StudentT.of(df, Var.constant(Tensor.zeros(batchShape)), scale).entropy().sub(LOG_TWO);
    }

    /**
     * {@code F(x) = 2 F_T(x) - 1 = I_{z²/(ν+z²)}(1/2, ν/2)} for {@code x >= 0} (Abramowitz &amp;
     * Stegun 26.7.1), evaluated as {@code 1 - I_{ν/(ν+z²)}(ν/2, 1/2)} for {@code z² >= ν}; 0 below 0.
     */
    @Override
    public Tensor cdf(Tensor x) {
        return BroadcastMap.of(x.div(scale.value()), df.value(), HalfStudentT::standardCdf);
    }

    /**
     * The quantile {@code σ z} with {@code F(z) = p}, by {@link QuantileSearch} on {@code log z}
     * from {@code F_T⁻¹((1 + p)/2)} (written {@code -F_T⁻¹((1 - p)/2)}).
     */
    @Override
    public Tensor icdf(Tensor p) {
        return BroadcastMap.of(p, df.value(), HalfStudentT::standardQuantile).mul(scale.value());
    }

    static double standardCdf(double z, double v) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (z <= 0) {
            return 0.0;
        }
        double z2 = z * z;
        return z2 < v ? SpecialFunctions.regularizedBeta(z2 / (v + z2), 0.5, 0.5 * v)
                : 1.0 - SpecialFunctions.regularizedBeta(v / (v + z2), 0.5 * v, 0.5);
    }

    static double standardQuantile(double p, double v) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        if (p == 0) {
            return 0.0;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double start = -StudentT.standardQuantile(0.5 * (1 - p), v);
        double logNorm = LOG_TWO - 0.5 * Math.log(v) - SpecialFunctions.logBeta(0.5 * v, 0.5);
        double t = QuantileSearch.solve(s -> standardCdf(Math.exp(s), v) - p,
                s -> Math.exp(logNorm - 0.5 * (v + 1) * Math.log1p(Math.exp(2 * s) / v) + s),
                start > 0 ? Math.log(start) : Math.log(p), 1e-14, 1.0);
        return Math.exp(t);
    }
}
