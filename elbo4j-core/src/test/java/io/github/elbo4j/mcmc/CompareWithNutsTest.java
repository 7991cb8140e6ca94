package io.github.elbo4j.mcmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.SiteComparison;
import io.github.elbo4j.infer.SiteSummary;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code Fit.compareWith}: a VI fit against NUTS draws of the same model, and against draws with known moments. */
class CompareWithNutsTest {

    /** mu ~ N(0, 1), y_i ~ N(mu, 1), y = (0.5, 1.5, -0.2): mu | y ~ N(1.8/4, 1/4). */
    private static final Model NORMAL = m -> {
        Var mu = m.sample("mu", Normal.of(0, 1));
        m.observe("y", Normal.of(mu, Var.constant(Tensor.scalar(1))), Tensor.of(0.5, 1.5, -0.2));
    };

    @Test
    void aMeanFieldFitOfAGaussianPosteriorAgreesWithNuts() {
        Fit fit = Svi.builder(NORMAL).guide(AutoGuide.meanField()).seed(3).build().run();
        Samples nuts = Nuts.of(NORMAL).chains(2).warmup(300).draws(1000).seed(3).run();
        List<SiteComparison> rows = fit.compareWith(nuts.draws());
        assertThat(rows).hasSize(1);
        SiteComparison mu = rows.get(0);
        assertThat(mu.name()).isEqualTo("mu");
        assertThat(mu.referenceMean()).isEqualTo(nuts.summary().get(0).mean(), offset(1e-12));
        // the posterior is Gaussian, so mean field is exact: errors are Monte Carlo only
        // (NUTS: MCSE ~ 0.5/sqrt(2000) = 0.011 sd units; VI's 4000 draws: 0.016 sd units; 4 joint se = 0.08)
        assertThat(mu.meanErrorInSds()).isCloseTo(0, offset(0.08));
        // sd ratio: relative se of each sd ~ 1/sqrt(2n): sqrt(1/4000 + 1/8000 + 1/8000) ~ 0.022, 4 se ~ 0.09
        assertThat(mu.sdRatio()).isCloseTo(1, offset(0.09));
    }

    @Test
    void theNumbersAreTheDefinitionsAppliedToBothSummaries() {
        Fit fit = Svi.builder(NORMAL).guide(AutoGuide.meanField()).seed(3).build().run();
        // reference draws with known moments: mean 1, sd 2 (alternating 1 -/+ 2 sqrt((n-1)/n))
        int n = 1000;
        double[] r = new double[n];
        double h = 2 * Math.sqrt((n - 1.0) / n);
        for (int i = 0; i < n; i++) {
            r[i] = 1 + (i % 2 == 0 ? -h : h);
        }
        SiteComparison mu = fit.compareWith(Map.of("mu", Tensor.of(r))).get(0);
        SiteSummary q = fit.summary().get(0);
        assertThat(mu.referenceMean()).isCloseTo(1, offset(1e-12));
        assertThat(mu.referenceSd()).isCloseTo(2, offset(1e-12));
        assertThat(mu.mean()).isEqualTo(q.mean());
        assertThat(mu.meanErrorInSds()).isCloseTo((q.mean() - 1) / 2, offset(1e-12));
        assertThat(mu.sdRatio()).isCloseTo(q.sd() / 2, offset(1e-12));
    }

    @Test
    void missingOrMisshapenReferenceSitesAreRefused() {
        Fit fit = Svi.builder(NORMAL).guide(AutoGuide.meanField()).seed(3).build().run();
        assertThatThrownBy(() -> fit.compareWith(Map.of("nu", Tensor.of(1, 2, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference draws have no site 'mu'");
        assertThatThrownBy(() -> fit.compareWith(Map.of("mu", Tensor.zeros(10, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("have shape [10, 2], expected [n] + []");
    }
}
