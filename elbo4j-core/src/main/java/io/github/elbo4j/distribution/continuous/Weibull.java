package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.BroadcastMap;
import io.github.elbo4j.distribution.kernel.DifferentiableSpecialFunctions;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The Weibull distribution with scale {@code λ} and shape (concentration) {@code k},
 * {@code p(x) = (k/λ) (x/λ)^{k-1} exp(-(x/λ)^k)} on {@code x >= 0} (Johnson, Kotz &amp;
 * Balakrishnan vol. 1, eq. 21.3; {@code scipy.stats.weibull_min(c=k, scale=λ)}).
 */
public final class Weibull implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Weibull")
            .and("scale", ParameterRule.POSITIVE)
            .and("concentration", ParameterRule.POSITIVE);

    private final Var scale;
    private final Var concentration;
    private final int[] batchShape;

    private Weibull(Var scale, Var concentration) {
        PARAMETERS.check("scale", scale.value());
        PARAMETERS.check("concentration", concentration.value());
        this.scale = scale;
        this.concentration = concentration;
        this.batchShape = Broadcasting.shape(scale.shape(), concentration.shape());
    }

    /** {@code Weibull(scale, concentration)} with differentiable parameters. */
    public static Weibull of(Var scale, Var concentration) {
        return new Weibull(scale, concentration);
    }

    /** {@code Weibull(scale, concentration)} with a differentiable scale and a data concentration. */
    public static Weibull of(Var scale, double concentration) {
        return of(scale, Var.constant(concentration));
    }

    /** {@code Weibull(scale, concentration)} with a data scale and a differentiable concentration. */
    public static Weibull of(double scale, Var concentration) {
        return of(Var.constant(scale), concentration);
    }

    /** {@code Weibull(scale, concentration)} with data parameters (broadcast against each other). */
    public static Weibull of(Tensor scale, Tensor concentration) {
        return new Weibull(Var.constant(scale), Var.constant(concentration));
    }

    /** A scalar {@code Weibull(scale, concentration)}. */
    public static Weibull of(double scale, double concentration) {
        return of(Tensor.scalar(scale), Tensor.scalar(concentration));
    }

    /** The scale {@code λ}. */
    public Var scale() {
        return scale;
    }

    /** The shape {@code k}. */
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
        return new Constraint.NonNegative();
    }

    /**
     * {@code log p(x) = log k - log λ + (k - 1) log(x/λ) - (x/λ)^k} for {@code x >= 0}, with
     * {@code 0 · log 0 = 0} at {@code x = 0} when {@code k = 1}.
     */
    @Override
    public Var logProb(Var value) {
        Tensor inside = support().check(value.value());
        Var y = SupportMask.interior(value, inside, 1.0).div(scale);
        Var k = concentration;
        Var lp = k.log().sub(scale.log()).add(DifferentiableSpecialFunctions.xlogy(k.sub(1.0), y)).sub(y.pow(k));
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

    /**
     * {@code x = λ e^{(log E)/k}} with {@code E ~ Exponential(1)} (Commons RNG ziggurat): the
     * inverse cdf {@code λ (-log(1 - u))^{1/k}}, differentiable in both parameters.
     */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        ZigguratSampler.Exponential sampler = ZigguratSampler.Exponential.of(rng.provider());
        double[] logE = new double[Broadcasting.size(shape)];
        for (int i = 0; i < logE.length; i++) {
            logE[i] = Math.log(sampler.sample());
        }
        return scale.mul(Var.constant(Tensor.of(logE, shape)).div(concentration).exp());
    }

    @Override
    public Weibull expand(int... shape) {
        return new Weibull(scale.broadcastTo(shape), concentration.broadcastTo(shape));
    }

    /** {@code λ Γ(1 + 1/k)}. */
    @Override
    public Tensor mean() {
        return scale.value().mul(gammaOnePlus(concentration.value().rdiv(1.0))).broadcastTo(batchShape);
    }

    /**
     * {@code λ² [Γ(1 + 2/k) - Γ(1 + 1/k)²]} (as scipy): the two terms cancel to about
     * {@code π²/(6k²)}, so the relative error grows like {@code 1e-16 k²} for large {@code k}.
     */
    @Override
    public Tensor variance() {
        Tensor inv = concentration.value().rdiv(1.0);
        Tensor g1 = gammaOnePlus(inv);
        return scale.value().square().mul(gammaOnePlus(inv.mul(2.0)).sub(g1.square())).broadcastTo(batchShape);
    }

    /** {@code H = γ (1 - 1/k) + log(λ/k) + 1}, {@code γ} the Euler–Mascheroni constant. */
    @Override
    public Var entropy() {
        Var k = concentration;
        return k.rdiv(1.0).rsub(1.0).mul(Gumbel.EULER_GAMMA).add(scale.log()).sub(k.log()).add(1.0).broadcastTo(batchShape);
    }

    /** {@code 1 - exp(-(x/λ)^k) = -expm1(-(x/λ)^k)} for {@code x >= 0}, 0 below. */
    @Override
    public Tensor cdf(Tensor x) {
        return BroadcastMap.of(x.div(scale.value()), concentration.value(),
                (y, k) -> y < 0 ? 0.0 : -Math.expm1(-Math.pow(y, k)));
    }

    /** {@code λ (-log1p(-p))^{1/k}}. */
    @Override
    public Tensor icdf(Tensor p) {
        return BroadcastMap.of(p, concentration.value(), (q, k) -> Math.pow(-Math.log1p(-q), 1.0 / k)).mul(scale.value());
    }

    private static Tensor gammaOnePlus(Tensor x) {
        return x.map(v -> Math.exp(SpecialFunctions.lgamma(1.0 + v)));
    }
}
