package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.BroadcastMap;
import io.github.elbo4j.distribution.kernel.DifferentiableSpecialFunctions;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.QuantileSearch;
import io.github.elbo4j.distribution.kernel.StandardGammaDraws;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * Student's t distribution with {@code ν} degrees of freedom, location {@code μ} and scale
 * {@code σ}, {@code p(x) = Γ((ν+1)/2) / (Γ(ν/2) √(νπ) σ) · (1 + z²/ν)^{-(ν+1)/2}},
 * {@code z = (x - μ)/σ} (Bishop, PRML, eq. 2.159; {@code scipy.stats.t(df=ν, loc=μ, scale=σ)}).
 *
 * <p>{@link #rsample} is {@code x = μ + σ ε √(ν / V)} with {@code ε ~ N(0, 1)} and
 * {@code V = 2g ~ χ²(ν)}, {@code g ~ Gamma(ν/2, 1)} implicitly reparameterized
 * ({@link StandardGammaDraws}), so all three parameters get gradients.
 */
public final class StudentT implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("StudentT")
            .and("df", ParameterRule.POSITIVE)
            .and("loc", ParameterRule.FINITE)
            .and("scale", ParameterRule.POSITIVE);

    private static final double LOG_TWO = 0.6931471805599453;

    private final Var df;
    private final Var loc;
    private final Var scale;
    private final int[] batchShape;

    private StudentT(Var df, Var loc, Var scale) {
        PARAMETERS.check("df", df.value());
        PARAMETERS.check("loc", loc.value());
        PARAMETERS.check("scale", scale.value());
        this.df = df;
        this.loc = loc;
        this.scale = scale;
        this.batchShape = Broadcasting.shape(df.shape(), loc.shape(), scale.shape());
    }

    /** {@code StudentT(df, loc, scale)} with differentiable parameters. */
    public static StudentT of(Var df, Var loc, Var scale) {
        return new StudentT(df, loc, scale);
    }

    /** {@code StudentT(df, loc, scale)} with data degrees of freedom and a differentiable location and scale. */
    public static StudentT of(double df, Var loc, Var scale) {
        return of(Var.constant(df), loc, scale);
    }

    /** {@code StudentT(df, loc, scale)} with a differentiable location and data degrees of freedom and scale. */
    public static StudentT of(double df, Var loc, double scale) {
        return of(Var.constant(df), loc, Var.constant(scale));
    }

    /** {@code StudentT(df, loc, scale)} with a differentiable scale and data degrees of freedom and location. */
    public static StudentT of(double df, double loc, Var scale) {
        return of(Var.constant(df), Var.constant(loc), scale);
    }

    /** {@code StudentT(df, loc, scale)} with data parameters (broadcast against each other). */
    public static StudentT of(Tensor df, Tensor loc, Tensor scale) {
        return new StudentT(Var.constant(df), Var.constant(loc), Var.constant(scale));
    }

    /** A scalar {@code StudentT(df, loc, scale)}. */
    public static StudentT of(double df, double loc, double scale) {
        return of(Tensor.scalar(df), Tensor.scalar(loc), Tensor.scalar(scale));
    }

    /** The degrees of freedom {@code ν}. */
    public Var df() {
        return df;
    }

    /** The location {@code μ}. */
    public Var loc() {
        return loc;
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
        return new Constraint.Real();
    }

    /**
     * {@code log p(x) = -log(ν)/2 - log B(ν/2, 1/2) - log σ - (ν+1)/2 log1p(z²/ν)}, using
     * {@code Γ((ν+1)/2) / (Γ(ν/2) √π) = 1 / B(ν/2, 1/2)} so that no two large {@code log Γ} cancel.
     */
    @Override
    public Var logProb(Var value) {
        Var z = value.sub(loc).div(scale);
        Var halfDf = df.mul(0.5);
        return SupportMask.apply(z.square().div(df).log1p().mul(halfDf.add(0.5)).neg()
                .sub(df.log().mul(0.5))
                .sub(DifferentiableSpecialFunctions.logBeta(halfDf, Var.constant(0.5)))
                .sub(scale.log()), support(), value);
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /** {@code x = μ + σ ε exp((log ν - log 2 - log g)/2)}, {@code ε ~ N(0, 1)}, {@code g ~ Gamma(ν/2, 1)}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        double[] eps = new double[Broadcasting.size(shape)];
        rng.fillGaussian(eps);
        Var logG = StandardGammaDraws.logDraws(df.mul(0.5), batchShape, rng, sampleShape);
        Var radius = df.log().sub(logG).sub(LOG_TWO).mul(0.5).exp();
        return loc.add(scale.mul(radius.mul(Tensor.of(eps, shape))));
    }

    @Override
    public StudentT expand(int... shape) {
        return new StudentT(df.broadcastTo(shape), loc.broadcastTo(shape), scale.broadcastTo(shape));
    }

    /**
     * {@code μ} for {@code ν > 1}; undefined for {@code ν <= 1}, reported as {@code +∞} to agree
     * with {@code scipy.stats.t(ν).mean()} (PyTorch reports NaN; {@link Cauchy}, which scipy also
     * reports as NaN, keeps NaN).
     */
    @Override
    public Tensor mean() {
        return BroadcastMap.of(df.value(), loc.value(), (v, m) -> v > 1 ? m : Double.POSITIVE_INFINITY).broadcastTo(batchShape);
    }

    /** {@code σ² ν / (ν - 2)} for {@code ν > 2}; {@code +∞} for {@code 1 < ν <= 2}; NaN for {@code ν <= 1} (scipy). */
    @Override
    public Tensor variance() {
        return BroadcastMap.of(df.value(), scale.value(), (v, s) -> {
            if (v > 2) {
                return s * s * v / (v - 2);
            }
            return v > 1 ? Double.POSITIVE_INFINITY : Double.NaN;
        }).broadcastTo(batchShape);
    }

    /** {@code H = (ν+1)/2 [ψ((ν+1)/2) - ψ(ν/2)] + log(ν)/2 + log B(ν/2, 1/2) + log σ}. */
    @Override
    public Var entropy() {
        Var halfDf = df.mul(0.5);
        Var halfDfPlus = halfDf.add(0.5);
        Var digammaGap = halfDfPlus.apply(ElementwiseFunction.DIGAMMA).sub(halfDf.apply(ElementwiseFunction.DIGAMMA));
        return halfDfPlus.mul(digammaGap).add(df.log().mul(0.5))
                .add(DifferentiableSpecialFunctions.logBeta(halfDf, Var.constant(0.5)))
                .add(scale.log()).broadcastTo(batchShape);
    }

    /**
     * {@code F(t)} by the incomplete beta function (Abramowitz &amp; Stegun 26.7.1): the tail
     * {@code F(-|t|) = I_{ν/(ν+t²)}(ν/2, 1/2) / 2}, evaluated as
     * {@code (1 - I_{t²/(ν+t²)}(1/2, ν/2)) / 2} for {@code t² < ν} where that argument is the accurate one.
     */
    @Override
    public Tensor cdf(Tensor x) {
        return BroadcastMap.of(x.sub(loc.value()).div(scale.value()), df.value(), StudentT::standardCdf);
    }

    /**
     * The quantile: {@code μ + σ t} with {@code F(t) = p} by {@link QuantileSearch} on {@code t}
     * from the normal quantile, using {@code F⁻¹(p) = -F⁻¹(1 - p)} for {@code p > 1/2}.
     */
    @Override
    public Tensor icdf(Tensor p) {
        return BroadcastMap.of(p, df.value(), StudentT::standardQuantile).mul(scale.value()).add(loc.value());
    }

    static double standardCdf(double t, double v) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        double t2 = t * t;
        double tail = t2 < v
                ? 0.5 - 0.5 * SpecialFunctions.regularizedBeta(t2 / (v + t2), 0.5, 0.5 * v)
                : 0.5 * SpecialFunctions.regularizedBeta(v / (v + t2), 0.5 * v, 0.5);
        return t < 0 ? tail : 1.0 - tail;
    }

    static double standardQuantile(double p, double v) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        if (p == 0.5) {
            return 0.0;
        }
        if (p > 0.5) {
            return -standardQuantile(1.0 - p, v);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double logNorm = -0.5 * Math.log(v) - SpecialFunctions.logBeta(0.5 * v, 0.5);
        double z = -Math.sqrt(2.0) * SpecialFunctions.erfcinv(2.0 * p);
        return QuantileSearch.solve(t -> standardCdf(t, v) - p,
                t -> Math.exp(logNorm - 0.5 * (v + 1) * Math.log1p(t * t / v)), z, 1e-14, 0.0);
    }
}
