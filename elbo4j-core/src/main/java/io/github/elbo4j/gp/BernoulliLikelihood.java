package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.math.LogSpace;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;

/**
 * Binary classification {@code p(y = 1 | f) = Λ(f)} with a probit ({@code Λ = Φ}) or logit
 * ({@code Λ = σ}) link; targets {@code y ∈ {0, 1}}, written {@code s = 2y - 1} so
 * {@code log p(y | f) = log Λ(s f)} (both links are odd about 1/2). The expected log-likelihood
 * {@code E_{N(μ, v)}[log Λ(s f)]} has no closed form and is taken by Gauss-Hermite quadrature
 * ({@link GaussHermite}; Hensman, Matthews &amp; Ghahramani, AISTATS 2015, §3). The predictive
 * probability is closed form for the probit, {@code E[Φ(f)] = Φ(μ / √(1 + v))} (Rasmussen &amp;
 * Williams 2006, eq. 3.82), and by quadrature for the logit.
 */
public final class BernoulliLikelihood implements Likelihood {

    /** The link from the latent {@code f} to the probability of {@code y = 1}. */
    public enum Link {
        /** {@code Φ(f)}, the standard normal cdf. */
        PROBIT,
        /** {@code σ(f) = 1 / (1 + e^{-f})}. */
        LOGIT
    }

    private final Link link;
    private final GaussHermite rule;

    private BernoulliLikelihood(Link link, GaussHermite rule) {
        this.link = link;
        this.rule = rule;
    }

    /** The likelihood with {@code link} and a 20-point Gauss-Hermite rule (GPflow's default). */
    public static BernoulliLikelihood of(Link link) {
        return of(link, 20);
    }

    /**
     * The likelihood with {@code link} and a Gauss-Hermite rule of order {@code order}.
     *
     * @throws IllegalArgumentException if {@code order} is not in {@code [1, 200]}
     */
    public static BernoulliLikelihood of(Link link, int order) {
        return new BernoulliLikelihood(link, GaussHermite.of(order));
    }

    /** The link. */
    public Link link() {
        return link;
    }

    @Override
    public BernoulliLikelihood withParameters(Tensor u) {
        Hyperparameters.checkReplacement("BernoulliLikelihood", u, 0, List.of());
        return this;
    }

    @Override
    public Var expectedLogLikelihood(Var u, Var mean, Var variance, Tensor y) {
        int n = y.size();
        Tensor sign = y.mul(2).sub(1).reshape(n, 1);
        Var points = rule.points(mean, variance).mul(sign);
        Var logP = link == Link.PROBIT ? NormalCdf.logCdf(points) : points.logSigmoid();
        return rule.expectation(logP);
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
            double s = 2 * t[i] - 1;
            if (link == Link.PROBIT) {
                out[i] = NormalCdf.logCdf(s * m[i] / Math.sqrt(1 + v[i]));
            } else {
                for (int q = 0; q < w.length; q++) {
                    double f = m[i] + Math.sqrt(2 * v[i]) * nodes[q];
                    terms[q] = Math.log(w[q] / Math.sqrt(Math.PI)) + LogSpace.logSigmoid(s * f);
                }
                out[i] = LogSpace.logSumExp(terms);
            }
        }
        return Tensor.of(out);
    }

    @Override
    public GpPrediction predict(Tensor mean, Tensor variance) {
        Tensor p = logPredictiveDensity(mean, variance, Tensor.ones(mean.size())).exp();
        return new GpPrediction(mean, variance, p, p.mul(p.rsub(1)));
    }

    @Override
    public void checkTargets(Tensor y) {
        double[] v = y.toArray();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0 && v[i] != 1) {
                throw new IllegalArgumentException("BernoulliLikelihood target y[" + i + "] must be 0 or 1, got " + v[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "BernoulliLikelihood(" + link.name().toLowerCase(java.util.Locale.ROOT) + ", " + rule.order()
                + " Gauss-Hermite points)";
    }
}
