package io.github.elbo4j.amortized;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-datum bounds on the Gaussian model {@code z_i ~ N(0, 1), x_i | z_i ~ N(z_i, 1)}, where
 * {@code log p(x_i) = log N(x_i; 0, 2)} and, for a guide {@code q(z_i) = N(a x_i, s²)}, the ELBO is
 * in closed form: {@code -log 2π - (m² + s²)/2 - ((x - m)² + s²)/2 + log(2πe s²)/2} with {@code m = a x}.
 */
class PerDatumBoundsTest {

    private static final int N = 7;
    private static final Tensor X = Tensor.of(-2.0, -0.5, 0.0, 0.3, 1.1, 2.4, 3.0);

    private static Model model(int batch) {
        return m -> m.plate("data", N, batch, p -> {
            Var z = m.sample("z", Normal.of(0, 1));
            m.observe("x", Normal.of(z, 1.0), p.subsample(X));
        });
    }

    private static Model guide(int batch) {
        return m -> m.plate("data", N, batch, p -> {
            Var a = m.param("a", Tensor.scalar(0.0));
            Var s = m.param("s", Tensor.scalar(1.0), new io.github.elbo4j.transform.Constraint.Positive());
            m.sample("z", Normal.of(a.mul(p.subsample(X)), s));
        });
    }

    private static double logEvidence(double x) {
        return -0.5 * Math.log(2 * Math.PI * 2) - x * x / 4;
    }

    private static double exactElbo(double x, double a, double s) {
        double m = a * x;
        return -Math.log(2 * Math.PI) - (m * m + s * s) / 2 - ((x - m) * (x - m) + s * s) / 2 + 0.5 * Math.log(2 * Math.PI * Math.E * s * s);
    }

    @Test
    void theExactPosteriorAsGuideGivesTheEvidenceForEveryDatum() {
        // batch 3 does not divide 7: the last chunk wraps around, and every datum must still get its own value
        PerDatumBounds b = PerDatumBounds.of(model(3), guide(3), Map.of("a", Tensor.scalar(0.5), "s", Tensor.scalar(Math.sqrt(0.5))), "data");
        double[] elbo = b.elbo(3, RandomStream.of(1));
        double[] iw = b.importanceWeighted(5, RandomStream.of(2));
        for (int i = 0; i < N; i++) {
            double exact = logEvidence(X.toArray()[i]);
            assertThat(elbo[i]).as("datum %d", i).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(iw[i]).as("datum %d", i).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void aPoorGuideGivesTheClosedFormElboAndAnImportanceWeightedBoundBetweenItAndTheEvidence() {
        double a = 0.2;
        double s = 1.3;
        PerDatumBounds b = PerDatumBounds.of(model(7), guide(7), Map.of("a", Tensor.scalar(a), "s", Tensor.scalar(s)), "data");
        int draws = 4000;
        double[] elbo = b.elbo(draws, RandomStream.of(3));
        // 250 draws: more than the chunk of 100, so the running log-sum-exp across chunks is exercised
        double[] iw = b.importanceWeighted(250, RandomStream.of(4));
        for (int i = 0; i < N; i++) {
            double x = X.toArray()[i];
            double exact = exactElbo(x, a, s);
            // sd of log w is below 3 here for every datum (|x| <= 3); 4 SE = 4 * 3 / sqrt(4000) = 0.19
            assertThat(elbo[i]).as("datum %d", i).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.19));
            assertThat(iw[i]).as("datum %d", i).isGreaterThan(exact + 0.01).isLessThan(logEvidence(x) + 0.02);
        }
    }

    @Test
    void aLatentOutsideTheDataPlateIsRefusedNamingTheSite() {
        Model withGlobal = m -> {
            Var mu = m.sample("mu", Normal.of(0, 1));
            m.plate("data", N, N, p -> m.observe("x", Normal.of(mu, 1.0), X));
        };
        Model guide = m -> {
            m.sample("mu", Normal.of(0, 1));
            m.plate("data", N, N, p -> { });
        };
        assertThatThrownBy(() -> PerDatumBounds.of(withGlobal, guide, Map.of(), "data").elbo(1, RandomStream.of(0)))
                .hasMessageContaining("site 'mu'").hasMessageContaining("plate 'data'");
    }
}
