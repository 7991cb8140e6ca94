package io.github.elbo4j.mcmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.continuous.Uniform;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Reproducibility across thread counts, the run's bookkeeping, and the errors for bad input. */
class NutsBehaviourTest {

    private static final Model NORMAL = m -> {
        Var mu = m.sample("mu", Normal.of(0, 1));
        m.observe("y", Normal.of(mu, Var.constant(Tensor.scalar(1))), Tensor.of(0.5, 1.5, -0.2));
    };

    @Test
    void theSameSeedGivesTheSameDrawsOnOneOrTwoThreads() {
        Samples one = Nuts.of(NORMAL).chains(3).warmup(60).draws(40).seed(7).threads(1).run();
        Samples two = Nuts.of(NORMAL).chains(3).warmup(60).draws(40).seed(7).threads(2).run();
        assertThat(two.draws("mu").toArray()).containsExactly(one.draws("mu").toArray());
        assertThat(two.stepSizes()).containsExactly(one.stepSizes());
        assertThat(two.gradientEvaluations()).isEqualTo(one.gradientEvaluations());
        // and the chains differ from each other (each has its own stream)
        double[][] chains = one.chainDraws("mu", 0);
        assertThat(chains[0]).isNotEqualTo(chains[1]);
        Samples other = Nuts.of(NORMAL).chains(3).warmup(60).draws(40).seed(8).threads(1).run();
        assertThat(other.draws("mu").toArray()).isNotEqualTo(one.draws("mu").toArray());
    }

    @Test
    void aTreeDepthOfOneSaturatesAndIsCounted() {
        Samples s = Nuts.of(NORMAL).chains(1).warmup(50).draws(50).maxTreeDepth(1).seed(1).run();
        // depth 1 is two states; a U-turn needs more on this posterior at the adapted step size, so most hit the cap
        assertThat(s.treeDepthSaturations()).isGreaterThan(25).isLessThanOrEqualTo(50);
        // every sampling iteration evaluates at most 2^1 gradients
        assertThat(s.chainStats().get(0).samplingGradientEvaluations()).isLessThanOrEqualTo(100);
    }

    @Test
    void nealsFunnelDivergesAndTheDivergencesAreCounted() {
        // v ~ N(0, 3), x_i ~ N(0, exp(v/2)): the neck is too narrow for the step size adapted in the
        // mouth, the classic source of divergences (Betancourt 2017, section 6.2)
        Model funnel = m -> {
            Var v = m.sample("v", Normal.of(0, 3));
            m.sample("x", Normal.of(Var.constant(Tensor.zeros(9)), v.mul(0.5).exp().reshape(-1, 1)).toEvent(1));
        };
        Samples s = Nuts.of(funnel).chains(1).warmup(150).draws(300).seed(4).run();
        assertThat(s.divergences()).isGreaterThan(0).isLessThanOrEqualTo(300);
        assertThat(s.chainStats().get(0).divergences()).isEqualTo(s.divergences());
    }

    @Test
    void aSiteWhoseBoundsAreAnotherLatentIsDrawnInsideThem() {
        // x ~ Uniform(lo, lo + 1) with lo itself latent: x's draws are read from a run of the model
        Model nested = m -> {
            Var lo = m.sample("lo", Normal.of(0, 1));
            m.sample("x", Uniform.of(lo, lo.add(1)));
        };
        Samples s = Nuts.of(nested).chains(2).warmup(100).draws(100).seed(6).run();
        double[] lo = s.draws("lo").toArray();
        double[] x = s.draws("x").toArray();
        assertThat(lo).hasSize(200);
        for (int i = 0; i < lo.length; i++) {
            assertThat(x[i]).isGreaterThan(lo[i]).isLessThan(lo[i] + 1);
        }
        // not all at one place: x - lo is uniform on (0, 1), so its draws spread over most of it
        double min = 1;
        double max = 0;
        for (int i = 0; i < lo.length; i++) {
            min = Math.min(min, x[i] - lo[i]);
            max = Math.max(max, x[i] - lo[i]);
        }
        assertThat(max - min).isGreaterThan(0.5);
    }

    @Test
    void zeroOrNegativeStepSizeIsRefusedWithItsValue() {
        assertThatThrownBy(() -> Nuts.of(NORMAL).stepSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NUTS stepSize must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> Nuts.of(NORMAL).stepSize(-0.1)).hasMessageContaining("got -0.1");
    }

    @Test
    void zeroOrNegativeTreeDepthIsRefusedWithItsValue() {
        assertThatThrownBy(() -> Nuts.of(NORMAL).maxTreeDepth(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NUTS maxTreeDepth must be >= 1, got 0");
        assertThatThrownBy(() -> Nuts.of(NORMAL).maxTreeDepth(-3)).hasMessageContaining("got -3");
    }

    @Test
    void aModelWithoutLatentsIsRefused() {
        Model observedOnly = m -> m.observe("y", Normal.of(0, 1), Tensor.of(0.3));
        assertThatThrownBy(() -> Nuts.of(observedOnly)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no continuous latent sites (unconstrained dimension 0)");
    }

    @Test
    void aLogDensityOfMinusInfinityAtTheInitialPointIsRefusedWithTheValue() {
        // y = 5 is impossible under Uniform(mu - 1, mu + 1) at mu = 0
        Model impossible = m -> {
            Var mu = m.sample("mu", Normal.of(0, 1));
            m.observe("y", Uniform.of(mu.sub(1), mu.add(1)), Tensor.scalar(5));
        };
        assertThatThrownBy(() -> Nuts.of(impossible).chains(1).initialPoint(new double[] {0}).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log density at the initial point of chain 0 is -Infinity (u = [0.0])");
    }

    @Test
    void aLogDensityThatIsNeverFiniteFailsAfterTheRandomStarts() {
        Model impossible = m -> {
            Var mu = m.sample("mu", Normal.of(0, 1));
            m.observe("y", Uniform.of(mu.sub(1), mu.add(1)), Tensor.scalar(50));
        };
        assertThatThrownBy(() -> Nuts.of(impossible).chains(1).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the log density is -Infinity at all 100 random initial points of chain 0");
    }

    @Test
    void anInitialPointOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> Nuts.of(NORMAL).initialPoint(new double[] {0, 1}))
                .hasMessage("initial point length 2 must equal the unconstrained dimension 1");
    }
}
