package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;

/**
 * {@code y = f + ε}, {@code ε ~ N(0, σ²)}, with the noise variance {@code σ² = softplus(u)}
 * learnable. The expected log-likelihood is closed form,
 * {@code E[log N(y | f, σ²)] = -½ log(2πσ²) - ((y - μ)² + v) / (2σ²)} (Hensman, Fusi &amp; Lawrence,
 * UAI 2013, eq. 5 per point), and so is the predictive {@code N(y | μ, v + σ²)}.
 */
public final class GaussianLikelihood implements Likelihood {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
    private static final List<String> NAMES = List.of("noise variance");

    private final Tensor u;

    private GaussianLikelihood(Tensor u) {
        this.u = u;
    }

    /**
     * Gaussian noise of variance {@code noiseVariance}.
     *
     * @throws IllegalArgumentException if {@code noiseVariance} is not finite and {@code > 0}
     */
    public static GaussianLikelihood of(double noiseVariance) {
        Positive.check("GaussianLikelihood noise variance", noiseVariance);
        return new GaussianLikelihood(Tensor.of(Positive.unconstrain(noiseVariance)));
    }

    /** The noise variance {@code σ²}. */
    public double noiseVariance() {
        return Positive.constrain(u.toArray()[0]);
    }

    @Override
    public Tensor parameters() {
        return u;
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public GaussianLikelihood withParameters(Tensor u) {
        return new GaussianLikelihood(Hyperparameters.checkReplacement("GaussianLikelihood", u, 1, NAMES));
    }

    @Override
    public Var expectedLogLikelihood(Var u, Var mean, Var variance, Tensor y) {
        Var s2 = Positive.constrain(u);
        Var sq = mean.neg().add(y).square().add(variance);
        return sq.div(s2).mul(-0.5).sub(s2.log().mul(0.5)).sub(0.5 * LOG_TWO_PI);
    }

    @Override
    public Tensor logPredictiveDensity(Tensor mean, Tensor variance, Tensor y) {
        return logNormal(y, mean, variance.add(noiseVariance()));
    }

    @Override
    public GpPrediction predict(Tensor mean, Tensor variance) {
        return new GpPrediction(mean, variance, mean, variance.add(noiseVariance()));
    }

    @Override
    public void checkTargets(Tensor y) {
        double[] v = y.toArray();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("GaussianLikelihood target y[" + i + "] must be finite, got " + v[i]);
            }
        }
    }

    /** {@code log N(y | m, s2)} element-wise. */
    static Tensor logNormal(Tensor y, Tensor m, Tensor s2) {
        return y.sub(m).square().div(s2).add(s2.log()).add(LOG_TWO_PI).mul(-0.5);
    }

    @Override
    public String toString() {
        return "GaussianLikelihood(noise variance=" + (float) noiseVariance() + ")";
    }
}
