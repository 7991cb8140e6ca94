package io.github.elbo4j.distribution.multivariate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The density of a multivariate normal at its own draw {@code x = μ + L ε} is scored from the noise,
 * {@code -‖ε‖²/2 - Σ log L_ii - (d/2) log 2π}, not by solving {@code L⁻¹(x - μ)}: with an
 * ill-conditioned factor (a diagonal of 1e-14 under an entry of 1e8) the solve turns the rounding of
 * {@code x - μ} into a Mahalanobis distance of order 1e17. That garbage was an ELBO of 1e156 that
 * Stan's step-size search chose η = 1 for, on the full-rank benchmark fit (docs/benchmarks.md).
 */
class OwnDrawDensityTest {

    private static final Tensor L = Tensor.of(new double[] {1e-14, 0, 1e8, 1.0}, 2, 2);
    private static final Tensor MU = Tensor.of(0.7, -1.3);

    private static double exact(double[] eps) {
        return -0.5 * (eps[0] * eps[0] + eps[1] * eps[1]) - Math.log(1e-14) - Math.log(1.0) - Math.log(2 * Math.PI);
    }

    @Test
    void theOwnDrawIsScoredFromItsNoiseAlsoWhenReshaped() {
        for (int i = 0; i < 5; i++) {
            MultivariateNormal d = MultivariateNormal.ofScaleTril(Var.constant(MU), Var.constant(L));
            Var x = d.rsample(RandomStream.of(3).split(i));
            double[] eps = new double[2];
            RandomStream.of(3).split(i).fillGaussian(eps);
            assertThat(d.logProb(x).item()).as("draw %d", i).isCloseTo(exact(eps), Offset.offset(1e-9));
            // the value a particle handler stores: the same numbers with a leading axis
            Var padded = x.reshape(1, 2);
            assertThat(d.logProb(padded).shape()).containsExactly(1);
            assertThat(d.logProb(padded).item()).isCloseTo(exact(eps), Offset.offset(1e-9));
            // a new distribution object (the re-scored guide of sticking the landing) solves: here that is garbage,
            // which is what the own-draw path avoids
            MultivariateNormal fresh = MultivariateNormal.ofScaleTril(Var.constant(MU), Var.constant(L));
            assertThat(Math.abs(fresh.logProb(x).item() - exact(eps))).isGreaterThan(1e3);
        }
    }

    @Test
    void anotherPointIsStillScoredByTheSolve() {
        Tensor wellConditioned = Tensor.of(new double[] {2.0, 0, 0.5, 1.0}, 2, 2);
        MultivariateNormal d = MultivariateNormal.ofScaleTril(Var.constant(MU), Var.constant(wellConditioned));
        d.rsample(RandomStream.of(1));
        // x = μ + L (1, -1): L ε = (2, -0.5), so ε = (1, -1) and log p = -1 - log 2 - log 1 - log 2π
        Var x = Var.constant(Tensor.of(2.7, -1.8));
        assertThat(d.logProb(x).item()).isCloseTo(-1 - Math.log(2) - Math.log(2 * Math.PI), Offset.offset(1e-12));
    }
}
