package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.HalfCauchy;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A sample site inside a plate takes the plate's size on the plate's batch axis (Pyro's rule:
 * the plate broadcasts the distribution's batch shape to include its dimension at axis
 * {@code -(depth + 1)}); a batch axis of another size there is an error.
 */
class PlateBatchShapeTest {

    private static final double[] Y = {28, 8, -3, 7, -1, 1, 18, 12};
    private static final double[] SIGMA = {15, 10, 16, 11, 9, 11, 10, 18};

    /** Centered eight schools, written as a user would: theta's distribution is scalar. */
    private static final Model CENTERED = m -> {
        Var mu = m.sample("mu", Normal.of(0, 5));
        Var tau = m.sample("tau", HalfCauchy.of(5));
        m.plate("schools", 8, p -> {
            Var theta = m.sample("theta", Normal.of(mu, tau));
            m.observe("y", Normal.of(theta, Var.constant(Tensor.of(SIGMA))), Tensor.of(Y));
        });
    };

    @Test
    void aScalarSiteInsideAPlateOfEightHasEightCopies() {
        PrototypeRun proto = PrototypeRun.of(CENTERED, RandomStream.of(1));
        assertThat(proto.latentShapes().get("theta")).containsExactly(8);
        assertThat(proto.trace().require("theta").value().shape()).containsExactly(1, 8);
        LatentLayout layout = LatentLayout.of(proto.trace());
        assertThat(layout.dimension()).isEqualTo(10);
        assertThat(layout.entries().get(2).shape()).containsExactly(8);
    }

    @Test
    void theFittedPosteriorHasEightThetas() {
        Fit fit = Svi.builder(CENTERED).guide(AutoGuide.meanField()).numParticles(4).maxSteps(20).seed(3).build().run();
        assertThat(fit.parameter("auto_loc").shape()).containsExactly(10);
        assertThat(fit.posterior().sample("theta", 5, RandomStream.of(2)).shape()).containsExactly(5, 8);
    }

    @Test
    void aBatchAxisOfAnotherSizeThanThePlateIsAnErrorNamingSitePlateAndSizes() {
        Model conflicting = m -> m.plate("schools", 8, p -> m.sample("theta", Normal.of(0, 1).expand(7)));
        assertThatThrownBy(() -> PrototypeRun.of(conflicting, RandomStream.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site 'theta'")
                .hasMessageContaining("plate 'schools'")
                .hasMessageContaining("size 8")
                .hasMessageContaining("[7]");
    }

    @Test
    void aSiteInsideASubsampledPlateGetsTheSubsampleSize() {
        Model local = m -> m.plate("data", 10, 4, p -> m.sample("z", Normal.of(0, 1)));
        PrototypeRun proto = PrototypeRun.of(local, RandomStream.of(1));
        assertThat(proto.trace().require("z").value().shape()).containsExactly(1, 4);
    }

    @Test
    void nestedPlatesBroadcastOnTheirOwnAxes() {
        Model nested = m -> m.plate("outer", 3, a -> m.plate("inner", 2, b -> m.sample("z", Normal.of(0, 1))));
        PrototypeRun proto = PrototypeRun.of(nested, RandomStream.of(1));
        assertThat(proto.latentShapes().get("z")).containsExactly(2, 3);
    }
}
