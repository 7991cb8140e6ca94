package io.github.elbo4j.amortized;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.LogNormal;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Subsampling;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.nn.Mlp;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An amortized guide for a positive local latent: {@code s_i ~ LogNormal(0, 1)},
 * {@code x_i | s_i ~ N(0, s_i)}. In {@code u = log s}, {@code log p(u, x) = -u²/2 - u - x² e^{-2u}/2 + c},
 * and for {@code q(u) = N(m, σ²)} the ELBO is in closed form:
 * {@code -(m² + σ²)/2 - m - x² e^{-2m + 2σ²}/2 + log σ + c'}. Its stationary point satisfies
 * {@code m = A - 1} and {@code σ² = 1/(1 + 2A)} with {@code A = x² e^{-2m + 2σ²}}, i.e. the root of
 * {@code x² exp(-2m + 2/(2m + 3)) = m + 1} on {@code m > -1} (the left side falls, the right rises:
 * one root, found by bisection). The encoder's {@code μ(x)} must track this optimal mean across
 * {@code x}: each datum's best Gaussian, which amortization should reach.
 */
class AmortizedGuideTest {

    /** The mean of the best Gaussian guide for {@code x}: the root of {@code x² exp(-2m + 2/(2m+3)) - (m + 1)}. */
    private static double optimalMean(double x) {
        double lo = -1.0;
        double hi = 10.0;
        for (int i = 0; i < 200; i++) {
            double m = (lo + hi) / 2;
            double h = x * x * Math.exp(-2 * m + 2 / (2 * m + 3)) - (m + 1);
            if (h > 0) {
                lo = m;
            } else {
                hi = m;
            }
        }
        return (lo + hi) / 2;
    }

    private static Model model(Tensor x) {
        return m -> m.plate("data", x.dim(0), Math.min(50, x.dim(0)), p -> {
            Var s = m.sample("s", LogNormal.of(0, 1));
            m.observe("x", Normal.of(Var.constant(0.0), s), p.subsample(x).reshape(-1));
        });
    }

    @Test
    void theEncoderLearnsThePosteriorMeanOfAPositiveLatentForEveryDatum() {
        int n = 500;
        RandomStream rng = RandomStream.of(11);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.exp(rng.nextGaussian()) * rng.nextGaussian();
        }
        Tensor data = Tensor.of(x, n, 1);
        Model model = model(data);
        Mlp encoder = AmortizedGuide.encoderFor(model, "data", data, "encoder", 1L, 32);
        Model guide = AmortizedGuide.of(model, "data", data, encoder);
        Fit fit = Svi.builder(model).guide(guide).optimizer(Adam.lr(0.004)).subsampling(Subsampling.epochs()).seed(2)
                .numParticles(8).maxSteps(8000).convergence(io.github.elbo4j.infer.Convergence.none()).diagnosticDraws(0).build().run();
        Map<String, Var> params = new LinkedHashMap<>();
        fit.parameters().forEach((k, v) -> params.put(k, Var.constant(v)));
        // not x = 0 itself: the optimal mean has a cusp there that a small ReLU network rounds off
        double[] probe = {-3.0, -1.0, -0.2, 0.5, 2.0, 4.0};
        Tensor out = encoder.forward(ModelContext.of(new SubstituteHandler(params::get)), Var.constant(Tensor.of(probe, probe.length, 1))).value();
        for (int i = 0; i < probe.length; i++) {
            double exact = optimalMean(probe[i]);
            // the optimal means range from -0.6 to 1.2 over the probes; an encoder that ignores x misses
            // by more than 0.8 at one of them; the last iterate of Adam wanders by about 0.1 (seen over seeds)
            assertThat(out.get(i, 0)).as("x = %s, optimal mean of log s = %s", probe[i], exact)
                    .isCloseTo(exact, org.assertj.core.data.Offset.offset(0.2));
        }
    }

    @Test
    void theGuidesDensityIsTheLogNormalTheEncoderDescribes() {
        // at the encoder's initial weights, each datum's ELBO estimate (4000 draws) against the closed form
        // -log(2π)/2 - (m² + σ²)/2 - m - x² e^{-2m + 2σ²}/2 + log σ + 1/2 with (m, log σ²) the encoder's output:
        // catches a wrong Jacobian, a wrong slice of the output or σ read as exp(log σ²)
        double[] x = {-2.0, -0.7, 0.1, 0.4, 1.5, 3.0};
        Tensor data = Tensor.of(x, x.length, 1);
        Model model = model(data);
        Mlp encoder = AmortizedGuide.encoderFor(model, "data", data, "encoder", 5L, 8);
        Map<String, Tensor> init = new LinkedHashMap<>();
        for (var layer : encoder.layers()) {
            init.put(layer.weightName(), layer.weightInit().mul(2.0));
            init.put(layer.biasName(), layer.biasInit());
        }
        // log σ² near -3: with a wide guide e^{-2u} is heavy-tailed and a Monte Carlo mean is no check
        var last = encoder.layers().get(encoder.layers().size() - 1);
        init.put(last.biasName(), Tensor.of(0.3, -3.0));
        Map<String, Var> params = new LinkedHashMap<>();
        init.forEach((k, v) -> params.put(k, Var.constant(v)));
        Tensor out = encoder.forward(ModelContext.of(new SubstituteHandler(params::get)), Var.constant(data)).value();
        double[] elbo = PerDatumBounds.of(model, AmortizedGuide.of(model, "data", data, encoder), init, "data")
                .elbo(4000, RandomStream.of(9));
        for (int i = 0; i < x.length; i++) {
            double m = out.get(i, 0);
            double var = Math.exp(out.get(i, 1));
            double exact = -0.5 * Math.log(2 * Math.PI) - (m * m + var) / 2 - m - x[i] * x[i] * Math.exp(-2 * m + 2 * var) / 2
                    + 0.5 * Math.log(var) + 0.5;
            // sd of log w is below 1 for these data and guides (σ² <= 0.2): 4 SE = 4 * 1 / sqrt(4000) = 0.07
            assertThat(elbo[i]).as("datum %d (m %s, var %s)", i, m, var).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.07));
        }
    }

    @Test
    void aGlobalLatentGetsAMeanFieldGuideThatFindsItsPosteriorMean() {
        // mu ~ N(0, 10²), z_i ~ N(0, 1), x_i | mu, z_i ~ N(mu + z_i, 1): marginally x_i ~ N(mu, 2), so
        // the posterior of mu is normal with precision 1/100 + n/2 and mean (Σ x_i / 2) / precision; a
        // Gaussian model's mean-field optimum has the exact means (Bishop, PRML sec. 10.1.2)
        int n = 200;
        RandomStream rng = RandomStream.of(21);
        double[] x = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = 1.5 + rng.nextGaussian() + rng.nextGaussian();
            sum += x[i];
        }
        Tensor data = Tensor.of(x, n, 1);
        Model model = m -> {
            Var mu = m.sample("mu", Normal.of(0, 10));
            m.plate("data", n, 50, p -> {
                Var z = m.sample("z", Normal.of(0, 1));
                m.observe("x", Normal.of(mu.add(z), 1.0), p.subsample(data).reshape(-1));
            });
        };
        Model guide = AmortizedGuide.of(model, "data", data, "encoder", 3L, 16);
        Fit fit = Svi.builder(model).guide(guide).optimizer(Adam.lr(0.01)).subsampling(Subsampling.epochs()).seed(4).numParticles(4)
                .maxSteps(4000).convergence(io.github.elbo4j.infer.Convergence.none()).diagnosticDraws(0).build().run();
        double precision = 1.0 / 100 + n / 2.0;
        double exactMean = (sum / 2) / precision;
        // the posterior sd of mu is 0.1; minibatch noise in the last iterate moves the mean by a few hundredths;
        // a guide that ignored the data or dropped the global would be off by about 1.5
        assertThat(fit.parameter("amortized.mu.loc").item()).isCloseTo(exactMean, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void aLatentInAnotherPlateAndAMissingPlateAreRefusedNamingThem() {
        Tensor x = Tensor.of(new double[] {0.1, 0.2, 0.3, 0.4}, 4, 1);
        Model withGroups = m -> {
            m.plate("groups", 3, g -> m.sample("mu", Normal.of(0, 1)));
            m.plate("data", 4, 2, p -> m.sample("z", Normal.of(0, 1)));
        };
        assertThatThrownBy(() -> AmortizedGuide.of(withGroups, "data", x, "enc", 1L, 8))
                .hasMessageContaining("site 'mu'").hasMessageContaining("plate 'data'");
        assertThatThrownBy(() -> AmortizedGuide.of(model(x), "rows", x, "enc", 1L, 8))
                .hasMessageContaining("no site inside a plate named 'rows'");
        Tensor wrongRows = Tensor.zeros(5, 1);
        assertThatThrownBy(() -> AmortizedGuide.of(model(x), "data", wrongRows, "enc", 1L, 8))
                .hasMessageContaining("plate 'data' has size 4 but data has 5 rows");
    }
}
