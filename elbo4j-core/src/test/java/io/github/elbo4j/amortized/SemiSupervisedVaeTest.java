package io.github.elbo4j.amortized;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * M2 on generated data: 8 × 8 binary images of four classes, each class a random prototype (every
 * pixel on with probability ½, seeded) seen through noise that flips each pixel with probability
 * 0.3. One labeled image per class is too little for a classifier alone; the 400 unlabeled
 * images show the four clusters, which M2's unlabeled bound uses.
 */
class SemiSupervisedVaeTest {

    private static final int D = 64;
    private static final int C = 4;
    private static final double FLIP = 0.3;

    private static double[][] prototypes() {
        RandomStream rng = RandomStream.of(42);
        double[][] p = new double[C][D];
        for (int k = 0; k < C; k++) {
            for (int j = 0; j < D; j++) {
                p[k][j] = rng.nextDouble() < 0.5 ? 1 : 0;
            }
        }
        return p;
    }

    /** {@code n} noisy images, class {@code i mod C} for image i; {@code labels} receives the classes. */
    static Tensor images(int n, int[] labels, long seed) {
        double[][] proto = prototypes();
        RandomStream rng = RandomStream.of(seed);
        double[] x = new double[n * D];
        for (int i = 0; i < n; i++) {
            int k = i % C;
            labels[i] = k;
            for (int j = 0; j < D; j++) {
                x[i * D + j] = rng.nextDouble() < FLIP ? 1 - proto[k][j] : proto[k][j];
            }
        }
        return Tensor.of(x, n, D);
    }

    private static SemiSupervisedVae small() {
        return SemiSupervisedVae.builder(D, C).latent(2).hidden(32).seed(3).build();
    }

    @Test
    void withTwoLabelsPerClassM2ClassifiesBetterThanTheSameClassifierTrainedOnTheLabelsAlone() {
        int[] yl = new int[2 * C];
        Tensor xl = images(2 * C, yl, 1);
        Tensor xu = images(400, new int[400], 2);
        int[] yt = new int[400];
        Tensor xt = images(400, yt, 3);
        SemiSupervisedVaeTraining training = SemiSupervisedVaeTraining.defaults().withBatchSize(50).withEpochs(40).withLearningRate(3e-3)
                .withAlphaFraction(1.0);
        SemiSupervisedVaeFit m2 = small().train(xl, yl, xu, training);
        SemiSupervisedVaeFit alone = small().trainClassifier(xl, yl, training.withEpochs(40 * 8));
        double a2 = m2.accuracy(xt, yt);
        double a1 = alone.accuracy(xt, yt);
        // measured: M2 0.9075, alone 0.7600 (the Bayes classifier on the prototypes makes almost no error)
        assertThat(a2).isGreaterThan(0.87);
        assertThat(a1).isLessThan(0.80);
        assertThat(a2 - a1).isGreaterThan(0.1);
        double[] j = m2.objectivePerDatum();
        // 64 pixels flipped with probability 0.3 cost 64 H(0.3) = 39.1 nats at best; training starts near 47
        assertThat(j[0]).isLessThan(-45.0);
        assertThat(j[j.length - 1]).isGreaterThan(-42.0);
        // the class is in y, not in z: with z = 0 the decoder draws each class's prototype (64/64 pixels measured, 63 for class 3)
        double[][] proto = prototypes();
        double[] g = m2.generate(new int[] {0, 1, 2, 3}, Tensor.zeros(C, 2)).toArray();
        for (int c = 0; c < C; c++) {
            for (int k = 0; k < C; k++) {
                int same = 0;
                for (int p = 0; p < D; p++) {
                    same += (g[c * D + p] > 0.5) == (proto[k][p] == 1) ? 1 : 0;
                }
                // distinct random prototypes agree on about half the pixels (23 to 32 of 64 measured)
                assertThat(same).as("generated class %d against prototype %d", c, k).is(k == c
                        ? new org.assertj.core.api.Condition<>(v -> v >= 60, ">= 60 of 64")
                        : new org.assertj.core.api.Condition<>(v -> v <= 40, "<= 40 of 64"));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameFitAndAnotherSeedAnother() {
        int[] yl = new int[C];
        Tensor xl = images(C, yl, 4);
        Tensor xu = images(40, new int[40], 5);
        SemiSupervisedVaeTraining t = SemiSupervisedVaeTraining.defaults().withBatchSize(20).withEpochs(2).withLearningRate(1e-2);
        SemiSupervisedVaeFit a = small().train(xl, yl, xu, t);
        SemiSupervisedVaeFit b = small().train(xl, yl, xu, t);
        SemiSupervisedVaeFit c = small().train(xl, yl, xu, t.withSeed(2));
        assertThat(a.parameters()).hasSize(12);
        for (String name : a.parameters().keySet()) {
            assertThat(b.parameters().get(name).toArray()).as(name).containsExactly(a.parameters().get(name).toArray());
        }
        assertThat(c.parameters().get("ssvae.decoder.1.weight").toArray()).isNotEqualTo(a.parameters().get("ssvae.decoder.1.weight").toArray());
        assertThat(a.objectivePerDatum()).hasSize(2);
        assertThat(a.epochSeconds()).hasSize(2);
    }

    @Test
    void theClassifierAloneLeavesTheEncoderAndDecoderUntrained() {
        int[] yl = new int[C];
        Tensor xl = images(C, yl, 4);
        SemiSupervisedVaeFit fit = small().trainClassifier(xl, yl, SemiSupervisedVaeTraining.defaults().withEpochs(50).withLearningRate(1e-2));
        assertThat(fit.classifierOnly()).isTrue();
        assertThat(fit.parameters().keySet()).allMatch(n -> n.startsWith("ssvae.classifier."));
        // four training images, fitted: the classifier gets them right
        assertThat(fit.accuracy(xl, yl)).isEqualTo(1.0);
        for (double s : fit.classProbabilities(xl).sum(1).toArray()) {
            assertThat(s).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void badInputIsRefusedNamingTheArgumentTheValueAndTheRule() {
        int[] yl = {0, 1, 2, 3};
        Tensor xl = images(4, new int[4], 1);
        Tensor xu = images(8, new int[8], 2);
        SemiSupervisedVaeTraining t = SemiSupervisedVaeTraining.defaults().withEpochs(1);
        SemiSupervisedVae vae = small();
        assertThatThrownBy(() -> vae.train(xl, new int[] {0, 1, 4, 3}, xu, t))
                .hasMessage("labels[2] = 4: must be in [0, 4)");
        assertThatThrownBy(() -> vae.train(xl, new int[] {0, -1, 2, 3}, xu, t))
                .hasMessage("labels[1] = -1: must be in [0, 4)");
        assertThatThrownBy(() -> vae.train(xl, new int[] {0, 1, 2}, xu, t))
                .hasMessage("labels must have one entry per row of x (4), got 3");
        double[] v = xu.toArray();
        v[D + 7] = 0.5;
        assertThatThrownBy(() -> vae.train(xl, yl, Tensor.of(v, 8, D), t))
                .hasMessage("xUnlabeled[1, 7] = 0.5: pixels must be 0 or 1 (binarize the data first)");
        assertThatThrownBy(() -> vae.train(Tensor.zeros(4, 63), yl, xu, t))
                .hasMessage("xLabeled must have shape [N, 64], got [4, 63]");
        assertThatThrownBy(() -> vae.train(xl, yl, Tensor.zeros(8, 64, 1), t))
                .hasMessage("xUnlabeled must have shape [N, 64], got [8, 64, 1]");
        SemiSupervisedVaeFit fit = vae.trainClassifier(xl, yl, t);
        assertThatThrownBy(() -> fit.generate(new int[] {0, 5}, Tensor.zeros(2, 2)))
                .hasMessage("labels[1] = 5: must be in [0, 4)");
        assertThatThrownBy(() -> fit.generate(new int[] {0, 1}, Tensor.zeros(2, 3)))
                .hasMessage("z must have shape [N, 2], got [2, 3]");
        assertThatThrownBy(() -> fit.accuracy(xl, new int[] {0, 1}))
                .hasMessage("labels must have one entry per row of x (4), got 2");
        assertThatThrownBy(() -> fit.classify(Tensor.full(2.0, 1, D)))
                .hasMessage("x[0, 0] = 2.0: pixels must be 0 or 1 (binarize the data first)");
        assertThatThrownBy(() -> SemiSupervisedVae.builder(64, 1))
                .hasMessage("classes must be >= 2, got 1");
        assertThatThrownBy(() -> SemiSupervisedVaeTraining.defaults().withAlphaFraction(-0.1))
                .hasMessage("alphaFraction must be finite and >= 0, got -0.1");
        assertThatThrownBy(() -> SemiSupervisedVaeTraining.defaults().withLabeledBatchSize(0))
                .hasMessage("labeledBatchSize must be >= 1, got 0");
        assertThatThrownBy(() -> vae.train(Tensor.zeros(0, 64), new int[0], Tensor.zeros(0, 64), t))
                .hasMessage("the training data must hold at least one example, got 0 labeled and 0 unlabeled");
    }
}
