package io.github.elbo4j.bnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BnnRegressionTest {

    /** The gap design of the peers: x ~ U(-4,-1) (first half) and U(1,4), y = x³/20 + N(0, 0.15²). */
    static Tensor[] gapData(int n, long seed) {
        RandomStream rng = RandomStream.of(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double u = 3 * rng.nextDouble();
            x[i] = i < n / 2 ? -4 + u : 1 + u;
            y[i] = x[i] * x[i] * x[i] / 20 + 0.15 * rng.nextGaussian();
        }
        return new Tensor[] {Tensor.of(x, n, 1), Tensor.of(y)};
    }

    private static final Tensor QUERY = Tensor.of(new double[] {-6, -1, 0, 1, 6}, 5, 1);

    /**
     * A mean-field Gaussian posterior over a one-hidden-layer network cannot put more epistemic
     * variance between two inputs than the sum at the two (Foong, Burt, Li &amp; Turner, NeurIPS
     * 2020, Theorem 1): the band at x = 0 stays under that bound (15% slack for 4000 draws), so it
     * is not wider in the gap than at its edges, and it is narrower there than on the data on average
     * (the peer, PyTorch, gives 0.014 in the gap and 0.052 on the test data). Away from the data,
     * at |x| = 6, the band is more than twice the data's.
     */
    @Test
    void epistemicBandOfTheGapDesign() {
        Tensor[] d = gapData(500, 1);
        BnnFit fit = BnnRegression.of(BayesianMlp.of(Activation.RELU, 1, 50, 1), 0.15).fit(d[0], d[1], 2000, 0);
        Predictive onData = fit.predict(d[0], 4000, RandomStream.of(2));
        double[] sd = fit.predict(QUERY, 4000, RandomStream.of(3)).epistemicSd().toArray();
        double dataSd = onData.epistemicSd().mean().item();
        Tensor trueF = d[0].reshape(-1).pow(3).div(20);
        assertThat(onData.rmse(trueF)).as("predictive mean vs x^3/20 on the data").isLessThan(0.08);
        assertThat(sd[2]).as("sd at 0 vs the bound from x = -1 and 1, %s", java.util.Arrays.toString(sd))
                .isLessThan(1.15 * Math.sqrt(sd[1] * sd[1] + sd[3] * sd[3]));
        assertThat(sd[2]).as("sd at 0 vs on the data").isLessThan(dataSd);
        assertThat(Math.min(sd[0], sd[4])).as("sd at |x| = 6 vs on the data %s", dataSd).isGreaterThan(2 * dataSd);
    }

    @Test
    void sameSeedSameFitAndTheElboRises() {
        Tensor[] d = gapData(100, 4);
        BnnRegression reg = BnnRegression.of(BayesianMlp.of(Activation.RELU, 1, 20, 1), 0.15);
        double[] a = reg.fit(d[0], d[1], 300, 7).elboTrace();
        double[] b = reg.fit(d[0], d[1], 300, 7).elboTrace();
        double[] c = reg.fit(d[0], d[1], 300, 8).elboTrace();
        assertThat(a).containsExactly(b);
        assertThat(a[299]).isNotEqualTo(c[299]);
        assertThat(mean(a, 250, 300)).isGreaterThan(mean(a, 0, 50) + 100);
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    /** The learned noise sd recovers the true 0.15 (within 15%), with the local reparameterization and a mixture prior. */
    @Test
    void learnedNoiseWithLocalReparameterizationAndMixturePrior() {
        Tensor[] d = gapData(400, 5);
        BayesianMlp net = BayesianMlp.of(Activation.RELU, 1, 50, 1).withLocalReparameterization(true)
                .withPrior(ScaleMixturePrior.of(0.5, 1.0, Math.exp(-6)));
        BnnFit fit = BnnRegression.of(net, 0.15).withLearnedNoise(0.5).fit(d[0], d[1], 2000, 0);
        assertThat(fit.noiseSd()).isBetween(0.15 / 1.15, 0.15 * 1.15);
    }

    /**
     * The whole objective (both layers, both estimators, both priors, learned log σ; the matrix
     * Gaussian with the Normal prior) against finite differences.
     */
    @Test
    void negativeElboGradientsMatchFiniteDifferences() {
        Tensor[] d = gapData(6, 6);
        for (WeightPosterior posterior : WeightPosterior.values()) {
            for (boolean local : new boolean[] {false, true}) {
                for (WeightPrior prior : new WeightPrior[] {NormalPrior.of(1.0), ScaleMixturePrior.of(0.3, 1.0, 0.2)}) {
                    if (posterior == WeightPosterior.MATRIX_GAUSSIAN && prior instanceof ScaleMixturePrior) {
                        continue; // refused by the builder (MatrixGaussianLinearTest)
                    }
                    BayesianMlp net = BayesianMlp.of(Activation.TANH, 1, 4, 1).withLocalReparameterization(local).withPrior(prior)
                            .withPosterior(posterior);
                    BnnRegression reg = BnnRegression.of(net, 0.3).withParticles(3);
                    List<Tensor> init = new ArrayList<>(net.withInit(0.5, -1.0).init(3));
                    if (posterior == WeightPosterior.MATRIX_GAUSSIAN) { // a non-zero strict lower triangle in L
                        init.set(2, Tensor.of(new double[] {0.3, -0.7, 0.2, 0.1, 0.4, 0.5, -0.6, 0.3, 0.8, -0.2, 0.1, 0.9, 0.4, -0.5, 0.2, 0.6}, 4, 4));
                    }
                    Tensor[] inputs = new Tensor[init.size() + 1];
                    init.toArray(inputs);
                    inputs[init.size()] = Tensor.scalar(Math.log(0.3));
                    GradientChecker.Result r = GradientChecker.check(v -> {
                        List<Var> params = new ArrayList<>(List.of(v).subList(0, v.length - 1));
                        return reg.negativeElbo(params, Var.constant(d[0]), d[1], v[v.length - 1], RandomStream.of(1));
                    }, inputs);
                    assertThat(r.maxError()).as("%s, local %s, %s: %s", posterior, local, prior, r).isLessThan(1e-7);
                }
            }
        }
    }

    /**
     * The matrix Gaussian in the same loop: on 300 gap points its predictive mean follows x³/20 (RMSE
     * under 0.08 on the data, as the factorised fit above) and its initial sds equal the factorised
     * family's, {@code a_i B_jj = softplus(-5)}.
     */
    @Test
    void matrixGaussianFitsTheGapDataInTheSameLoop() {
        Tensor[] d = gapData(300, 8);
        BayesianMlp net = BayesianMlp.of(Activation.RELU, 1, 50, 1).withPosterior(WeightPosterior.MATRIX_GAUSSIAN)
                .withLocalReparameterization(true);
        List<Tensor> init = net.init(0);
        double a = Var.constant(init.get(1)).softplus().value().get(0);
        double b = Var.constant(init.get(3)).softplus().value().get(0);
        assertThat(a * b).isCloseTo(Math.log1p(Math.exp(-5)), org.assertj.core.data.Offset.offset(1e-15));
        BnnFit fit = BnnRegression.of(net, 0.15).fit(d[0], d[1], 1500, 0);
        Tensor trueF = d[0].reshape(-1).pow(3).div(20);
        assertThat(fit.predict(d[0], 500, RandomStream.of(2)).rmse(trueF)).isLessThan(0.08);
        assertThat(fit.parameters()).hasSize(8);
        assertThat(fit.parameters().get(2).shape()).containsExactly(50, 50);
    }

    /**
     * The point of the local reparameterization (Kingma, Salimans &amp; Welling, NeurIPS 2015): over
     * 200 draws at the same parameters, the gradient of the one-draw objective in the first layer's
     * means varies less (summed variance at most half) than with one weight draw for all 500 rows,
     * and both have the same mean (within 5 standard errors, summed over the 50 coordinates).
     */
    @Test
    void localReparameterizationLowersTheGradientVariance() {
        Tensor[] d = gapData(500, 12);
        double[][] stats = new double[2][];
        for (int mode = 0; mode < 2; mode++) {
            BayesianMlp net = BayesianMlp.of(Activation.RELU, 1, 50, 1).withLocalReparameterization(mode == 1)
                    .withInit(0.5, -2.0);
            BnnRegression reg = BnnRegression.of(net, 0.15);
            List<Tensor> init = net.init(1);
            RandomStream rng = RandomStream.of(13 + mode);
            int k = 200;
            double[] sum = new double[50];
            double[] sumSq = new double[50];
            for (int i = 0; i < k; i++) {
                io.github.elbo4j.autodiff.Tape tape = new io.github.elbo4j.autodiff.Tape();
                List<Var> params = new ArrayList<>();
                for (Tensor t : init) {
                    params.add(tape.variable(t));
                }
                Var loss = reg.negativeElbo(params, Var.constant(d[0]), d[1], Var.constant(Math.log(0.15)), rng);
                double[] g = tape.gradient(loss, params.get(0)).get(0).toArray();
                for (int j = 0; j < 50; j++) {
                    sum[j] += g[j];
                    sumSq[j] += g[j] * g[j];
                }
            }
            double[] mean = new double[50];
            double[] var = new double[50];
            for (int j = 0; j < 50; j++) {
                mean[j] = sum[j] / k;
                var[j] = (sumSq[j] / k - mean[j] * mean[j]) * k / (k - 1);
            }
            stats[mode] = new double[100];
            System.arraycopy(mean, 0, stats[mode], 0, 50);
            System.arraycopy(var, 0, stats[mode], 50, 50);
        }
        double varSampling = 0;
        double varLocal = 0;
        double diffSq = 0;
        double seSq = 0;
        for (int j = 0; j < 50; j++) {
            varSampling += stats[0][50 + j];
            varLocal += stats[1][50 + j];
            diffSq += Math.pow(stats[0][j] - stats[1][j], 2);
            seSq += (stats[0][50 + j] + stats[1][50 + j]) / 200;
        }
        assertThat(varLocal).as("summed gradient variance, local vs sampling %s", varSampling).isLessThan(0.5 * varSampling);
        assertThat(Math.sqrt(diffSq)).as("distance of the mean gradients").isLessThan(5 * Math.sqrt(seSq));
    }

    @Test
    void badInputIsRefusedNamingValueAndRule() {
        BayesianMlp net = BayesianMlp.of(Activation.RELU, 2, 5, 1);
        assertThatThrownBy(() -> BnnRegression.of(BayesianMlp.of(Activation.RELU, 2, 5, 2), 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BnnRegression network must have 1 output, got sizes [2, 5, 2]");
        assertThatThrownBy(() -> BnnRegression.of(net, 0.0)).hasMessage("BnnRegression noise sd must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> BnnRegression.of(net, 0.1).fit(Tensor.zeros(4, 3), Tensor.zeros(4), 10, 0))
                .hasMessage("BnnRegression x must have shape [N, 2], got [4, 3]");
        assertThatThrownBy(() -> BnnRegression.of(net, 0.1).fit(Tensor.zeros(4, 2), Tensor.zeros(5), 10, 0))
                .hasMessage("BnnRegression y must have shape [4], got [5]");
        assertThatThrownBy(() -> BnnRegression.of(net, 0.1).withParticles(0))
                .hasMessage("BnnRegression particles must be >= 1, got 0");
        assertThatThrownBy(() -> BayesianMlp.of(Activation.RELU, 3)).hasMessage(
                "BayesianMlp needs at least 2 sizes (input and output), got [3]");
        assertThatThrownBy(() -> net.forward(List.of(), Var.constant(Tensor.zeros(1, 2)), 1, RandomStream.of(1)))
                .hasMessage("BayesianMlp params must hold 4 tensors per layer (8 for 2 layers), got 0");
    }
}
