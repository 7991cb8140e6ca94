package io.github.elbo4j.infer.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Posterior;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.guide.AutoFlow;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.AutoMultivariateNormal;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.nn.Init;
import io.github.elbo4j.nn.Made;
import io.github.elbo4j.nn.Mlp;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network-conditioned layers in a flow: the density of a stack of them integrates to 1, and a
 * flow guide of each kind scores its draws with the density its fitted layers give.
 */
class NetworkFlowGuideTest {

    /**
     * A correlated Gaussian through a random inverse autoregressive layer, a reversal, a random
     * affine coupling and a random spline coupling (bound 3, so the spline's tails are reached),
     * integrated by the midpoint rule over [-12, 12]² with spacing 0.04 (360,000 cells). A log-det
     * with a wrong sign or a missing term moves the integral by far more than the 1e-3 allowed.
     */
    @Test
    void theDensityOfAStackOfNetworkLayersIntegratesToOne() {
        Random rng = new Random(11);
        Made made = Made.of("iaf", 2, 2, Activation.TANH, Init.PYTORCH_DEFAULT, 3L, 8, 8);
        Mlp affine = Mlp.of("affine", Activation.TANH, Init.PYTORCH_DEFAULT, 4L, 1, 8, 2);
        Mlp spline = Mlp.of("spline", Activation.TANH, Init.PYTORCH_DEFAULT, 5L, 1, 8, 14);
        MultivariateNormal base = MultivariateNormal.ofScaleTril(Var.constant(Tensor.of(0.3, -0.2)),
                Var.constant(Tensor.of(new double[][] {{1.0, 0.0}, {0.6, 0.7}})));
        NormalizingFlow flow = NormalizingFlow.of(base,
                InverseAutoregressiveFlow.of(made, NetworkLaws.constants(NetworkLaws.randomWeights(made, 2, 2.0, rng))),
                Permutation.reverse(2),
                AffineCoupling.of(affine, 2, NetworkLaws.constants(NetworkLaws.randomWeights(affine, 1, 2.0, rng))),
                Permutation.reverse(2),
                SplineCoupling.of(spline, 2, 5, 3.0, NetworkLaws.constants(NetworkLaws.randomWeights(spline, 1, 2.0, rng))));
        double h = 0.04;
        int n = 600;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] points = new double[2 * n];
            for (int j = 0; j < n; j++) {
                points[2 * j] = -12 + (i + 0.5) * h;
                points[2 * j + 1] = -12 + (j + 0.5) * h;
            }
            for (double lp : flow.logProb(Tensor.of(points, n, 2)).value().toArray()) {
                total += Math.exp(lp) * h * h;
            }
        }
        assertThat(total).isCloseTo(1.0, within(1e-3));
        Tensor z = FlowLaws.normal(rng, 1.5, 40, 2);
        NormalizingFlow.Pushed pushed = flow.push(Var.constant(z));
        Tensor forward = flow.base().logProb(Var.constant(z)).sub(pushed.logAbsDet()).value();
        assertThat(FlowLaws.worst(forward, flow.logProb(pushed.value()).value())).as("push scores as the inverse does")
                .isLessThanOrEqualTo(1e-10);
    }

    /**
     * Without a warm start {@code u = y}: every log ratio the fit reports must be
     * {@code log p(x) - log q(x)} with {@code log q} recomputed through the inverses of layers rebuilt
     * here from the fitted parameters, with the reversals between them. Catches a log-det left out or
     * with the wrong sign, a permutation missing or misplaced, and parameters read under the wrong name.
     */
    @Test
    void aFlowGuideOfEachNetworkKindScoresItsDrawsWithItsDensity() {
        for (FlowLayer kind : List.of(FlowLayer.autoregressive(), FlowLayer.affineCoupling(), FlowLayer.splineCoupling())) {
            int depth = 3;
            AutoFlow guide = AutoGuide.flow(kind, depth);
            Fit fit = Svi.builder(FlowGuideTest.BANANA).guide(guide).warmStart(WarmStart.none()).maxSteps(150).seed(4).build().run();
            Map<String, Tensor> p = fit.parameters();
            MultivariateNormal base = MultivariateNormal.ofScaleTril(p.get("auto_loc"), AutoMultivariateNormal.scaleTril(p.get("auto_scale_raw")));
            List<Bijector> layers = new ArrayList<>();
            for (int k = 0; k < depth; k++) {
                if (k > 0) {
                    layers.add(Permutation.reverse(2));
                }
                Map<String, Var> params = new LinkedHashMap<>();
                String prefix = "auto_flow_" + k + "_";
                p.forEach((name, value) -> {
                    if (name.startsWith(prefix)) {
                        params.put(name.substring(prefix.length()), Var.constant(value));
                    }
                });
                layers.add(kind.bijector(params));
            }
            NormalizingFlow q = NormalizingFlow.of(base, layers);
            Posterior.LogRatios r = fit.posterior().logRatios(FlowGuideTest.BANANA, 100, RandomStream.of(9));
            double[] x1 = r.draws().get("x1").toArray();
            double[] x2 = r.draws().get("x2").toArray();
            double[] points = new double[2 * x1.length];
            for (int i = 0; i < x1.length; i++) {
                points[2 * i] = x1[i];
                points[2 * i + 1] = x2[i];
            }
            double[] logQ = q.logProb(Tensor.of(points, x1.length, 2)).value().toArray();
            double moved = 0;
            for (int i = 0; i < x1.length; i++) {
                double logP = -Math.log(2 * Math.PI) - Math.log(0.5) - 0.5 * x1[i] * x1[i] - 0.5 * Math.pow((x2[i] - x1[i] * x1[i]) / 0.5, 2);
                double expected = logP - logQ[i];
                assertThat(r.logRatios()[i]).as("%s: draw %d at (%s, %s)", kind, i, x1[i], x2[i])
                        .isCloseTo(expected, within(1e-8 * Math.max(1, Math.abs(expected))));
                moved = Math.max(moved, Math.abs(logQ[i] - base.logProb(Var.constant(Tensor.of(x1[i], x2[i]))).item()));
            }
            assertThat(moved).as("%s: the fitted layers are not the identity", kind).isGreaterThan(1e-3);
        }
    }

    @Test
    void aSavedNetworkFlowFitLoadsWithItsSettingsAndDrawsTheSame(@TempDir Path dir) {
        AutoFlow guide = AutoGuide.flow(FlowLayer.splineCoupling(4, 3.0), 2).withDiagonalBase();
        Fit fit = Svi.builder(FlowGuideTest.BANANA).guide(guide).maxSteps(60).seed(2).build().run();
        assertThat(fit.provenance().settings().get("optimizer")).as("network kinds default to Adam(0.01)").contains("learningRate=0.01,");
        Path file = dir.resolve("flow.json");
        fit.save(file);
        Fit back = Fit.load(file, FlowGuideTest.BANANA);
        assertThat(back.posterior().sample(50, RandomStream.of(3)).get("x2").toArray())
                .containsExactly(fit.posterior().sample(50, RandomStream.of(3)).get("x2").toArray());
        assertThat(AutoGuide.named(guide.settingsName())).isEqualTo(guide);
        assertThat(guide.settingsName()).isEqualTo("flow:spline-4-3.0:2:diagonal:0.1");
        assertThat(AutoGuide.named("flow:iaf:8:fullrank:0.1")).isEqualTo(AutoGuide.flow(FlowLayer.autoregressive(), 8));
    }
}
