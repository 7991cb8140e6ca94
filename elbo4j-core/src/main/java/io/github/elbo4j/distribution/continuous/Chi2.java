package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * The chi-squared distribution with {@code k} degrees of freedom (real {@code k > 0}): the
 * gamma distribution with concentration {@code k/2} and rate {@code 1/2},
 * {@code p(x) = x^{k/2-1} e^{-x/2} / (2^{k/2} Γ(k/2))} on {@code x >= 0} (Johnson, Kotz &amp;
 * Balakrishnan vol. 1, eq. 18.1; {@code scipy.stats.chi2(df=k)}). Every quantity but the moments
 * is the {@link Gamma}'s, including its implicitly reparameterized {@link #rsample}.
 */
public final class Chi2 implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Chi2")
            .and("df", ParameterRule.POSITIVE);

    private final Var df;
    private final Gamma gamma;

    private Chi2(Var df) {
        PARAMETERS.check("df", df.value());
        this.df = df;
        this.gamma = Gamma.of(df.mul(0.5), Var.constant(0.5));
    }

    /** {@code Chi2(df)} with differentiable degrees of freedom. */
    public static Chi2 of(Var df) {
        return new Chi2(df);
    }

    /** {@code Chi2(df)} with data degrees of freedom. */
    public static Chi2 of(Tensor df) {
        return new Chi2(Var.constant(df));
    }

    /** A scalar {@code Chi2(df)}. */
    public static Chi2 of(double df) {
        return of(Tensor.scalar(df));
    }

    /** The degrees of freedom {@code k}. */
    public Var df() {
        return df;
    }

    @Override
    public int[] batchShape() {
        return gamma.batchShape();
    }

    @Override
    public int[] eventShape() {
        return new int[0];
    }

    @Override
    public Constraint support() {
        return gamma.support();
    }

    /** {@code log p(x) = (k/2 - 1) log x - x/2 - (k/2) log 2 - log Γ(k/2)}, as {@link Gamma#logProb}. */
    @Override
    public Var logProb(Var value) {
        return gamma.logProb(value);
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return gamma.sample(rng, sampleShape);
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /** {@code x = 2g}, {@code g ~ Gamma(k/2, 1)} with implicit gradients in {@code k}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        return gamma.rsample(rng, sampleShape);
    }

    @Override
    public Chi2 expand(int... shape) {
        return new Chi2(df.broadcastTo(shape));
    }

    /** {@code k}. */
    @Override
    public Tensor mean() {
        return df.value();
    }

    /** {@code 2k}. */
    @Override
    public Tensor variance() {
        return df.value().mul(2.0);
    }

    /** {@code H = k/2 + log 2 + log Γ(k/2) + (1 - k/2) ψ(k/2)}, the {@link Gamma#entropy} at rate 1/2. */
    @Override
    public Var entropy() {
        return gamma.entropy();
    }

    /** {@code P(k/2, x/2)}. */
    @Override
    public Tensor cdf(Tensor x) {
        return gamma.cdf(x);
    }

    /** {@code 2 P⁻¹(k/2, p)}. */
    @Override
    public Tensor icdf(Tensor p) {
        return gamma.icdf(p);
    }
}
