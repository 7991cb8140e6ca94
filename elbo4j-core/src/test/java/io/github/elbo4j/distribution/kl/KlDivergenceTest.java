package io.github.elbo4j.distribution.kl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.distribution.Delta;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class KlDivergenceTest {

    @Test
    void klOfNormalToItselfIsZero() {
        Normal p = Normal.of(Tensor.of(0.3, -2), Tensor.of(1.7, 0.2));
        assertThat(KlDivergence.of(p, p).value().toArray()).containsExactly(0.0, 0.0);
    }

    @Test
    void normalKlMatchesScipyIntegration() {
        // Computed outside the project: scipy 1.17 integrate.quad(lambda x: p.pdf(x)*(p.logpdf(x)-q.logpdf(x)),
        // -inf, inf, epsabs=1e-14, epsrel=1e-14) with p = norm(0.3, 1.7), q = norm(-1, 0.8): 2.32435319762362
        // (quad's error estimate 2.8e-14).
        assertThat(KlDivergence.of(Normal.of(0.3, 1.7), Normal.of(-1, 0.8)).item()).isCloseTo(2.32435319762362, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void normalKlAgreesWithItsMonteCarloEstimateWithinFourStandardErrors() {
        Normal p = Normal.of(Tensor.of(0.3, 1), Tensor.of(1.7, 0.5));
        Normal q = Normal.of(Tensor.of(-1, 1.2), Tensor.of(0.8, 0.6));
        KlDivergence.Estimate mc = KlDivergence.monteCarlo(p, q, 200_000, RandomStream.of(7));
        double[] exact = KlDivergence.of(p, q).value().toArray();
        for (int i = 0; i < exact.length; i++) {
            assertThat(Math.abs(mc.value().toArray()[i] - exact[i])).isLessThan(4 * mc.standardError().toArray()[i]);
        }
    }

    @Test
    void monteCarloWorksWhenOnlyQIsBatched() {
        Normal p = Normal.of(0.3, 1.7);
        Normal q = Normal.of(Tensor.of(-1, 1.2, 0.3), Tensor.of(0.8, 0.6, 1.7));
        KlDivergence.Estimate mc = KlDivergence.monteCarlo(p, q, 200_000, RandomStream.of(11));
        double[] exact = KlDivergence.of(p.expand(3), q).value().toArray();
        assertThat(mc.value().shape()).containsExactly(3);
        for (int i = 0; i < exact.length; i++) {
            double se = mc.standardError().toArray()[i];
            assertThat(Math.abs(mc.value().toArray()[i] - exact[i])).isLessThanOrEqualTo(4 * se);
        }
        assertThat(mc.value().toArray()[2]).as("KL(p ‖ p) term by term").isEqualTo(0.0);
    }

    @Test
    void independentKlSumsOverTheEventAxes() {
        Normal p = Normal.of(Tensor.of(0.3, 1), Tensor.of(1.7, 0.5));
        Normal q = Normal.of(Tensor.of(-1, 1.2), Tensor.of(0.8, 0.6));
        double sum = KlDivergence.of(p, q).value().sum().item();
        assertThat(KlDivergence.of(p.toEvent(1), q.toEvent(1)).item()).isEqualTo(sum);
    }

    @Test
    void unregisteredPairsNameBothTypes() {
        Distribution delta = Delta.of(io.github.elbo4j.autodiff.Var.constant(1.0), 0);
        assertThatThrownBy(() -> KlDivergence.of(delta, Normal.of(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no closed-form KL(Delta ‖ Normal) is registered; use KlDivergence.monteCarlo");
    }
}
