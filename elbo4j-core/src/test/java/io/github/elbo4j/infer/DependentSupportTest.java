package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.continuous.Uniform;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.LearningRateSchedule;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A support whose bound is another latent: {@code z1 ~ U(0, 1)}, {@code z2 ~ U(0, 1 - z1)} (a
 * stick broken twice), with ten observations {@code N(z1, 0.15²)} and ten {@code N(z2, 0.15²)}.
 * The automatic guide must map {@code z2}'s unconstrained coordinate onto {@code (0, 1 - z1)} of
 * the run, not of the prototype.
 *
 * <p>Exact moments by 2-D quadrature: with {@code z2 = (1 - z1) v} the prior density
 * {@code 1/(1 - z1)} cancels the Jacobian, so the posterior on the unit square is
 * {@code ∝ L1(z1) L2((1 - z1) v)}; a midpoint rule on 800 x 800 cells is exact to about 1e-6 here.
 * Tolerances: the full-rank normal in logit coordinates is not the exact posterior (which is
 * slightly skewed there), about 1% of a posterior sd in the means at these data; MC error of the
 * 4000 draws is 1.5% of an sd; so means within 0.15 sd and sds within 10%.
 */
class DependentSupportTest {

    private static final Tensor Y1 = Tensor.of(0.21, 0.35, 0.28, 0.46, 0.12, 0.33, 0.30, 0.25, 0.41, 0.29);
    private static final Tensor Y2 = Tensor.of(0.48, 0.39, 0.55, 0.42, 0.60, 0.37, 0.45, 0.51, 0.33, 0.47);
    private static final double S = 0.15;

    private static final Model STICK = m -> {
        Var z1 = m.sample("z1", Uniform.of(Var.constant(0.0), Var.constant(1.0)));
        Var z2 = m.sample("z2", Uniform.of(Var.constant(0.0), z1.rsub(1.0)));
        m.plate("data", 10, p -> {
            m.observe("y1", Normal.of(z1, Var.constant(S)), Y1);
            m.observe("y2", Normal.of(z2, Var.constant(S)), Y2);
        });
    };

    /** {E z1, sd z1, E z2, sd z2} by the midpoint rule in (z1, v). */
    private static double[] exactMoments() {
        int n = 800;
        double[] y1 = Y1.toArray();
        double[] y2 = Y2.toArray();
        double[] logW = new double[n * n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double z1 = (i + 0.5) / n;
            for (int j = 0; j < n; j++) {
                double z2 = (1 - z1) * (j + 0.5) / n;
                double lw = 0;
                for (int k = 0; k < 10; k++) {
                    lw -= ((y1[k] - z1) * (y1[k] - z1) + (y2[k] - z2) * (y2[k] - z2)) / (2 * S * S);
                }
                logW[i * n + j] = lw;
                max = Math.max(max, lw);
            }
        }
        double w = 0;
        double m1 = 0;
        double s1 = 0;
        double m2 = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double z1 = (i + 0.5) / n;
            for (int j = 0; j < n; j++) {
                double z2 = (1 - z1) * (j + 0.5) / n;
                double p = Math.exp(logW[i * n + j] - max);
                w += p;
                m1 += p * z1;
                s1 += p * z1 * z1;
                m2 += p * z2;
                s2 += p * z2 * z2;
            }
        }
        m1 /= w;
        m2 /= w;
        return new double[] {m1, Math.sqrt(s1 / w - m1 * m1), m2, Math.sqrt(s2 / w - m2 * m2)};
    }

    @Test
    void aUniformBoundedByAnotherLatentFitsTheExactPosteriorMoments() {
        double[] exact = exactMoments();
        Fit fit = Svi.builder(STICK).guide(AutoGuide.fullRank())
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(3000, 0.01)))
                .numParticles(8).maxSteps(3000).seed(3).build().run();
        Map<String, Tensor> draws = fit.posterior().sample(4000, RandomStream.of(8));
        double[] z1 = draws.get("z1").toArray();
        double[] z2 = draws.get("z2").toArray();
        double[][] columns = {z1, z2};
        for (int k = 0; k < 2; k++) {
            double mean = 0;
            for (double v : columns[k]) {
                mean += v / columns[k].length;
            }
            double ss = 0;
            for (double v : columns[k]) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (columns[k].length - 1));
            double exactMean = exact[2 * k];
            double exactSd = exact[2 * k + 1];
            assertThat(Math.abs(mean - exactMean)).as("z%d mean %s vs exact %s (sd %s)", k + 1, mean, exactMean, exactSd)
                    .isLessThan(0.15 * exactSd);
            assertThat(Math.abs(sd / exactSd - 1)).as("z%d sd %s vs exact %s", k + 1, sd, exactSd).isLessThan(0.10);
        }
        for (int i = 0; i < z1.length; i++) {
            assertThat(z2[i]).as("draw %d: z2 < 1 - z1", i).isLessThan(1 - z1[i]);
        }
    }

    /**
     * MAP in constrained space: the posterior density is {@code L1(z1) L2(z2) / (1 - z1)} on the
     * triangle, maximal at {@code z2 = ȳ2} and {@code z1 = ȳ1 + (S²/10) / (1 - z1)} (solved by
     * fixed-point iteration). Deterministic, so the tolerance is the optimizer's: 1e-4.
     */
    @Test
    void mapWithABoundThatIsAnotherLatentFindsTheConstrainedMode() {
        double ybar1 = Y1.mean().item();
        double ybar2 = Y2.mean().item();
        double mode1 = ybar1;
        for (int i = 0; i < 50; i++) {
            mode1 = ybar1 + S * S / 10 / (1 - mode1);
        }
        Fit fit = Svi.builder(STICK).guide(AutoGuide.delta())
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(2000, 0.001))).maxSteps(2000).seed(3).build().run();
        Map<String, Tensor> point = fit.posterior().sample(1, RandomStream.of(1));
        assertThat(point.get("z1").item()).isCloseTo(mode1, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(point.get("z2").item()).isCloseTo(ybar2, org.assertj.core.data.Offset.offset(1e-4));
    }
}
