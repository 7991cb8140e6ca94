package io.github.elbo4j.infer.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.continuous.HalfCauchy;
import io.github.elbo4j.distribution.continuous.LogNormal;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where the automatic guides start. Issue 12's root cause: a vector site written as
 * {@code Normal(0, 10).toEvent(1)} has an event shape, so the old layout skipped the median and
 * started from the prototype's prior draw; with seed 42 its 11th entry was -34 (3.4 prior sds),
 * and a 12-feature regression ended 48 standard errors off.
 */
class InitStrategyTest {

    private static Trace prototype(Model model, long seed) {
        return io.github.elbo4j.infer.PrototypeRun.of(model, RandomStream.of(seed).split(-1)).trace();
    }

    @Test
    void aVectorSiteWithAnEventShapeStartsAtThePriorMedianNotAtADraw() {
        int d = 12;
        Model model = m -> m.sample("w", Normal.of(Tensor.full(1.5, d), Tensor.full(10.0, d)).toEvent(1));
        for (long seed : new long[] {0, 7, 42}) {
            Tensor init = LatentLayout.of(prototype(model, seed)).initialVector();
            assertThat(init.toArray()).as("seed %d", seed).containsOnly(1.5);
        }
    }

    @Test
    void positiveSitesStartAtTheLogOfTheirMedian() {
        Model model = m -> {
            m.sample("sigma", LogNormal.of(0.7, 1));
            m.sample("tau", HalfCauchy.of(5));
        };
        Tensor init = LatentLayout.of(prototype(model, 3)).initialVector();
        // LogNormal(0.7, 1) has median e^0.7; HalfCauchy(5) has median 5 tan(pi/4) = 5
        assertThat(init.toArray()[0]).isCloseTo(0.7, within(1e-12));
        assertThat(init.toArray()[1]).isCloseTo(Math.log(5), within(1e-12));
    }

    @Test
    void aFamilyWithoutQuantilesStartsAtItsMean() {
        Tensor cov = Tensor.of(new double[] {4, 1, 1, 2}, 2, 2);
        Model model = m -> m.sample("x", MultivariateNormal.ofCovariance(Tensor.of(3.0, -2.0), cov));
        assertThat(LatentLayout.of(prototype(model, 5)).initialVector().toArray()).containsExactly(3.0, -2.0);
    }

    @Test
    void givenValuesOverrideTheMedianAndAreChecked() {
        Model model = m -> {
            m.sample("a", Normal.of(0, 1));
            m.sample("rate", Gamma.of(2, 1));
        };
        LatentLayout layout = LatentLayout.of(prototype(model, 1), InitStrategy.values(Map.of("rate", Tensor.scalar(3.0))),
                RandomStream.of(1));
        assertThat(layout.initialVector().toArray()).containsExactly(0.0, Math.log(3.0));
        assertThatThrownBy(() -> LatentLayout.of(prototype(model, 1), InitStrategy.values(Map.of("rate", Tensor.scalar(-1.0))),
                RandomStream.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initial value of site 'rate' must lie in");
    }

    @Test
    void feasibleIsZeroAndUniformStaysWithinItsRadiusInUnconstrainedSpace() {
        Model model = m -> {
            m.sample("a", Normal.of(100, 1));
            m.sample("s", LogNormal.of(5, 1).expand(50));
        };
        assertThat(LatentLayout.of(prototype(model, 1), InitStrategy.feasible(), RandomStream.of(1)).initialVector().toArray())
                .containsOnly(0.0);
        double[] u = LatentLayout.of(prototype(model, 1), InitStrategy.uniform(2), RandomStream.of(9)).initialVector().toArray();
        for (double v : u) {
            assertThat(Math.abs(v)).isLessThan(2.0);
        }
        assertThat(Math.abs(u[0] - u[1])).isGreaterThan(0.0);
    }
}
