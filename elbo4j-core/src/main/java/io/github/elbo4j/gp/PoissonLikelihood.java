package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.math.LogSpace;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;

/**
 * Counts {@code y ~ Poisson(e^f)} (log link). The expected log-likelihood is closed form because
 * {@code E_{N(μ, v)}[e^f] = e^{μ + v/2}} (the lognormal mean):
 * {@code E[y f - e^f - log y!] = y μ - e^{μ + v/2} - log Γ(y + 1)}. The predictive mean and variance
 * of {@code y} follow by total expectation and variance: {@code E y = e^{μ + v/2}},
 * {@code Var y = E y + (e^v - 1) e^{2μ + v}}; the predictive density
 * {@code log ∫ Poisson(y | e^f) N(f | μ, v) df} by Gauss-Hermite quadrature, summed in log space.
 */
public final class PoissonLikelihood implements Likelihood {

    private final GaussHermite rule;

    private PoissonLikelihood(GaussHermite rule) {
        this.rule = rule;
    }

    /** The Poisson likelihood with a 40-point Gauss-Hermite rule for the predictive density. */
    public static PoissonLikelihood of() {
        return new PoissonLikelihood(GaussHermite.of(40));
    }

    @Override
    public int parameterCount() {
        return 0;
    }

    @Override
    public Tensor parameters() {
        return Tensor.zeros(0);
    }

    @Override
    public List<String> parameterNames() {
        return List.of();
    }

    @Override
    public PoissonLikelihood withParameters(Tensor u) {
        Hyperparameters.checkReplacement("PoissonLikelihood", u, 0, List.of());
        return this;
    }

    @Override
    public Var expectedLogLikelihood(Var u, Var mean, Var variance, Tensor y) {
        Tensor logFactorial = y.add(1).map(SpecialFunctions::lgamma);
        return mean.mul(y).sub(mean.add(variance.mul(0.5)).exp()).sub(logFactorial);
    }

    @Override
    public Tensor logPredictiveDensity(Tensor mean, Tensor variance, Tensor y) {
        double[] m = mean.toArray();
        double[] v = variance.toArray();
        double[] t = y.toArray();
        double[] out = new double[m.length];
        double[] w = rule.weights();
        double[] nodes = rule.nodes();
        double[] terms = new double[w.length];
        for (int i = 0; i < m.length; i++) {
            double logFactorial = SpecialFunctions.lgamma(t[i] + 1);
            for (int q = 0; q < w.length; q++) {
                double f = m[i] + Math.sqrt(2 * v[i]) * nodes[q];
                terms[q] = Math.log(w[q] / Math.sqrt(Math.PI)) + t[i] * f - Math.exp(f) - logFactorial;
            }
            out[i] = LogSpace.logSumExp(terms);
        }
        return Tensor.of(out);
    }

    @Override
    public GpPrediction predict(Tensor mean, Tensor variance) {
        Tensor rate = mean.add(variance.mul(0.5)).exp();
        Tensor extra = variance.map(Math::expm1).mul(mean.mul(2).add(variance).exp());
        return new GpPrediction(mean, variance, rate, rate.add(extra));
    }

    @Override
    public void checkTargets(Tensor y) {
        double[] v = y.toArray();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0) || v[i] != Math.rint(v[i]) || Double.isInfinite(v[i])) {
                throw new IllegalArgumentException("PoissonLikelihood target y[" + i
                        + "] must be a non-negative integer count, got " + v[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "PoissonLikelihood(log link)";
    }
}
