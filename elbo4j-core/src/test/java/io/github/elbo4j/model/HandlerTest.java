package io.github.elbo4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Delta;
import io.github.elbo4j.distribution.Unconstrained;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.continuous.Uniform;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerTest {

    private static final Model COIN_LIKE = m -> {
        Var mu = m.sample("mu", Normal.of(0, 1));
        m.observe("x", Normal.of(mu, Var.constant(1.0)), Tensor.of(0.5, 1.5));
    };

    @Test
    void traceRecordsSitesInOrderWithTheirKinds() {
        Trace t = ModelContext.trace(COIN_LIKE, new SeedHandler(1));
        assertThat(t.sites()).extracting(Site::name).containsExactly("mu", "x");
        assertThat(t.latentSites()).extracting(Site::name).containsExactly("mu");
        assertThat(t.observedSites()).extracting(Site::name).containsExactly("x");
    }

    @Test
    void logDensityIsTheSumOfPriorAndLikelihood() {
        Trace t = ModelContext.trace(COIN_LIKE, new ConditionHandler(Map.of("mu", Tensor.scalar(0.2))), new SeedHandler(1));
        double expected = Normal.of(0, 1).logProb(Tensor.scalar(0.2)).item()
                + Normal.of(0.2, 1).logProb(Tensor.of(0.5, 1.5)).value().sum().item();
        assertThat(t.logDensity().item()).isEqualTo(expected);
    }

    @Test
    void samplingASiteTwiceIsAnErrorNamingTheSite() {
        Model twice = m -> {
            m.sample("z", Normal.of(0, 1));
            m.sample("z", Normal.of(0, 1));
        };
        assertThatThrownBy(() -> ModelContext.trace(twice, new SeedHandler(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site 'z' appears twice");
    }

    @Test
    void drawingWithoutASeedHandlerIsAClearError() {
        assertThatThrownBy(() -> ModelContext.trace(COIN_LIKE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("site 'mu' needs a random draw");
    }

    @Test
    void conditionTurnsALatentIntoAnObservation() {
        Trace t = ModelContext.trace(COIN_LIKE, new ConditionHandler(Map.of("mu", Tensor.scalar(3.0))), new SeedHandler(1));
        assertThat(t.require("mu").isObserved()).isTrue();
        assertThat(t.require("mu").value().item()).isEqualTo(3.0);
    }

    @Test
    void replayReusesTheValuesOfAnotherTrace() {
        Trace first = ModelContext.trace(COIN_LIKE, new SeedHandler(1));
        Trace second = ModelContext.trace(COIN_LIKE, new ReplayHandler(first), new SeedHandler(99));
        assertThat(second.require("mu").value().item()).isEqualTo(first.require("mu").value().item());
    }

    @Test
    void theSameSeedGivesTheSameDrawsAndAnotherSeedDifferentOnes() {
        double a = ModelContext.trace(COIN_LIKE, new SeedHandler(5)).require("mu").value().item();
        double b = ModelContext.trace(COIN_LIKE, new SeedHandler(5)).require("mu").value().item();
        double c = ModelContext.trace(COIN_LIKE, new SeedHandler(6)).require("mu").value().item();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void blockHidesSitesFromOuterHandlers() {
        Trace t = ModelContext.trace(COIN_LIKE, new BlockHandler(n -> n.equals("x")), new SeedHandler(1));
        assertThat(t.sites()).extracting(Site::name).containsExactly("mu");
    }

    @Test
    void scaleAndMaskMultiplyTheLogDensity() {
        Map<String, Tensor> mu = Map.of("mu", Tensor.scalar(0.0));
        double plain = ModelContext.trace(COIN_LIKE, new ConditionHandler(mu)).require("x").logProb().sum().item();
        double scaled = ModelContext.trace(COIN_LIKE, new ScaleHandler(3.0), new ConditionHandler(mu)).require("x").logProb().sum().item();
        assertThat(scaled).isEqualTo(3 * plain);
        Tensor keepFirst = Tensor.of(1, 0);
        double masked = ModelContext.trace(COIN_LIKE, new MaskHandler(keepFirst), new ConditionHandler(mu)).require("x").logProb().sum().item();
        assertThat(masked).isEqualTo(Normal.of(0, 1).logProb(Tensor.scalar(0.5)).item());
    }

    @Test
    void substituteSuppliesParams() {
        Model withParam = m -> m.param("w", Tensor.scalar(1.0));
        Trace t = ModelContext.trace(withParam, new SubstituteHandler(Map.of("w", Var.constant(7.0))));
        assertThat(t.require("w").value().item()).isEqualTo(7.0);
        assertThat(ModelContext.trace(withParam).require("w").value().item()).isEqualTo(1.0);
    }

    @Test
    void subsampledPlateScalesTheLikelihoodBySizeOverSubsample() {
        Tensor data = Tensor.arange(10);
        Model m = ctx -> ctx.plate("data", 10, 4, p ->
                ctx.observe("x", Normal.of(0, 1).expand(4), p.subsample(data)));
        Trace t = ModelContext.trace(m, new SeedHandler(3));
        Site x = t.require("x");
        assertThat(x.scale()).isEqualTo(2.5);
        assertThat(x.plates()).extracting(PlateFrame::name).containsExactly("data");
        assertThat(x.plates().get(0).dim()).isEqualTo(-1);
        int[] idx = new int[4];
        double[] v = x.value().value().toArray();
        for (int i = 0; i < 4; i++) {
            idx[i] = (int) v[i];
        }
        assertThat(idx).doesNotHaveDuplicates();
        assertThat(java.util.stream.IntStream.of(idx).allMatch(i -> i >= 0 && i < 10)).isTrue();
    }

    /**
     * z2 ~ U(0, 1 - z1) replayed from unconstrained u = 0 at z1 = 0.25: z2 = 0.75 σ(0) = 0.375, and
     * its log-density is that of u: -log 0.75 + log 0.75 + log σ(0) + log σ(-0) = 2 log(1/2).
     */
    @Test
    void anUnconstrainedGuideSiteIsMappedByTheSupportOfTheModelsRunWithItsLogJacobian() {
        Model guide = m -> {
            m.sample("z1", Delta.of(Var.constant(0.25), 0));
            m.sample("z2", Unconstrained.of(Delta.of(Var.constant(0.0), 0)));
        };
        Model model = m -> {
            Var z1 = m.sample("z1", Uniform.of(0, 1));
            m.sample("z2", Uniform.of(0, z1.rsub(1.0)));
        };
        Trace g = ModelContext.trace(guide, new SeedHandler(1));
        Trace t = ModelContext.trace(model, new ReplayHandler(g), new SeedHandler(2));
        assertThat(t.require("z2").value().item()).isEqualTo(0.375);
        assertThat(t.require("z2").logProb().item()).isCloseTo(2 * Math.log(0.5), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(t.require("z1").logProb().item()).isEqualTo(0.0);
    }

    @Test
    void invalidPlateSizesAreRejected() {
        assertThatThrownBy(() -> ModelContext.trace(m -> m.plate("p", 5, 6, p -> { })))
                .hasMessage("plate 'p' subsampleSize must be in [1, 5], got 6");
    }

    /**
     * A site is copied when the trace records it: the trace handler (outermost) post-processes
     * first, so a handler further in that changes the message in its own post-processing must not
     * rewrite the recorded site. Catches a Site that is a live view of the mutable message.
     */
    @Test
    void aRecordedSiteIsACopyThatLaterHandlersCannotRewrite() {
        Handler rescaleAfterwards = new Handler() {
            @Override
            public void postprocess(Message msg) {
                msg.scaleBy(10);
                msg.setValue(io.github.elbo4j.autodiff.Var.constant(99.0));
            }
        };
        Trace t = ModelContext.trace(m -> m.observe("x", io.github.elbo4j.distribution.continuous.Normal.of(0, 1),
                io.github.elbo4j.tensor.Tensor.scalar(0.5)), rescaleAfterwards);
        Site x = t.require("x");
        org.assertj.core.api.Assertions.assertThat(x.scale()).isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThat(x.value().item()).isEqualTo(0.5);
        org.assertj.core.api.Assertions.assertThat(x.logProb().item())
                .isEqualTo(io.github.elbo4j.distribution.continuous.Normal.of(0, 1).logProb(io.github.elbo4j.tensor.Tensor.scalar(0.5)).item());
    }
}
