package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.cavi.gmm.CovarianceType;
import io.github.elbo4j.cavi.gmm.GaussianMixtureResult;
import io.github.elbo4j.cavi.gmm.GaussianMixtureVI;
import io.github.elbo4j.cavi.gmm.WeightPrior;
import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Categorical;
import io.github.elbo4j.distribution.multivariate.Dirichlet;
import io.github.elbo4j.infer.elbo.ElboEstimator;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.InitStrategy;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.LearningRateSchedule;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Bayesian Gaussian mixture written in the Model API with its labels enumerated, fitted by SVI
 * with a mean-field guide over the continuous latents only, against the CAVI mixture
 * ({@link GaussianMixtureVI}) on the same data with the same prior: weights
 * {@code π ~ Dirichlet(α0 1)}, precisions {@code λ_k ~ Gamma(ν0/2, ψ0/2)} (shape, rate), means
 * {@code μ_k | λ_k ~ N(m0, (β0 λ_k)⁻¹)}, labels {@code z_n ~ Cat(π)}, {@code x_n ~ N(μ_{z_n}, λ_{z_n}⁻¹)}
 * (CovarianceType.DIAGONAL with D = 1 is exactly this Normal-Gamma model).
 *
 * <p>What should agree: the posterior means of the component locations and of the weights. Both
 * methods approximate the same posterior; with clusters 5 to 6 sds apart the responsibilities are
 * 0 or 1 to within e^{-12}, so CAVI's factorization {@code q(z) q(θ)} loses nothing there and both
 * means are the exact posterior means up to O(1/N_k) skew terms (about 1% of a posterior sd at
 * N_k ≥ 60). What differs is noise: the SVI fit's last iterate scatters around its optimum with the
 * step size (annealed to 1% of 0.05 by the cosine schedule) and its weight means are averages of
 * 20,000 draws of q (standard error sd/141 ≈ 0.7% of a posterior sd). Measured with this seed: the
 * locations differ by at most 0.054 posterior sd and the weights by 0.001. The tolerances, 0.2 posterior
 * sd for a location (sd_μ = σ_k/√N_k) and 0.05 for a weight (sd_π = √(π(1-π)/N); 7 standard errors of
 * the draws' average), leave room for the optimizer's scatter and still catch a weight that ignored
 * the Dirichlet prior's pseudo-count (0.06 sd off for the largest component) and are far below what a
 * wrong answer gives: a mixture whose labels were drawn from the prior instead of summed out
 * fits one blurred component (errors of several sds), and a plate summed before the labels gives a
 * different likelihood altogether.
 */
class EnumeratedMixtureTest {

    private static final int K = 3;
    private static final double ALPHA0 = 1.0;
    private static final double M0 = 0.0;
    private static final double BETA0 = 0.01;
    private static final double NU0 = 2.0;
    private static final double PSI0 = 1.0;
    private static final double[] TRUE_MEANS = {-5.0, 0.0, 6.0};
    private static final double[] TRUE_SDS = {1.0, 0.7, 1.2};
    private static final int[] COUNTS = {150, 90, 60};

    private static double[] data() {
        RandomStream rng = RandomStream.of(5);
        int n = Arrays.stream(COUNTS).sum();
        double[] x = new double[n];
        int i = 0;
        for (int k = 0; k < K; k++) {
            double[] e = Normal.of(0, 1).sample(rng.split(k), COUNTS[k]).toArray();
            for (double v : e) {
                x[i++] = TRUE_MEANS[k] + TRUE_SDS[k] * v;
            }
        }
        return x;
    }

    /** The model: component parameters as event vectors [K], so {@code take(-1, z)} picks them by label. */
    static Model mixture(double[] x) {
        Tensor data = Tensor.of(x);
        return m -> {
            Var weights = m.sample("weights", Dirichlet.of(Tensor.full(ALPHA0, K)));
            Var precision = m.sample("precision", Gamma.of(NU0 / 2, PSI0 / 2).expand(K).toEvent(1));
            Var loc = m.sample("loc", Normal.of(Var.constant(M0), precision.mul(BETA0).pow(-0.5)).toEvent(1));
            m.plate("data", x.length, p -> {
                Var z = m.sample("z", Categorical.ofProbs(weights));
                m.observe("x", Normal.of(loc.take(-1, z.value()), precision.take(-1, z.value()).pow(-0.5)), data);
            });
        };
    }

    @Test
    void theEnumeratedMixtureReachesTheCaviMixturesPosteriorMeans() {
        double[] x = data();
        GaussianMixtureResult cavi = GaussianMixtureVI.builder().components(K).weightPrior(WeightPrior.dirichlet(ALPHA0))
                .covarianceType(CovarianceType.DIAGONAL).meanPrior(M0).meanPrecisionPrior(BETA0).degreesOfFreedomPrior(NU0)
                .covariancePrior(new double[][] {{PSI0}}).seed(2).build().fit(column(x));
        int steps = 3000;
        Fit fit = Svi.builder(mixture(x)).guide(AutoGuide.meanField()).elbo(ElboEstimator.traceEnum())
                .init(InitStrategy.values(Map.of("loc", Tensor.of(-2.0, 0.0, 2.0))))
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(steps, 0.01))).numParticles(4)
                .maxSteps(steps).convergence(Convergence.none()).seed(1).build().run();
        GuidePosterior q = (GuidePosterior) fit.posterior();
        assertThat(q.latentNames()).containsExactly("weights", "precision", "loc");

        double[] sviLoc = q.location("loc").toArray();
        double[] sviWeights = q.sample("weights", 20_000, RandomStream.of(9)).mean(0).toArray();
        double[] caviLoc = cavi.means().toArray();
        double[] caviWeights = cavi.weights().toArray();
        Integer[] sviOrder = order(sviLoc);
        Integer[] caviOrder = order(caviLoc);
        int n = x.length;
        for (int r = 0; r < K; r++) {
            int s = sviOrder[r];
            int c = caviOrder[r];
            double sdLoc = TRUE_SDS[r] / Math.sqrt(COUNTS[r]);
            double pi = caviWeights[c];
            double sdWeight = Math.sqrt(pi * (1 - pi) / n);
            assertThat(Math.abs(sviLoc[s] - caviLoc[c])).as("component %d location: SVI %s, CAVI %s", r, sviLoc[s], caviLoc[c])
                    .isLessThan(0.2 * sdLoc);
            assertThat(Math.abs(sviWeights[s] - caviWeights[c])).as("component %d weight: SVI %s, CAVI %s", r, sviWeights[s], pi)
                    .isLessThan(0.05 * sdWeight);
        }
        // responsibilities: (1/S) Σ_s p(z_n = k | x, θ_s) over S = 1,000 draws of q, against CAVI's
        // q(z_n = k) ∝ exp E_q[log π_k + log N(x_n | μ_k, λ_k⁻¹)]. The two are different functionals of
        // nearly the same posterior: they agree where a label is certain and differ, by terms of second
        // order in q's spread of the log-odds, at the few points between clusters (measured: largest
        // difference 0.033, mean 3e-4). Labels swapped, or responsibilities of a wrong posterior, are
        // off by O(1) at most points.
        double[] sviResp = q.discretePosterior(1000, RandomStream.of(10)).get("z").toArray();
        double[] caviResp = cavi.responsibilities().toArray();
        double worst = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < K; r++) {
                double d = Math.abs(sviResp[i * K + sviOrder[r]] - caviResp[i * K + caviOrder[r]]);
                worst = Math.max(worst, d);
                total += d / (n * K);
            }
        }
        assertThat(worst).as("largest responsibility difference").isLessThan(0.1);
        assertThat(total).as("mean responsibility difference").isLessThan(0.005);
        // the PSIS check scores q against log Σ_z p(x, z, θ): labels drawn from their prior there
        // would make the importance ratios explode (k̂ far above 0.7)
        assertThat(fit.paretoK()).isPresent();
        assertThat(fit.paretoK().getAsDouble()).isLessThan(0.7);
    }

    @Test
    void withoutEnumerationTheAutomaticGuideRefusesTheLabelsAndSaysHowToSumThemOut() {
        Model m = mixture(new double[] {0.1, 2.0, -1.0});
        assertThatThrownBy(() -> Svi.of(m).run()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latent site 'z'").hasMessageContaining("ElboEstimator.traceEnum()");
    }

    @Test
    void enumerationRefusesDeterministicVi() {
        Model m = mixture(new double[] {0.1, 2.0, -1.0});
        assertThatThrownBy(() -> Svi.builder(m).elbo(ElboEstimator.traceEnum()).method(Svi.Method.DETERMINISTIC).build().run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enumerates discrete sites");
    }

    @Test
    void aSavedEnumeratedFitLoadsWithItsLabelsStillSummedOut(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        double[] x = {-5.2, -4.1, -4.9, 0.3, -0.2, 6.1, 5.7, 6.4};
        Model m = mixture(x);
        Fit fit = Svi.builder(m).elbo(ElboEstimator.traceEnum()).init(InitStrategy.values(Map.of("loc", Tensor.of(-2.0, 0.0, 2.0))))
                .maxSteps(200).convergence(Convergence.none()).diagnosticDraws(0).seed(4).build().run();
        java.nio.file.Path file = dir.resolve("mixture.json");
        fit.save(file);
        // without the enumeration the loaded model's labels would be refused by the automatic guide's layout
        GuidePosterior loaded = (GuidePosterior) Fit.load(file, m).posterior();
        GuidePosterior original = (GuidePosterior) fit.posterior();
        assertThat(loaded.location("loc").toArray()).containsExactly(original.location("loc").toArray());
        assertThat(loaded.discretePosterior(50, RandomStream.of(1)).get("z").toArray())
                .containsExactly(original.discretePosterior(50, RandomStream.of(1)).get("z").toArray());
        // and its log ratios sum the labels out (equal to the original's for the same draws)
        assertThat(loaded.logRatios(m, 20, RandomStream.of(2)).logRatios())
                .containsExactly(original.logRatios(m, 20, RandomStream.of(2)).logRatios());
    }

    private static double[][] column(double[] x) {
        double[][] out = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            out[i][0] = x[i];
        }
        return out;
    }

    private static Integer[] order(double[] v) {
        Integer[] idx = {0, 1, 2};
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        return idx;
    }
}
