package io.github.elbo4j.cavi.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.infer.FactorPosterior;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.StopReason;
import io.github.elbo4j.infer.Verdict;
import org.junit.jupiter.api.Test;

/**
 * {@link GaussianMixtureResult#toFit()}. What each test catches: a fit that claims a PSIS check
 * (or hides why there is none), a weight factor that is not {@code q(π)} (concentrations
 * permuted, sticks' {@code a} and {@code b} swapped), and a trace that is not the kept restart's
 * exact ELBO.
 */
class GaussianMixtureToFitTest {

    private static final GmmTestData DATA = GmmTestData.threeClusters(300, 4);

    @Test
    void theDirichletWeightFactorHasTheResultsMeanWeights() {
        GaussianMixtureResult r = GaussianMixtureVI.builder().components(3).weightPrior(WeightPrior.dirichlet(0.5))
                .threads(1).seed(2).build().fit(DATA.x);
        Fit fit = r.toFit();
        assertThat(r.converged()).isTrue();
        assertUncheckedWithTheReason(fit);
        FactorPosterior q = (FactorPosterior) fit.posterior();
        assertThat(q.latentNames()).containsExactly("weights");
        assertThat(q.factors().get("weights").distribution().mean().toArray()).containsExactly(r.weights().toArray(), within(1e-15));
        assertThat(fit.parameter("weightConcentration")).isEqualTo(r.weightConcentration());
        assertThat(fit.parameter("means")).isEqualTo(r.means());
        assertThat(fit.elboTrace()).isEqualTo(new ElboTrace(r.elboTrace().values(), ElboTrace.Kind.EXACT));
        assertThat(fit.elboTrace().largestRelativeDecrease()).isLessThan(1e-12);
        assertThat(fit.stopReason()).isEqualTo(StopReason.CONVERGED);
    }

    /**
     * The stick breaks {@code v_k ~ Beta(a_k, b_k)} are independent under q, so
     * {@code E[π_k] = E[v_k] Π_{j<k} (1 - E[v_j])}: the factor's means give the result's weights.
     */
    @Test
    void theStickBreakingFactorGivesTheResultsMeanWeights() {
        GaussianMixtureResult r = GaussianMixtureVI.builder().components(5).weightPrior(WeightPrior.dirichletProcess(1.0))
                .threads(1).seed(2).build().fit(DATA.x);
        Fit fit = r.toFit();
        assertUncheckedWithTheReason(fit);
        FactorPosterior q = (FactorPosterior) fit.posterior();
        assertThat(q.latentNames()).containsExactly("sticks");
        double[] v = q.factors().get("sticks").distribution().mean().toArray();
        assertThat(v).hasSize(4);
        double[] weights = new double[5];
        double rest = 1;
        for (int k = 0; k < 4; k++) {
            weights[k] = v[k] * rest;
            rest *= 1 - v[k];
        }
        weights[4] = rest;
        assertThat(weights).containsExactly(r.weights().toArray(), within(1e-15));
    }

    @Test
    void oneComponentHasNoWeightFactor() {
        GaussianMixtureResult r = GaussianMixtureVI.builder().components(1).threads(1).build().fit(DATA.x);
        Fit fit = r.toFit();
        assertThat(fit.posterior().latentNames()).isEmpty();
        assertThat(fit.summary()).isEmpty();
    }

    private static void assertUncheckedWithTheReason(Fit fit) {
        assertThat(fit.paretoK()).isEmpty();
        assertThat(fit.verdict().level()).isEqualTo(Verdict.Level.UNCHECKED);
        assertThat(fit.verdict().reasons()).containsExactly("not checked by importance sampling: " + GaussianMixtureResult.NOT_CHECKED);
        assertThat(GaussianMixtureResult.NOT_CHECKED).contains("discrete assignments")
                .contains("exact ELBO per sweep (never decreasing)").contains("held-out log predictive density");
    }
}
