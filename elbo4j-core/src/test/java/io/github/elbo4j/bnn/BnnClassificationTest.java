package io.github.elbo4j.bnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BnnClassificationTest {

    /** {@code log softmax([1, 2, 3])_2 = 3 - log(e + e² + e³)} and {@code _0 = 1 - log(...)}, summed over two draws. */
    @Test
    void softmaxLogLikelihoodByHand() {
        Tensor logits = Tensor.of(new double[] {1, 2, 3, 0, 0, 0, 1, 2, 3, 0, 0, 0}, 2, 2, 3);
        double lse = Math.log(Math.E + Math.exp(2) + Math.exp(3));
        double expected = 2 * ((3 - lse) + (0 - Math.log(3)));
        assertThat(BnnClassification.logLikelihood(Var.constant(logits), new int[] {2, 1}).item()).isCloseTo(expected, within(1e-14));
        GradientChecker.Result g = GradientChecker.check(v -> BnnClassification.logLikelihood(v[0], new int[] {0, 2}), logits.mul(0.7));
        assertThat(g.maxError()).as("%s", g).isLessThan(1e-8);
    }

    /**
     * Three Gaussian blobs in 2-D (sd 0.5, centres 2 apart on a triangle: the Bayes classifier errs on
     * about 2%); every method, fitted on 300 points, classifies 600 new points at least 93% right and
     * is not overconfident there (ECE under 0.06). A sign error in the likelihood, a label mix-up or a
     * penalty that swamps the data fails this.
     */
    @Test
    void everyMethodLearnsThreeBlobs() {
        Tensor[] train = blobs(300, 1);
        Tensor[] test = blobs(600, 2);
        int[] yTrain = labels(train[1]);
        int[] yTest = labels(test[1]);
        BnnClassification[] methods = {
            BnnClassification.of(BayesianMlp.of(Activation.RELU, 2, 20, 3)).withOptimizer(io.github.elbo4j.optim.Adam.lr(1e-2)),
            BnnClassification.of(BayesianMlp.of(Activation.RELU, 2, 20, 3).withPosterior(WeightPosterior.MATRIX_GAUSSIAN)
                    .withLocalReparameterization(true)).withOptimizer(io.github.elbo4j.optim.Adam.lr(1e-2)),
            BnnClassification.mcDropout(Activation.RELU, 0.2, 1.0, 2, 20, 3).withOptimizer(io.github.elbo4j.optim.Adam.lr(1e-2)),
            BnnClassification.plain(Activation.RELU, 1.0, 2, 20, 3).withOptimizer(io.github.elbo4j.optim.Adam.lr(1e-2))};
        for (BnnClassification m : methods) {
            ClassifierFit fit = m.withBatchSize(50).fit(train[0], yTrain, 60, 3);
            Calibration c = fit.calibration(test[0], yTest, 50, RandomStream.of(4));
            assertThat(c.accuracy()).as("%s: %s", m, c).isGreaterThan(0.93);
            assertThat(c.expectedCalibrationError()).as("%s: %s", m, c).isLessThan(0.06);
        }
    }

    private static Tensor[] blobs(int n, long seed) {
        RandomStream rng = RandomStream.of(seed);
        double[][] centre = {{0, 0}, {2, 0}, {1, Math.sqrt(3)}};
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            x[2 * i] = centre[k][0] + 0.5 * rng.nextGaussian();
            x[2 * i + 1] = centre[k][1] + 0.5 * rng.nextGaussian();
            y[i] = k;
        }
        return new Tensor[] {Tensor.of(x, n, 2), Tensor.of(y)};
    }

    private static int[] labels(Tensor y) {
        double[] v = y.toArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    @Test
    void samePredictionsForTheSameSeedAndPlainPassesAreEqual() {
        Tensor[] train = blobs(60, 5);
        int[] y = labels(train[1]);
        BnnClassification plain = BnnClassification.plain(Activation.TANH, 1.0, 2, 5, 3).withBatchSize(20);
        ClassifierFit a = plain.fit(train[0], y, 3, 7);
        ClassifierFit b = plain.fit(train[0], y, 3, 7);
        assertThat(a.trace()).containsExactly(b.trace());
        Tensor one = a.probabilities(train[0], 1, RandomStream.of(1));
        assertThat(a.probabilities(train[0], 25, RandomStream.of(2)).sub(one).square().max().item()).isLessThan(1e-24);
        assertThat(one.sum(1).sub(1).square().max().item()).isLessThan(1e-24);
    }

    @Test
    void badInputIsRefusedNamingTheValueAndTheRule() {
        assertThatThrownBy(() -> BnnClassification.of(BayesianMlp.of(Activation.RELU, 2, 5, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BnnClassification sizes must be at least 2 and end with >= 2 classes, got [2, 5, 1]");
        assertThatThrownBy(() -> BnnClassification.plain(Activation.RELU, 0.0, 2, 5, 3))
                .hasMessage("BnnClassification prior scale must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> BnnClassification.plain(Activation.RELU, 1.0, 2, 0, 3))
                .hasMessage("BnnClassification sizes must be >= 1, got [2, 0, 3]");
        assertThatThrownBy(() -> BnnClassification.mcDropout(Activation.RELU, 0.0, 1.0, 2, 5, 3))
                .hasMessage("BnnClassification dropout p must be in (0, 1), got 0.0 (use plain(...) for a network without dropout)");
        BnnClassification c = BnnClassification.plain(Activation.RELU, 1.0, 2, 5, 3);
        assertThatThrownBy(() -> c.fit(Tensor.zeros(4, 2), new int[] {0, 1, 2, 3}, 1, 0))
                .hasMessage("BnnClassification labels[3] = 3 must be in [0, 3)");
        assertThatThrownBy(() -> c.fit(Tensor.zeros(4, 3), new int[] {0, 1, 2, 0}, 1, 0))
                .hasMessage("BnnClassification x must have shape [4, 2] (one row per label), got [4, 3]");
        assertThatThrownBy(() -> c.fit(Tensor.zeros(4, 2), new int[] {0, 1, 2, 0}, 0, 0))
                .hasMessage("BnnClassification epochs must be >= 1, got 0");
        assertThatThrownBy(() -> c.withBatchSize(0)).hasMessage("BnnClassification batch size must be >= 1, got 0");
        assertThatThrownBy(() -> c.withParticles(0)).hasMessage("BnnClassification particles must be >= 1, got 0");
    }
}
