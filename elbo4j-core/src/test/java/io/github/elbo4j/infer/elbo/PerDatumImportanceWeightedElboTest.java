package io.github.elbo4j.infer.elbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The per-datum importance-weighted bound on {@code z_i ~ N(0, 1), x_i | z_i ~ N(z_i, 1)}, where
 * {@code log p(x_i) = log N(x_i; 0, 2)}: with the exact posterior {@code N(x_i / 2, 1/2)} as guide
 * every weight equals {@code p(x_i)}, so the bound is exact for any number of particles.
 */
class PerDatumImportanceWeightedElboTest {

    private static final int N = 6;
    private static final Tensor X = Tensor.of(-1.5, -0.2, 0.4, 0.9, 1.7, 2.6);

    private static Model model(int batch) {
        return m -> m.plate("data", N, batch, p -> {
            Var z = m.sample("z", Normal.of(0, 1));
            m.observe("x", Normal.of(z, 1.0), p.subsample(X));
        });
    }

    private static Model guide(int batch, double a, double s) {
        return m -> m.plate("data", N, batch, p -> {
            Var av = m.param("a", Tensor.scalar(a));
            Var sv = m.param("s", Tensor.scalar(s), new Constraint.Positive());
            m.sample("z", Normal.of(av.mul(p.subsample(X)), sv));
        });
    }

    private static double estimate(Model model, Model guide, ElboEstimator e, int particles, long seed) {
        Svi svi = Svi.builder(model).guide(guide).elbo(e).numParticles(particles).optimizer(Adam.lr(1e-9)).seed(seed)
                .convergence(Convergence.none()).maxSteps(1).diagnosticDraws(0).build();
        return svi.update(svi.init()).elbo();
    }

    private static double logEvidence() {
        double total = 0;
        for (double x : X.toArray()) {
            total += -0.5 * Math.log(4 * Math.PI) - x * x / 4;
        }
        return total;
    }

    @Test
    void theExactPosteriorGivesTheEvidenceWithAndWithoutSubsampling() {
        double full = estimate(model(N), guide(N, 0.5, Math.sqrt(0.5)), ElboEstimator.importanceWeighted("data"), 7, 1);
        assertThat(full).isCloseTo(logEvidence(), Offset.offset(1e-10));
    }

    @Test
    void perDatumWeightsGiveATighterBoundThanWeightingTheWholeRun() {
        // a poor guide: the joint bound (one weight per run, all data together) stays near the ELBO,
        // the per-datum bound climbs towards log p(x); both averaged over 200 seeds
        int particles = 20;
        double perDatum = 0;
        double joint = 0;
        for (int seed = 0; seed < 200; seed++) {
            perDatum += estimate(model(N), guide(N, 0.1, 1.5), ElboEstimator.importanceWeighted("data"), particles, seed) / 200;
            joint += estimate(model(N), guide(N, 0.1, 1.5), ElboEstimator.importanceWeighted(), particles, seed) / 200;
        }
        assertThat(perDatum).isGreaterThan(joint + 0.5).isLessThan(logEvidence());
    }

    @Test
    void aSiteOutsideTheDataPlateIsRefusedNamingIt() {
        Model withGlobal = m -> {
            Var mu = m.sample("mu", Normal.of(0, 1));
            m.plate("data", N, N, p -> m.observe("x", Normal.of(mu, 1.0), X));
        };
        Model guide = m -> m.sample("mu", Normal.of(m.param("loc", Tensor.scalar(0.0)), 1.0));
        assertThatThrownBy(() -> estimate(withGlobal, guide, ElboEstimator.importanceWeighted("data"), 3, 0))
                .hasMessageContaining("site 'mu'").hasMessageContaining("plate 'data'");
    }
}
