package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.HalfCauchy;
import io.github.elbo4j.distribution.Normal;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The eight-schools model of DESIGN.md (non-centered), end to end: constrained latents (tau > 0
 * through exp), a plate, a full-rank guide. Reference: the posterior mean of mu under NUTS is
 * about 4.4 with sd about 3.3 (Gelman et al., BDA3, sec. 5.5; Stan's case study); VI should land
 * within half a posterior sd of it.
 */
class EightSchoolsTest {

    static final Model EIGHT_SCHOOLS = m -> {
        double[] y = {28, 8, -3, 7, -1, 1, 18, 12};
        double[] sigma = {15, 10, 16, 11, 9, 11, 10, 18};
        Var mu = m.sample("mu", Normal.of(0, 5));
        Var tau = m.sample("tau", HalfCauchy.of(5));
        m.plate("schools", 8, p -> {
            Var eta = m.sample("eta", Normal.of(0, 1).expand(8));
            Var theta = mu.add(tau.mul(eta));
            m.observe("y", Normal.of(theta, Var.constant(Tensor.of(sigma))), Tensor.of(y));
        });
    };

    @Test
    void fullRankAdviLandsNearTheNutsPosteriorMeanOfMu() {
        Fit fit = Svi.of(EIGHT_SCHOOLS).guide(AutoGuide.fullRank()).optimizer(Adam.lr(0.02))
                .numParticles(8).maxSteps(4000).seed(42).run();
        SiteSummary mu = fit.summary().stream().filter(s -> s.name().equals("mu")).findFirst().orElseThrow();
        assertThat(mu.mean()).isCloseTo(4.4, org.assertj.core.data.Offset.offset(1.65));
        assertThat(mu.sd()).isBetween(1.5, 5.0);
        SiteSummary tau = fit.summary().stream().filter(s -> s.name().equals("tau")).findFirst().orElseThrow();
        assertThat(tau.q05()).isGreaterThan(0);
    }
}
