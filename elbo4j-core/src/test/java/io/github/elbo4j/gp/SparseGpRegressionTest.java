package io.github.elbo4j.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The collapsed Titsias bound and the uncollapsed SVGP ELBO against the exact GP. Three identities
 * carry the checks: (1) with {@code Z = X} and no jitter, {@code Q_ff = K_ff}, so the collapsed
 * bound is the exact log marginal likelihood and the sparse predictions are the exact ones; (2) the
 * uncollapsed ELBO at the optimal Gaussian {@code q(v)} equals the collapsed bound (Titsias's bound
 * is the uncollapsed one maximized over {@code q}); (3) with fewer inducing points the bound is
 * strictly below {@code log p(y)}, its gap being {@code KL(q || posterior)} plus the trace term.
 */
class SparseGpRegressionTest {

    static Tensor[] data(int n, long seed) {
        RandomStream rng = RandomStream.of(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -3 + 6.0 * i / (n - 1) + 0.05 * rng.nextGaussian();
            y[i] = Math.sin(1.5 * x[i]) + 0.2 * rng.nextGaussian();
        }
        return new Tensor[] {Tensor.of(x, n, 1), Tensor.of(y)};
    }

    @Test
    void withInducingPointsAtTheDataTheBoundIsTheExactLogMarginalLikelihood() {
        Tensor[] d = data(40, 3);
        Kernel k = Matern.fiveHalves(1.2, 0.8);
        ExactGp exact = ExactGp.fit(k, 0.05, d[0], d[1]);
        SparseGpRegression sparse = SparseGpRegression.fit(k, 0.05, d[0], d[0], d[1], 0.0);
        assertThat(sparse.elbo()).isCloseTo(exact.logMarginalLikelihood(), within(1e-8));
        Tensor xs = Tensor.linspace(-4, 4, 17).reshape(17, 1);
        GpPrediction e = exact.predict(xs);
        GpPrediction s = sparse.predict(xs);
        for (int i = 0; i < 17; i++) {
            assertThat(s.mean().toArray()[i]).isCloseTo(e.mean().toArray()[i], within(1e-8));
            assertThat(s.latentVariance().toArray()[i]).isCloseTo(e.latentVariance().toArray()[i], within(1e-8));
        }
        // the SVGP at the optimal whitened q(v) predicts the same and its ELBO is the same bound
        SvgpFit svgp = SvgpFit.of(k, GaussianLikelihood.of(0.05), d[0], sparse.whitenedMean(),
                sparse.whitenedScaleTril(), 0.0);
        assertThat(svgp.elbo(d[0], d[1])).isCloseTo(exact.logMarginalLikelihood(), within(1e-8));
        GpPrediction v = svgp.predict(xs);
        for (int i = 0; i < 17; i++) {
            assertThat(v.mean().toArray()[i]).isCloseTo(e.mean().toArray()[i], within(1e-8));
            assertThat(v.latentVariance().toArray()[i]).isCloseTo(e.latentVariance().toArray()[i], within(1e-8));
            assertThat(v.variance().toArray()[i]).isCloseTo(e.variance().toArray()[i], within(1e-8));
        }
    }

    @Test
    void withFewerInducingPointsTheUncollapsedOptimumIsTheCollapsedBoundBelowTheEvidence() {
        Tensor[] d = data(60, 5);
        Kernel k = SquaredExponential.of(1.0, 0.7);
        Tensor z = Tensor.linspace(-3, 3, 7).reshape(7, 1);
        double lml = ExactGp.fit(k, 0.04, d[0], d[1]).logMarginalLikelihood();
        SparseGpRegression sparse = SparseGpRegression.fit(k, 0.04, z, d[0], d[1], 1e-8);
        assertThat(sparse.elbo()).isLessThan(lml - 1e-3);
        SvgpFit atOptimum = SvgpFit.of(k, GaussianLikelihood.of(0.04), z, sparse.whitenedMean(),
                sparse.whitenedScaleTril(), 1e-8);
        assertThat(atOptimum.elbo(d[0], d[1])).isCloseTo(sparse.elbo(), within(1e-8));
        // any other q(v) is worse
        SvgpFit shifted = SvgpFit.of(k, GaussianLikelihood.of(0.04), z, sparse.whitenedMean().add(0.01),
                sparse.whitenedScaleTril(), 1e-8);
        assertThat(shifted.elbo(d[0], d[1])).isLessThan(sparse.elbo());
    }

    @Test
    void boundGradientInHyperparametersNoiseAndInducingInputsMatchesFiniteDifferences() {
        Tensor[] d = data(15, 7);
        Kernel k = SquaredExponential.of(0.9, 0.6);
        Tensor z = Tensor.of(new double[] {-2.0, -0.5, 0.7, 2.1}, 4, 1);
        GradientChecker.Result r = GradientChecker.check(
                v -> SparseGpRegression.bound(k, v[0], v[1], v[2], d[0], d[1], 1e-8),
                k.parameters(), Tensor.scalar(0.08), z);
        assertThat(r.maxError()).as(r.toString()).isLessThan(1e-6);
    }
}
