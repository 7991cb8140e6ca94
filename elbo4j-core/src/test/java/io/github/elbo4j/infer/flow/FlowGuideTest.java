package io.github.elbo4j.infer.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.GuidePosterior;
import io.github.elbo4j.infer.Posterior;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.guide.AutoFlow;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.AutoMultivariateNormal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow guide ({@link AutoGuide#flow()}) as a guide: it scores its draws with the flow's own
 * density, runs stochastic VI, saves and loads with its settings, and has no Gaussian moments.
 */
class FlowGuideTest {

    /** A 2-D banana: {@code x1 ~ N(0, 1)}, {@code x2 ~ N(x1², 0.5²)}; normalized, so {@code log Z = 0}. */
    static final Model BANANA = m -> {
        Var x1 = m.sample("x1", Normal.of(0, 1));
        m.sample("x2", Normal.of(x1.square(), Var.constant(0.5)));
    };

    private static double logBanana(double x1, double x2) {
        double c = -0.5 * Math.log(2 * Math.PI);
        return c - 0.5 * x1 * x1 + c - Math.log(0.5) - 0.5 * Math.pow((x2 - x1 * x1) / 0.5, 2);
    }

    /**
     * Without a warm start {@code u = y}: every log ratio the fit reports must be
     * {@code log p(x) - log q(x)} with {@code log q} recomputed here through the layers' inverses
     * ({@link NormalizingFlow#logProb}) from the fitted parameters. Catches a log-det left out,
     * counted twice or with the wrong sign, and layers applied in the wrong order.
     */
    @Test
    void theGuideScoresItsDrawsWithTheFlowDensity() {
        AutoFlow guide = AutoGuide.flow(FlowLayer.radial(), 3);
        Fit fit = Svi.builder(BANANA).guide(guide).warmStart(WarmStart.none()).maxSteps(300).seed(4).build().run();
        Map<String, Tensor> p = fit.parameters();
        MultivariateNormal base = MultivariateNormal.ofScaleTril(p.get("auto_loc"), AutoMultivariateNormal.scaleTril(p.get("auto_scale_raw")));
        List<Bijector> layers = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Map<String, Var> params = new LinkedHashMap<>();
            for (String name : List.of("z0", "alpha", "beta")) {
                params.put(name, Var.constant(p.get("auto_flow_" + k + "_" + name)));
            }
            layers.add(FlowLayer.radial().bijector(params));
        }
        NormalizingFlow q = NormalizingFlow.of(base, layers);
        assertThat(q.layers().get(0)).isInstanceOf(RadialFlow.class);
        assertThat(((RadialFlow) q.layers().get(0)).beta().item()).as("fitted away from the identity").isNotCloseTo(0.0,
                org.assertj.core.api.Assertions.within(1e-3));
        Posterior.LogRatios r = fit.posterior().logRatios(BANANA, 200, RandomStream.of(9));
        double[] x1 = r.draws().get("x1").toArray();
        double[] x2 = r.draws().get("x2").toArray();
        double[] points = new double[2 * x1.length];
        for (int i = 0; i < x1.length; i++) {
            points[2 * i] = x1[i];
            points[2 * i + 1] = x2[i];
        }
        double[] logQ = q.logProb(Tensor.of(points, x1.length, 2)).value().toArray();
        for (int i = 0; i < x1.length; i++) {
            double expected = logBanana(x1[i], x2[i]) - logQ[i];
            assertThat(r.logRatios()[i]).as("draw %d at (%s, %s)", i, x1[i], x2[i])
                    .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-8 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void aFlowFitIsStochasticWithFlowDefaultsAndHasNoMoments() {
        Fit fit = Svi.builder(BANANA).guide(AutoGuide.flow()).maxSteps(200).seed(1).build().run();
        assertThat(fit.method()).startsWith("stochastic VI, flow guide, ").endsWith(", 8 particle(s) per step");
        assertThat(fit.provenance().settings().get("optimizer")).contains("Adam").contains("learning-rate schedule");
        assertThat(fit.provenance().settings().get("convergence")).contains("None");
        assertThat(fit.provenance().settings()).containsEntry("guide", "flow");
        GuidePosterior q = (GuidePosterior) fit.posterior();
        assertThat(q.moments()).isEmpty();
        assertThatThrownBy(() -> q.location("x1")).hasMessageContaining("flow guide is not Gaussian");
        assertThat(q.sample(10, RandomStream.of(2)).get("x2").shape()).containsExactly(10);
        assertThat(fit.paretoK()).isPresent();
        assertThatThrownBy(() -> Svi.builder(BANANA).guide(AutoGuide.flow()).method(Svi.Method.DETERMINISTIC).build().run())
                .hasMessageContaining("flow guide is fitted by stochastic VI");
        assertThatThrownBy(() -> Svi.builder(BANANA).guide(AutoGuide.flow()).elbo(new io.github.elbo4j.infer.elbo.SticksTheLandingElbo()).build())
                .hasMessageContaining("flow guide cannot use SticksTheLandingElbo");
    }

    @Test
    void aSavedFlowFitLoadsWithItsSettingsAndDrawsTheSame(@TempDir Path dir) {
        AutoFlow guide = AutoGuide.flow(FlowLayer.radial(), 3).withDiagonalBase();
        Fit fit = Svi.builder(BANANA).guide(guide).maxSteps(100).seed(2).build().run();
        Path file = dir.resolve("flow.json");
        fit.save(file);
        assertThat(readString(file)).contains("\"flow:radial:3:diagonal:0.1\"");
        Fit back = Fit.load(file, BANANA);
        assertThat(back.posterior().sample(50, RandomStream.of(3)).get("x2").toArray())
                .containsExactly(fit.posterior().sample(50, RandomStream.of(3)).get("x2").toArray());
        assertThat(AutoGuide.named(guide.settingsName())).isEqualTo(guide);
        assertThat(AutoGuide.named("flow")).isEqualTo(AutoGuide.flow());
        assertThatThrownBy(() -> AutoGuide.named("flow:spline:3:fullrank:0.1")).hasMessageContaining("one of planar, radial; got 'spline'");
        assertThatThrownBy(() -> AutoGuide.flow(FlowLayer.planar(), 0)).hasMessageContaining("depth must be >= 1, got 0");
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
