package io.github.elbo4j.bnn;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The issue asks for a test that the epistemic band is wider in the gap than on the data. On the
 * committed gap data ({@code src/test/resources/bnn/bnn_500.csv}, a copy of the peers'
 * {@code bnn_500.csv}, written by {@code ../shared/peers/torch_bnn.py}; see the README there) <b>none
 * of the three posteriors does</b>, in the peer's settings (noise sd 0.15, {@code N(0, 1)} prior, Adam
 * 1e-2, 2000 full-batch steps, seed 0): the mean epistemic sd at 39 points of the gap over the mean at
 * the 500 training inputs was 0.26 (factorised, 1-50-1), 0.44 (matrix Gaussian, local
 * reparameterization, 1-50-1), 0.19 (MC dropout p = 0.1, 1-50-1) and 0.40 (factorised, 1-50-50-1),
 * and no other setting tried reached 1 (0.01-0.65, the matrix Gaussian on two tanh layers included:
 * docs/bnn.md, {@code BnnGapBands} in elbo4j-bench) except MC dropout on two tanh hidden layers ({@link #mcDropoutOnTwoTanhLayersWidensItsBandInTheGap}).
 * The first test pins the negative finding, so that a change which makes one of them widen in the
 * gap (or breaks the predictive) is seen: each ratio is under 0.7 (the largest measured is 0.44; the
 * Monte Carlo error of a mean of sds from 1000 draws is about 2%, far inside the margin), and each band
 * is wider at |x| = 6, outside the data, than twice the data's mean: the posteriors do express
 * uncertainty away from the data, just not between the two clusters.
 */
class BnnGapBandTest {

    private static Tensor[] committedGapData() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = BnnGapBandTest.class.getResourceAsStream("/bnn/bnn_500.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1];
        }
        return new Tensor[] {Tensor.of(x, x.length, 1), Tensor.of(y)};
    }

    @Test
    void noPosteriorWidensItsBandInTheGapButAllDoOutsideTheData() throws IOException {
        Tensor[] d = committedGapData();
        assertThat(d[0].dim(0)).isEqualTo(500);
        Tensor gap = Tensor.linspace(-0.95, 0.95, 39).reshape(39, 1);
        Tensor outside = Tensor.of(new double[] {-6, 6}, 2, 1);
        BayesianMlp one = BayesianMlp.of(Activation.RELU, 1, 50, 1);
        String[] names = {"factorised 1-50-1", "matrix Gaussian 1-50-1", "MC dropout 1-50-1", "factorised 1-50-50-1"};
        BnnRegression[] bbb = {BnnRegression.of(one, 0.15),
            BnnRegression.of(one.withPosterior(WeightPosterior.MATRIX_GAUSSIAN).withLocalReparameterization(true), 0.15), null,
            BnnRegression.of(BayesianMlp.of(Activation.RELU, 1, 50, 50, 1), 0.15)};
        McDropout dropout = McDropout.of(Activation.RELU, 0.1, 0.15, 1, 50, 1);
        for (int k = 0; k < names.length; k++) {
            Tensor[] at = {gap, d[0], outside};
            double[] sd = new double[3];
            double[] far = null;
            if (bbb[k] != null) {
                BnnFit fit = bbb[k].fit(d[0], d[1], 2000, 0);
                for (int i = 0; i < 3; i++) {
                    Tensor s = fit.predict(at[i], 1000, RandomStream.of(99)).epistemicSd();
                    sd[i] = s.mean().item();
                    far = s.toArray();
                }
            } else {
                List<Tensor> w = dropout.fit(d[0], d[1], 2000, 0);
                for (int i = 0; i < 3; i++) {
                    Tensor s = dropout.predict(w, at[i], 1000, RandomStream.of(99)).epistemicSd();
                    sd[i] = s.mean().item();
                    far = s.toArray();
                }
            }
            assertThat(sd[0] / sd[1]).as("%s: gap sd %.4f / data sd %.4f", names[k], sd[0], sd[1]).isLessThan(0.7);
            assertThat(Math.min(far[0], far[1])).as("%s: sd at |x| = 6 vs data %.4f", names[k], sd[1]).isGreaterThan(2 * sd[1]);
        }
    }

    /**
     * The one setting found that does widen the band in the gap: MC dropout (p = 0.3) on a
     * <b>two-hidden-layer tanh</b> network 1-50-50-1, otherwise the peer's settings, seed 0. The mean
     * epistemic sd at 39 points of the gap over its mean at the 500 training inputs was 1.051-1.060
     * for four predictive seeds of 1000 passes each, and 1.050 with training seed 1 (p = 0.5: 1.046-1.056
     * and 1.052); the margin asked, a ratio above 1.02, lies more than seven times the predictive
     * spread (about 0.004) below the lowest measured ratio. The band is wide everywhere
     * (about 0.23, against the noise sd 0.15), not a bump in the gap.
     */
    @Test
    void mcDropoutOnTwoTanhLayersWidensItsBandInTheGap() throws IOException {
        Tensor[] d = committedGapData();
        McDropout dropout = McDropout.of(Activation.TANH, 0.3, 0.15, 1, 50, 50, 1);
        List<Tensor> w = dropout.fit(d[0], d[1], 2000, 0);
        double gap = dropout.predict(w, Tensor.linspace(-0.95, 0.95, 39).reshape(39, 1), 1000, RandomStream.of(99)).epistemicSd().mean().item();
        double data = dropout.predict(w, d[0], 1000, RandomStream.of(199)).epistemicSd().mean().item();
        assertThat(gap / data).as("gap sd %.4f / data sd %.4f", gap, data).isGreaterThan(1.02);
    }
}
