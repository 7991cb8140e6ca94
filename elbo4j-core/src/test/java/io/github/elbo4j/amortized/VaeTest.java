package io.github.elbo4j.amortized;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.nn.Linear;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The VAE on generated binary images: 4 × 4 images from three prototypes (a horizontal bar, a
 * vertical bar, a diagonal) with each pixel flipped with probability 0.05. A VAE with a 2-D
 * latent should learn to tell them apart: its reconstructions recover the prototype.
 */
class VaeTest {

    private static final double[][] PROTOTYPES = {
        {0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0},
        {0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0},
        {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1},
    };

    /** {@code n} noisy images; {@code labels[i]} receives the prototype of image i. */
    static Tensor images(int n, int[] labels, long seed) {
        RandomStream rng = RandomStream.of(seed);
        double[] x = new double[n * 16];
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            labels[i] = k;
            for (int j = 0; j < 16; j++) {
                boolean flip = rng.nextDouble() < 0.05;
                x[i * 16 + j] = flip ? 1 - PROTOTYPES[k][j] : PROTOTYPES[k][j];
            }
        }
        return Tensor.of(x, n, 16);
    }

    private static Vae small() {
        return Vae.builder(16).latent(2).hidden(32).seed(3).build();
    }

    @Test
    void trainingRaisesTheElboAndReconstructionsRecoverThePrototypes() {
        int[] labels = new int[300];
        Tensor train = images(300, labels, 1);
        int[] testLabels = new int[60];
        Tensor test = images(60, testLabels, 2);
        VaeFit fit = small().train(train, VaeTraining.defaults().withBatchSize(30).withEpochs(40).withLearningRate(0.01));
        double[] elbo = fit.trainElboPerDatum();
        assertThat(elbo).hasSize(40);
        // 16 pixels: a useless model scores 16 log 2 = 11.1 nats; the noise floor is 16 H(0.05) = 3.2 nats
        assertThat(elbo[0]).isLessThan(-8.0);
        assertThat(elbo[39]).isGreaterThan(-6.0);
        Tensor rec = fit.reconstruct(test);
        double[] r = rec.toArray();
        int right = 0;
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 16; j++) {
                right += (r[i * 16 + j] > 0.5) == (PROTOTYPES[testLabels[i]][j] == 1) ? 1 : 0;
            }
        }
        assertThat(right / 960.0).isGreaterThan(0.97);
        double heldElbo = fit.elbo(test, 20, RandomStream.of(4));
        double heldLl = fit.logLikelihood(test, 200, RandomStream.of(5));
        // the bound tightens with k, and no model beats the noise floor by much on 60 images
        assertThat(heldLl).isGreaterThan(heldElbo + 0.1).isLessThan(-3.0);
    }

    @Test
    void theSameSeedGivesTheSameNetworkAndEarlyStoppingKeepsTheBestEpoch() {
        int[] labels = new int[90];
        Tensor train = images(90, labels, 7);
        Tensor held = images(30, new int[30], 8);
        VaeTraining t = VaeTraining.defaults().withBatchSize(30).withEpochs(6).withLearningRate(0.01).withHeldOut(held, 2);
        VaeFit a = small().train(train, t);
        VaeFit b = small().train(train, t);
        for (Map.Entry<String, Tensor> e : a.parameters().entrySet()) {
            assertThat(b.parameters().get(e.getKey()).toArray()).as(e.getKey()).containsExactly(e.getValue().toArray());
        }
        double[] scores = a.history().heldOut();
        int best = a.history().bestEpoch();
        for (double s : scores) {
            assertThat(scores[best - 1]).isGreaterThanOrEqualTo(s);
        }
    }

    @Test
    void trainingByTheImportanceWeightedBoundWorksAndUsesItsDraws() {
        int[] labels = new int[90];
        Tensor train = images(90, labels, 9);
        VaeFit fit = small().train(train, VaeTraining.defaults().withBatchSize(30).withEpochs(15).withLearningRate(0.01)
                .withImportanceSamples(5));
        double[] elbo = fit.trainElboPerDatum();
        assertThat(elbo[14]).isGreaterThan(elbo[0] + 2.0);
    }

    @Test
    void aNonBinaryPixelIsRefusedNamingItsPosition() {
        double[] x = new double[3 * 16];
        x[16 + 5] = 0.5;
        assertThatThrownBy(() -> small().train(Tensor.of(x, 3, 16), VaeTraining.defaults()))
                .hasMessageContaining("x[1, 5] = 0.5").hasMessageContaining("Bernoulli decoder needs 0 or 1");
    }

    @Test
    void aDecoderOfTheWrongOutputSizeIsRefusedWithBothShapes() {
        Vae wrong = Vae.builder(16).latent(2).hidden(8).decoderNetwork(Linear.of("dec", 2, 15)).build();
        assertThatThrownBy(() -> wrong.train(images(30, new int[30], 1), VaeTraining.defaults().withBatchSize(10).withEpochs(1)))
                .hasMessageContaining("the decoder must map z of shape").hasMessageContaining(", 10, 16]").hasMessageContaining("15]");
    }

    @Test
    void aHandWrittenGuideWithoutTheLocalLatentIsRefusedNamingIt() {
        Tensor x = images(30, new int[30], 1);
        Vae vae = small();
        Model emptyGuide = m -> m.plate(Vae.PLATE, 30, 10, p -> m.sample("w", Normal.of(0, 1)));
        assertThatThrownBy(() -> Svi.builder(vae.model(x, 10)).guide(emptyGuide).optimizer(Adam.lr(0.01)).maxSteps(2).build().run())
                .hasMessageContaining("the guide has no site 'z'").hasMessageContaining("plate(s) [data]");
    }
}
