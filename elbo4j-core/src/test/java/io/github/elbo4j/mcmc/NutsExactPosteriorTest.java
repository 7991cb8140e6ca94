package io.github.elbo4j.mcmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Binomial;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * NUTS reaches exact posteriors. Tolerances from the chains' own Monte Carlo error, 4 standard
 * errors: a mean within {@code 4 · MCSE} (MCSE from the split-chain ESS), an sd within
 * {@code 4 · sd / sqrt(2 · ESS)} (for Gaussian draws {@code Var(ŝ) ≈ σ²/(2n)}; {@code n} replaced by
 * the smaller of the bulk and tail ESS, the draws being correlated). Fixed seeds.
 */
class NutsExactPosteriorTest {

    /** Bayesian linear regression with known noise: {@code β ~ N(0, τ² I)}, {@code y ~ N(Xβ, σ²)}, two correlated predictors. */
    private static final double TAU = 2;
    private static final double SIGMA = 0.5;
    private static final double[][] X = {{1, 0.9}, {1, 1.1}, {1, 2.0}, {1, 2.2}, {1, 3.1}, {1, 2.9}, {1, 4.0}, {1, 4.2}};
    private static final double[] Y = {1.2, 1.5, 2.1, 2.6, 3.0, 2.8, 3.9, 4.3};

    static Model regression() {
        Var xt = Var.constant(Tensor.of(X).transpose());
        return m -> {
            Var beta = m.sample("beta", Normal.of(Tensor.zeros(2), Tensor.full(TAU, 2)).toEvent(1));
            Var mean = beta.reshape(-1, 2).matmul(xt);
            m.plate("rows", Y.length, p -> m.observe("y", Normal.of(mean, Var.constant(Tensor.scalar(SIGMA))), Tensor.of(Y)));
        };
    }

    /** The exact posterior {@code N(m, S)}: {@code S = (XᵀX/σ² + I/τ²)⁻¹}, {@code m = S Xᵀy/σ²}; returns {m0, m1, S00, S11}. */
    static double[] exactRegressionPosterior() {
        double a = 1 / (TAU * TAU);
        double b = 0;
        double d = 1 / (TAU * TAU);
        double r0 = 0;
        double r1 = 0;
        for (int i = 0; i < Y.length; i++) {
            a += X[i][0] * X[i][0] / (SIGMA * SIGMA);
            b += X[i][0] * X[i][1] / (SIGMA * SIGMA);
            d += X[i][1] * X[i][1] / (SIGMA * SIGMA);
            r0 += X[i][0] * Y[i] / (SIGMA * SIGMA);
            r1 += X[i][1] * Y[i] / (SIGMA * SIGMA);
        }
        double det = a * d - b * b;
        double s00 = d / det;
        double s11 = a / det;
        double s01 = -b / det;
        return new double[] {s00 * r0 + s01 * r1, s01 * r0 + s11 * r1, s00, s11};
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void theConjugateGaussianRegressionPosteriorIsReachedWithEitherMetric(Metric metric) {
        Samples s = Nuts.of(regression()).chains(4).warmup(500).draws(500).metric(metric).seed(11).run();
        double[] exact = exactRegressionPosterior();
        List<ParameterSummary> rows = s.summary();
        for (int j = 0; j < 2; j++) {
            ParameterSummary r = rows.get(j);
            assertThat(r.mean()).as(r.name()).isCloseTo(exact[j], offset(4 * r.mcseMean()));
            double sd = Math.sqrt(exact[2 + j]);
            assertThat(r.sd()).as(r.name()).isCloseTo(sd, offset(4 * sd / Math.sqrt(2 * Math.min(r.essBulk(), r.essTail()))));
            // 1.02, not 1.01: the diagonal metric's bulk ESS is ~300 here (the predictors are correlated,
            // corr(beta0, beta1) = -0.96), where R-hat's own spread is ~0.005
            assertThat(r.rhat()).as(r.name()).isLessThan(1.02);
        }
        assertThat(s.divergences()).isZero();
        // the adapted metric learns the posterior variances (regularized: n/(n+5) weight, 10% slack for the estimate)
        double[] learned = s.chainStats().get(0).inverseMetricDiagonal();
        assertThat(learned[0]).isCloseTo(exact[2], offset(0.3 * exact[2]));
        assertThat(learned[1]).isCloseTo(exact[3], offset(0.3 * exact[3]));
    }

    @Test
    void theBetaBinomialPosteriorIsReachedInConstrainedSpace() {
        // p ~ Beta(2, 3), 7 successes in 20: p | k ~ Beta(9, 16), mean 9/25, sd sqrt(9·16/(25²·26))
        Model model = m -> {
            Var p = m.sample("p", Beta.of(2, 3));
            m.observe("k", Binomial.ofProbs(Tensor.scalar(20), p), Tensor.scalar(7));
        };
        Samples s = Nuts.of(model).chains(4).warmup(500).draws(1000).seed(5).run();
        ParameterSummary r = s.summary().get(0);
        double mean = 9.0 / 25;
        double sd = Math.sqrt(9.0 * 16 / (25.0 * 25 * 26));
        assertThat(r.mean()).isCloseTo(mean, offset(4 * r.mcseMean()));
        assertThat(r.sd()).isCloseTo(sd, offset(4 * sd / Math.sqrt(2 * Math.min(r.essBulk(), r.essTail()))));
        // the draws are probabilities (the sigmoid was applied), not logits
        double[] p = s.draws("p").toArray();
        assertThat(java.util.Arrays.stream(p).min().orElseThrow()).isGreaterThan(0.0);
        assertThat(java.util.Arrays.stream(p).max().orElseThrow()).isLessThan(1.0);
        assertThat(s.draws("p").shape()).containsExactly(4000);
        // the 5% quantile of Beta(9, 16) is 0.21157 (scipy.stats.beta.ppf(0.05, 9, 16)); tolerance ~4 MCSE of a tail quantile
        assertThat(r.q05()).isCloseTo(0.211566, offset(0.012));
    }
}
