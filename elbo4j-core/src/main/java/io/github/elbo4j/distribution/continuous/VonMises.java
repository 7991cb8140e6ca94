package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.DifferentiableSpecialFunctions;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.math.BesselI;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The von Mises distribution on the circle, with mean direction {@code μ} and concentration
 * {@code κ}, {@code p(x) = exp(κ cos(x - μ)) / (2π I_0(κ))} on {@code [-π, π]} (Mardia &amp; Jupp,
 * Directional Statistics, 2000, eq. 3.5.17; {@code scipy.stats.vonmises(kappa=κ, loc=μ)}, whose
 * support is shifted with {@code loc} while this one stays {@code [-π, π]}, as NumPyro's).
 *
 * <p>{@code log I_0(κ)} and {@code A(κ) = I_1(κ)/I_0(κ)} come from {@link BesselI} (relative error
 * below 1.1e-15). Moments are circular: {@link #mean} is {@code μ} and {@link #variance} is the
 * circular variance {@code 1 - A(κ) = 1 - E[cos(X - μ)]} (Mardia &amp; Jupp eq. 3.5.21), as in
 * PyTorch and NumPyro; neither is the linear moment of the draws. Draws come from Best &amp;
 * Fisher's wrapped-Cauchy rejection sampler; there is no reparameterized sampler, cdf or icdf.
 */
public final class VonMises implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("VonMises")
            .and("loc", ParameterRule.FINITE)
            .and("concentration", ParameterRule.POSITIVE);

    private static final double LOG_TWO_PI = 1.8378770664093453;

    private final Var loc;
    private final Var concentration;
    private final int[] batchShape;

    private VonMises(Var loc, Var concentration) {
        PARAMETERS.check("loc", loc.value());
        PARAMETERS.check("concentration", concentration.value());
        this.loc = loc;
        this.concentration = concentration;
        this.batchShape = Broadcasting.shape(loc.shape(), concentration.shape());
    }

    /** {@code VonMises(loc, concentration)} with differentiable parameters. */
    public static VonMises of(Var loc, Var concentration) {
        return new VonMises(loc, concentration);
    }

    /** {@code VonMises(loc, concentration)} with a differentiable loc and a data concentration. */
    public static VonMises of(Var loc, double concentration) {
        return of(loc, Var.constant(concentration));
    }

    /** {@code VonMises(loc, concentration)} with a data loc and a differentiable concentration. */
    public static VonMises of(double loc, Var concentration) {
        return of(Var.constant(loc), concentration);
    }

    /** {@code VonMises(loc, concentration)} with data parameters (broadcast against each other). */
    public static VonMises of(Tensor loc, Tensor concentration) {
        return new VonMises(Var.constant(loc), Var.constant(concentration));
    }

    /** A scalar {@code VonMises(loc, concentration)}. */
    public static VonMises of(double loc, double concentration) {
        return of(Tensor.scalar(loc), Tensor.scalar(concentration));
    }

    /** The mean direction {@code μ}. */
    public Var loc() {
        return loc;
    }

    /** The concentration {@code κ}. */
    public Var concentration() {
        return concentration;
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
        return new Constraint.Interval(-Math.PI, Math.PI);
    }

    /** {@code log p(x) = κ cos(x - μ) - log 2π - log I_0(κ)} on {@code [-π, π]}. */
    @Override
    public Var logProb(Var value) {
        Tensor inside = support().check(value.value());
        Var x = SupportMask.interior(value, inside, 0.0);
        Var lp = x.sub(loc).apply(ElementwiseFunction.COS).mul(concentration)
                .sub(DifferentiableSpecialFunctions.logBesselI0(concentration)).sub(LOG_TWO_PI);
        return SupportMask.apply(lp, inside.broadcastTo(lp.shape()));
    }

    /**
     * Best &amp; Fisher's sampler (Applied Statistics 28(2), 1979, 152–157): propose from a wrapped
     * Cauchy with {@code r = (1 + √(1 + 4κ²)) / 2κ}, accept by their squeeze and log test, and
     * wrap {@code μ ± arccos f} into {@code [-π, π)}. Written without cancellation for large
     * {@code κ}: {@code r - 1 = (1 + 1/(√(1+4κ²) + 2κ)) / 2κ}, {@code r + z = (r - 1) + (1 + z)},
     * {@code 1 - f = (r - 1)(1 - z)/(r + z)}, {@code c = κ (r - 1)(r + 1)/(r + z)} and
     * {@code arccos f = 2 asin √((1 - f)/2)}, with {@code 1 ± cos πu} as {@code 2cos²(πu/2)},
     * {@code 2sin²(πu/2)}. Not reparameterized.
     */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        double[] mu = loc.value().broadcastTo(batchShape).toArray();
        double[] kappa = concentration.value().broadcastTo(batchShape).toArray();
        int batch = mu.length;
        double[] out = new double[Broadcasting.size(shape)];
        UniformRandomProvider provider = rng.provider();
        for (int i = 0; i < out.length; i++) {
            out[i] = draw(mu[i % batch], kappa[i % batch], provider);
        }
        return Tensor.of(out, shape);
    }

    private static double draw(double mu, double kappa, UniformRandomProvider rng) {
        double s = Math.sqrt(1.0 + 4.0 * kappa * kappa);
        double rMinusOne = (1.0 + 1.0 / (s + 2.0 * kappa)) / (2.0 * kappa);
        double rPlusOne = rMinusOne + 2.0;
        double oneMinusF;
        while (true) {
            double half = 0.5 * Math.PI * rng.nextDouble();
            double cos = Math.cos(half);
            double sin = Math.sin(half);
            double onePlusZ = 2.0 * cos * cos;
            double oneMinusZ = 2.0 * sin * sin;
            double rPlusZ = rMinusOne + onePlusZ;
            double c = kappa * rMinusOne * rPlusOne / rPlusZ;
            double u2 = rng.nextDouble();
            if (c * (2.0 - c) - u2 > 0 || Math.log(c / u2) + 1.0 - c >= 0) {
                oneMinusF = rMinusOne * oneMinusZ / rPlusZ;
                break;
            }
        }
        double angle = 2.0 * Math.asin(Math.sqrt(0.5 * oneMinusF));
        double theta = rng.nextDouble() < 0.5 ? mu - angle : mu + angle;
        return theta - 2.0 * Math.PI * Math.floor((theta + Math.PI) / (2.0 * Math.PI));
    }

    @Override
    public VonMises expand(int... shape) {
        return new VonMises(loc.broadcastTo(shape), concentration.broadcastTo(shape));
    }

    /** The mean direction {@code μ} (circular mean). */
    @Override
    public Tensor mean() {
        return loc.value().broadcastTo(batchShape);
    }

    /** The circular variance {@code 1 - I_1(κ)/I_0(κ)}. */
    @Override
    public Tensor variance() {
        return concentration.value().map(BesselI::ratio).rsub(1.0).broadcastTo(batchShape);
    }

    /** {@code H = log(2π I_0(κ)) - κ I_1(κ)/I_0(κ)} (Mardia &amp; Jupp, sec. 3.5.4). */
    @Override
    public Var entropy() {
        Var k = concentration;
        return DifferentiableSpecialFunctions.logBesselI0(k).sub(k.mul(DifferentiableSpecialFunctions.besselRatio(k))).add(LOG_TWO_PI).broadcastTo(batchShape);
    }

    /** Not available: the von Mises cdf has no closed form (it is a Bessel series). */
    @Override
    public Tensor cdf(Tensor x) {
        throw new UnsupportedOperationException("VonMises has no cdf: it has no closed form and elbo4j does not "
                + "implement its series; use sample() and count");
    }

    /** Not available (see {@link #cdf}). */
    @Override
    public Tensor icdf(Tensor p) {
        throw new UnsupportedOperationException("VonMises has no icdf: its cdf has no closed form");
    }
}
