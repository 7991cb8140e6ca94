package io.github.elbo4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A layer's params are ordinary params to the SVI loop: registered in the fit's store under the
 * layer's names, stepped by the optimizer, returned by the fit.
 */
class LayersInSviTest {

    @Test
    void sviFitsALinearLayersWeightsToTheLeastSquaresSolution() {
        // y = x [2, -1]ᵀ + 0.5 + noise(sd 0.1) on 200 rows; a latent offset z ~ N(0, 1) keeps a guide
        // in play (the bias and z trade off, the weights are identified). The weights' posterior sd is
        // about 0.1 / √200 = 0.007; the tolerance 0.05 leaves room for the optimizer's last steps.
        int n = 200;
        RandomStream rng = RandomStream.of(3);
        double[] x = new double[n * 2];
        rng.fillGaussian(x);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 2 * x[2 * i] - x[2 * i + 1] + 0.5 + 0.1 * rng.nextGaussian();
        }
        Tensor xs = Tensor.of(x, n, 2);
        Tensor ys = Tensor.of(y, n);
        Linear lin = Linear.of("lin", 2, 1);
        Model model = m -> {
            Var z = m.sample("z", Normal.of(0.0, 1.0));
            Var mean = lin.forward(m, Var.constant(xs)).reshape(n).add(z);
            m.plate("rows", n, p -> m.observe("y", Normal.of(mean, Var.constant(0.1)), ys));
        };
        Fit fit = Svi.builder(model).guide(AutoGuide.meanField()).optimizer(Adam.lr(0.05)).maxSteps(1500)
                .convergence(Convergence.none()).diagnosticDraws(0).seed(1).build().run();
        double[] w = fit.parameter("lin.weight").toArray();
        assertThat(fit.parameter("lin.bias").shape()).containsExactly(1);
        assertThat(w[0]).isCloseTo(2.0, offset(0.05));
        assertThat(w[1]).isCloseTo(-1.0, offset(0.05));
    }
}
