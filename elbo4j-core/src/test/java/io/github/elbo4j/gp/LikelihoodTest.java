package io.github.elbo4j.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.math.LogSpace;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.tensor.Tensor;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each likelihood's expectations under {@code N(μ, v)} against a dense trapezoid integral over
 * {@code μ ± 12√v} with 200,001 points (independent of Gauss-Hermite; its error is far below the
 * tolerances, the integrands being smooth and the tails beyond 12 sd below 1e-30), and the
 * gradients of the expected log-likelihoods against central differences.
 */
class LikelihoodTest {

    private static final double[] MEANS = {-1.3, 0.2, 2.5};
    private static final double[] VARIANCES = {0.05, 0.8, 2.0};

    /** {@code ∫ g(f) N(f | μ, v) df} by the trapezoid rule. */
    static double gaussianIntegral(double mu, double v, DoubleUnaryOperator g) {
        int n = 200_001;
        double sd = Math.sqrt(v);
        double h = 24 * sd / (n - 1);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double f = mu - 12 * sd + i * h;
            double w = (i == 0 || i == n - 1) ? 0.5 : 1;
            sum += w * g.applyAsDouble(f) * Math.exp(-0.5 * (f - mu) * (f - mu) / v);
        }
        return sum * h / Math.sqrt(2 * Math.PI * v);
    }

    private static double expected(Likelihood lik, double mu, double v, double y) {
        return lik.expectedLogLikelihood(Var.constant(lik.parameters()), Var.constant(Tensor.of(mu)),
                Var.constant(Tensor.of(v)), Tensor.of(y)).value().item();
    }

    @Test
    void expectedLogLikelihoodsMatchADenseIntegral() {
        GaussianLikelihood gauss = GaussianLikelihood.of(0.3);
        BernoulliLikelihood probit = BernoulliLikelihood.of(BernoulliLikelihood.Link.PROBIT);
        BernoulliLikelihood logit = BernoulliLikelihood.of(BernoulliLikelihood.Link.LOGIT);
        PoissonLikelihood poisson = PoissonLikelihood.of();
        for (double mu : MEANS) {
            for (double v : VARIANCES) {
                double y = 0.7;
                assertThat(expected(gauss, mu, v, y)).isCloseTo(gaussianIntegral(mu, v,
                        f -> -0.5 * Math.log(2 * Math.PI * 0.3) - (y - f) * (y - f) / 0.6), within(1e-9));
                for (double label : new double[] {0, 1}) {
                    double s = 2 * label - 1;
                    // 20-point Gauss-Hermite on log Φ and log σ: smooth integrands, error well below 1e-6
                    assertThat(expected(probit, mu, v, label)).isCloseTo(
                            gaussianIntegral(mu, v, f -> NormalCdf.logCdf(s * f)), within(1e-6));
                    assertThat(expected(logit, mu, v, label)).isCloseTo(
                            gaussianIntegral(mu, v, f -> LogSpace.logSigmoid(s * f)), within(1e-6));
                    double p = Math.exp(probit.logPredictiveDensity(Tensor.of(mu), Tensor.of(v), Tensor.of(label))
                            .item());
                    assertThat(p).isCloseTo(gaussianIntegral(mu, v, f -> Math.exp(NormalCdf.logCdf(s * f))),
                            within(1e-9));
                    double q = Math.exp(logit.logPredictiveDensity(Tensor.of(mu), Tensor.of(v), Tensor.of(label))
                            .item());
                    assertThat(q).isCloseTo(gaussianIntegral(mu, v, f -> LogSpace.sigmoid(s * f)), within(1e-7));
                }
                for (double count : new double[] {0, 3, 11}) {
                    double lf = SpecialFunctions.lgamma(count + 1);
                    assertThat(expected(poisson, mu, v, count)).isCloseTo(
                            gaussianIntegral(mu, v, f -> count * f - Math.exp(f) - lf), within(1e-8));
                    double density = Math.exp(poisson.logPredictiveDensity(Tensor.of(mu), Tensor.of(v),
                            Tensor.of(count)).item());
                    // adaptive Gauss-Hermite (40 points): within 1e-5 nats over these (mu, v, y); see PoissonLikelihood
                    double reference = gaussianIntegral(mu, v, f -> Math.exp(count * f - Math.exp(f) - lf));
                    assertThat(Math.log(density)).isCloseTo(Math.log(reference), within(1e-5));
                }
                GpPrediction pp = poisson.predict(Tensor.of(mu), Tensor.of(v));
                double m1 = gaussianIntegral(mu, v, Math::exp);
                double m2 = gaussianIntegral(mu, v, f -> Math.exp(f) + Math.exp(2 * f));
                assertThat(pp.mean().item()).isCloseTo(m1, within(1e-8 * m1));
                assertThat(pp.variance().item()).isCloseTo(m2 - m1 * m1, within(1e-7 * m2));
            }
        }
    }

    @Test
    void expectedLogLikelihoodGradientsMatchFiniteDifferences() {
        Tensor mean = Tensor.of(MEANS);
        Tensor var = Tensor.of(VARIANCES);
        Likelihood[] all = {GaussianLikelihood.of(0.4), BernoulliLikelihood.of(BernoulliLikelihood.Link.PROBIT),
            BernoulliLikelihood.of(BernoulliLikelihood.Link.LOGIT), PoissonLikelihood.of()};
        Tensor[] targets = {Tensor.of(0.3, -1.0, 2.0), Tensor.of(1, 0, 1), Tensor.of(0, 0, 1), Tensor.of(0, 4, 9)};
        for (int i = 0; i < all.length; i++) {
            Likelihood lik = all[i];
            Tensor y = targets[i];
            GradientChecker.Result r = GradientChecker.check(
                    v -> lik.expectedLogLikelihood(Var.constant(lik.parameters()), v[0], v[1], y), mean, var);
            assertThat(r.maxError()).as(lik + " " + r).isLessThan(1e-7);
        }
        GaussianLikelihood g = GaussianLikelihood.of(0.4);
        GradientChecker.Result r = GradientChecker.check(v -> g.expectedLogLikelihood(v[0], Var.constant(mean),
                Var.constant(var), targets[0]), g.parameters());
        assertThat(r.maxError()).as(r.toString()).isLessThan(1e-8);
    }

    @Test
    void targetsOutsideTheSupportAreRejectedWithTheirIndex() {
        assertThatThrownBy(() -> BernoulliLikelihood.of(BernoulliLikelihood.Link.LOGIT).checkTargets(Tensor.of(0, 1, 2)))
                .hasMessage("BernoulliLikelihood target y[2] must be 0 or 1, got 2.0");
        assertThatThrownBy(() -> PoissonLikelihood.of().checkTargets(Tensor.of(0, 1.5)))
                .hasMessage("PoissonLikelihood target y[1] must be a non-negative integer count, got 1.5");
        assertThatThrownBy(() -> GaussianLikelihood.of(-1)).hasMessage(
                "GaussianLikelihood noise variance must be finite and > 0, got -1.0");
    }
}
