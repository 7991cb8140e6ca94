package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The one shape contract of latent values (ModelContext's class comment, docs/svi.md): in every
 * run a latent site's value has shape {@code [P] + [1] * (maxPlateNesting - batchRank) + batchShape
 * + eventShape}, with {@code P = 1} in the prototype run. The model below opens its deepest plate
 * (nesting 2) only after it has checked its first latent, so the nesting has to be found before
 * the shapes can be right.
 */
class ShapeContractTest {

    /** The particle counts the model saw, in any run. */
    private final Set<Integer> seen = new TreeSet<>();

    private static void assertShape(String site, Var v, int... rest) {
        int[] expected = new int[rest.length + 1];
        expected[0] = v.shape().length == 0 ? -1 : v.shape()[0];
        System.arraycopy(rest, 0, expected, 1, rest.length);
        if (!Arrays.equals(v.shape(), expected)) {
            throw new AssertionError(site + " has shape " + Arrays.toString(v.shape()) + ", expected [P] + " + Arrays.toString(rest));
        }
    }

    /** mu: scalar; w: event [3]; eta: batch [2] in plate "groups" (dim -1); y: in "groups" and "rows" (dim -2). */
    private Model model() {
        Tensor y = Tensor.of(new double[] {0.5, 1.1, -0.3, 0.9, 0.2, 1.4, 0.0, 0.7, 1.0, -0.1}, 5, 2);
        return m -> {
            Var mu = m.sample("mu", Normal.of(0, 2));
            assertShape("mu", mu, 1, 1);
            seen.add(mu.shape()[0]);
            Var w = m.sample("w", Normal.of(0, 1).expand(3).toEvent(1));
            assertShape("w", w, 1, 1, 3);
            m.plate("groups", 2, g -> {
                Var eta = m.sample("eta", Normal.of(0, 1).expand(2));
                assertShape("eta", eta, 1, 2);
                Var loc = mu.add(eta).add(w.sum(-1).mul(0.1));
                m.plate("rows", 5, r -> m.observe("y", Normal.of(loc, Var.constant(1.0)), y));
            });
        };
    }

    @Test
    void latentValuesHaveTheContractShapeInThePrototypeAndWithOneOrFourParticles() {
        for (int particles : new int[] {1, 4}) {
            // without the warm start's 64 draws and the PSIS check's 1,000, the model sees P = 1 (prototype) and the fit's P
            Fit fit = Svi.builder(model()).guide(AutoGuide.meanField()).optimizer(Adam.lr(0.01)).warmStart(WarmStart.none())
                    .diagnosticDraws(0).numParticles(particles).maxSteps(3).seed(5).build().run();
            Map<String, Tensor> draws = fit.posterior().sample(7, RandomStream.of(3));
            assertThat(draws.get("mu").shape()).containsExactly(7);
            assertThat(draws.get("w").shape()).containsExactly(7, 3);
            assertThat(draws.get("eta").shape()).containsExactly(7, 2);
        }
        assertThat(seen).containsExactly(1, 4);
    }

    @Test
    void mapPointsServeEveryParticleOfPosteriorDraws() {
        Fit fit = Svi.builder(model()).guide(AutoGuide.delta()).maxSteps(3).seed(5).build().run();
        Map<String, Tensor> draws = fit.posterior().sample(7, RandomStream.of(3));
        assertThat(draws.get("mu").shape()).containsExactly(7);
        assertThat(draws.get("w").shape()).containsExactly(7, 3);
        assertThat(draws.get("eta").shape()).containsExactly(7, 2);
        assertThat(draws.get("eta").toArray()[0]).isEqualTo(draws.get("eta").toArray()[12]);
    }

    @Test
    void aHandWrittenGuideSeesTheSameContractInFitsAndInPosteriorDraws() {
        Set<Integer> guideSeen = new TreeSet<>();
        Model guide = m -> {
            Var loc = m.param("mu_loc", Tensor.scalar(0.0));
            Var mu = m.sample("mu", Normal.of(loc, Var.constant(0.5)));
            assertShape("mu (guide)", mu, 1, 1);
            guideSeen.add(mu.shape()[0]);
            Var w = m.sample("w", Normal.of(0, 1).expand(3).toEvent(1));
            assertShape("w (guide)", w, 1, 1, 3);
            m.plate("groups", 2, g -> {
                // depends on mu: the plate broadcasts its batch shape to [P, 1, 2], which carries the particle axis
                Var eta = m.sample("eta", Normal.of(mu, 0.3));
                assertShape("eta (guide)", eta, 1, 2);
            });
        };
        Fit fit = Svi.builder(model()).guide(guide).method(Svi.Method.STOCHASTIC).diagnosticDraws(0).numParticles(4).maxSteps(3).seed(5).build().run();
        Map<String, Tensor> draws = fit.posterior().sample(6, RandomStream.of(3));
        assertThat(draws.get("mu").shape()).containsExactly(6);
        assertThat(draws.get("eta").shape()).containsExactly(6, 2);
        assertThat(guideSeen).containsExactly(1, 4, 6);
        assertThat(seen).containsExactly(1, 4);
    }

    @Test
    void aModelThatFailsUnderEveryNestingReportsItsOwnError() {
        Model broken = m -> {
            m.sample("mu", Normal.of(0, 1));
            throw new IllegalStateException("broken model");
        };
        assertThatThrownBy(() -> PrototypeRun.of(broken, RandomStream.of(1)))
                .isInstanceOf(IllegalStateException.class).hasMessage("broken model");
    }

    @Test
    void aFailureAfterTheDeepestPlateIsTheOneReported() {
        Model broken = m -> {
            Var mu = m.sample("mu", Normal.of(0, 1));
            if (mu.shape().length != 2) {
                throw new IllegalArgumentException("wrong guess " + Arrays.toString(mu.shape()));
            }
            m.plate("a", 3, p -> {
                throw new IllegalStateException("fails inside plate a");
            });
        };
        assertThatThrownBy(() -> PrototypeRun.of(broken, RandomStream.of(1)))
                .isInstanceOf(IllegalStateException.class).hasMessage("fails inside plate a");
    }
}
