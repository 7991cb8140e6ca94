package io.github.elbo4j.bench.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.LinearResponse;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import org.junit.jupiter.api.Test;

/**
 * Linear-response sds ({@link Fit#linearResponse()}) of default mean-field fits (seed 1) against the
 * committed rstan NUTS references of two hierarchical posteriors
 * ({@code elbo4j-bench/src/main/resources/posteriors/<name>/reference.json}, made by
 * {@code posteriors/make_references.R}). The measure is the mean over the latent coordinates of
 * {@code |log(sd / sd_NUTS)|}, the mean-field sds mapped to constrained space by the same delta
 * method, so that the two differ only by the covariance. Measured (bench/accuracy's fits):
 * hier_logreg 0.195 for mean field, 0.051 for LRVB ({@code sigma_alpha}: NUTS 0.258, mean field 0.123,
 * LRVB 0.200); eight schools non-centered 0.078 and 0.039 ({@code tau}: NUTS 3.19, mean field 1.77,
 * LRVB 2.34). The NUTS sds carry Monte Carlo errors of about 1-2% (their ESS), far below the gaps
 * asserted here; a correction that did not use the off-diagonal Hessian (mean field itself) or
 * that took the wrong block would fail.
 */
class LinearResponseAccuracyTest {

    private static LinearResponseCheck check(String name) {
        ReferencePosterior p = ReferencePosteriors.named(name);
        Fit fit = Svi.builder(p.model()).guide(AutoGuide.meanField()).seed(1).build().run();
        return LinearResponseCheck.of(p, fit, "meanfield").orElseThrow();
    }

    @Test
    void hierarchicalLogisticRegressionSdsComeCloserToNuts() {
        LinearResponseCheck c = check("hier_logreg");
        assertThat(c.failure()).isEmpty();
        assertThat(c.meanFieldMeanAbsLogRatio()).isGreaterThan(0.15);
        assertThat(c.meanAbsLogRatio()).isLessThan(0.5 * c.meanFieldMeanAbsLogRatio());
        assertThat(c.minSdRatio()).isGreaterThan(0.7);
        assertThat(c.maxSdRatio()).isLessThan(1.1);
    }

    @Test
    void eightSchoolsSdsComeCloserToNutsAndTauMost() {
        ReferencePosterior p = ReferencePosteriors.named(EightSchools.NONCENTERED);
        Fit fit = Svi.builder(p.model()).guide(AutoGuide.meanField()).seed(1).build().run();
        LinearResponseCheck c = LinearResponseCheck.of(p, fit, "meanfield").orElseThrow();
        assertThat(c.meanAbsLogRatio()).isLessThan(0.75 * c.meanFieldMeanAbsLogRatio());
        LinearResponse.Row tau = fit.linearResponse().row("tau");
        double nuts = p.reference().parameter("tau").orElseThrow().sd();
        assertThat(tau.meanFieldSd() / nuts).isLessThan(0.6);
        assertThat(tau.sd() / nuts).isGreaterThan(0.7);
    }
}
