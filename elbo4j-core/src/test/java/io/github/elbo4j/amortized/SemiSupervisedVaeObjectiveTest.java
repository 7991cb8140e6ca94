package io.github.elbo4j.amortized;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.nn.Linear;
import io.github.elbo4j.nn.Mlp;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The M2 objective on a network small enough to write out by hand (6 pixels, 3 classes, a 2-D
 * latent, one tanh hidden layer of 4): the labeled bound against plain arithmetic, the enumerated
 * unlabeled bound against a loop over the classes, and its gradient against finite differences.
 */
class SemiSupervisedVaeObjectiveTest {

    private static final int D = 6;
    private static final int C = 3;
    private static final int LATENT = 2;

    private static SemiSupervisedVae small() {
        return SemiSupervisedVae.builder(D, C).latent(LATENT).hidden(4).activation(Activation.TANH).seed(5).build();
    }

    private static Tensor data() {
        return Tensor.of(new double[] {1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1}, 4, D);
    }

    private static Tensor noise(long seed, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        RandomStream.of(seed).fillGaussian(v);
        return Tensor.of(v, shape);
    }

    /** The initial parameters of every layer, perturbed so that no bias is zero. */
    private static Map<String, Tensor> parameters(SemiSupervisedVae vae) {
        Map<String, Tensor> p = new HashMap<>();
        long k = 10;
        for (Mlp net : List.of(vae.encoderNetwork(), vae.decoderNetwork(), vae.classifierNetwork())) {
            for (Linear l : net.layers()) {
                p.put(l.weightName(), l.weightInit().add(noise(k++, l.in(), l.out()).mul(0.3)));
                p.put(l.biasName(), l.biasInit().add(noise(k++, l.out()).mul(0.3)));
            }
        }
        return p;
    }

    private static ModelContext context(Map<String, Tensor> p) {
        Map<String, Var> v = new HashMap<>();
        p.forEach((n, t) -> v.put(n, Var.constant(t)));
        return ModelContext.of(new SubstituteHandler(v));
    }

    private static double[] layer(double[] in, Map<String, Tensor> p, Linear l, boolean tanh) {
        double[] w = p.get(l.weightName()).toArray();
        double[] b = p.get(l.biasName()).toArray();
        double[] out = new double[l.out()];
        for (int j = 0; j < l.out(); j++) {
            double s = b[j];
            for (int i = 0; i < l.in(); i++) {
                s += in[i] * w[i * l.out() + j];
            }
            out[j] = tanh ? Math.tanh(s) : s;
        }
        return out;
    }

    /** L(x, y) for one datum in plain arithmetic: the encoder, one draw z = μ + σ ε, the decoder, the closed-form KL. */
    private static double handBound(SemiSupervisedVae vae, Map<String, Tensor> p, double[] x, int y, double[] eps) {
        double[] in = new double[D + C];
        System.arraycopy(x, 0, in, 0, D);
        in[D + y] = 1;
        List<Linear> enc = vae.encoderNetwork().layers();
        double[] out = layer(layer(in, p, enc.get(0), true), p, enc.get(1), false);
        double[] dec = new double[C + LATENT];
        dec[y] = 1;
        double negKl = 0;
        for (int k = 0; k < LATENT; k++) {
            double mu = out[k];
            double logVar = out[LATENT + k];
            dec[C + k] = mu + Math.exp(0.5 * logVar) * eps[k];
            negKl += 0.5 * (1 + logVar - mu * mu - Math.exp(logVar));
        }
        List<Linear> de = vae.decoderNetwork().layers();
        double[] logits = layer(layer(dec, p, de.get(0), true), p, de.get(1), false);
        double logLik = 0;
        for (int j = 0; j < D; j++) {
            double prob = 1 / (1 + Math.exp(-logits[j]));
            logLik += x[j] == 1 ? Math.log(prob) : Math.log1p(-prob);
        }
        return logLik + negKl - Math.log(C);
    }

    @Test
    void theLabeledBoundIsTheEncoderDrawDecoderAndClosedFormKlWrittenOut() {
        SemiSupervisedVae vae = small();
        Map<String, Tensor> p = parameters(vae);
        Tensor x = data();
        int[] y = {2, 0, 1, 2};
        Tensor eps = noise(3, 4, LATENT);
        double[] got = vae.labeledBound(context(p), x, vae.oneHot(y), eps).value().toArray();
        for (int i = 0; i < 4; i++) {
            double hand = handBound(vae, p, x.slice(0, i, i + 1).toArray(), y[i], eps.slice(0, i, i + 1).toArray());
            assertThat(got[i]).as("row %d", i).isCloseTo(hand, org.assertj.core.data.Offset.offset(1e-10));
        }
    }

    @Test
    void theEnumeratedUnlabeledBoundEqualsTheSumOverLabelsByHand() {
        SemiSupervisedVae vae = small();
        Map<String, Tensor> p = parameters(vae);
        Tensor x = data();
        Tensor eps = noise(4, C, 4, LATENT);
        double[] enumerated = vae.unlabeledBound(context(p), x, eps).value().toArray();
        double[] q = vae.logClassProbabilities(context(p), Var.constant(x)).value().exp().toArray();
        List<double[]> perClass = new ArrayList<>();
        for (int c = 0; c < C; c++) {
            int[] all = {c, c, c, c};
            perClass.add(vae.labeledBound(context(p), x, vae.oneHot(all), eps.slice(0, c, c + 1).reshape(4, LATENT)).value().toArray());
        }
        for (int i = 0; i < 4; i++) {
            double u = 0;
            double qSum = 0;
            for (int c = 0; c < C; c++) {
                double qc = q[i * C + c];
                u += qc * perClass.get(c)[i] - qc * Math.log(qc);
                qSum += qc;
                // the written-out bound of the first test, per class, as a second witness
                assertThat(perClass.get(c)[i]).isCloseTo(handBound(vae, p, x.slice(0, i, i + 1).toArray(), c,
                        eps.slice(0, c, c + 1).reshape(4, LATENT).slice(0, i, i + 1).toArray()), org.assertj.core.data.Offset.offset(1e-10));
            }
            assertThat(qSum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(enumerated[i]).as("row %d", i).isCloseTo(u, org.assertj.core.data.Offset.offset(1e-10));
        }
        // the classes really differ, so a bound that ignored q (or the entropy) would not match
        assertThat(Math.abs(perClass.get(0)[0] - perClass.get(1)[0])).isGreaterThan(1e-3);
    }

    @Test
    void theGradientOfTheUnlabeledBoundAgreesWithFiniteDifferences() {
        SemiSupervisedVae vae = small();
        Map<String, Tensor> p = parameters(vae);
        List<String> names = new ArrayList<>(new java.util.TreeSet<>(p.keySet()));
        Tensor[] inputs = new Tensor[names.size()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = p.get(names.get(i));
        }
        Tensor x = data();
        Tensor eps = noise(6, C, 4, LATENT);
        int[] y = {1, 1, 0, 2};
        Tensor epsL = noise(7, 4, LATENT);
        GradientChecker.Result r = GradientChecker.check(leaves -> {
            Map<String, Var> v = new HashMap<>();
            for (int i = 0; i < leaves.length; i++) {
                v.put(names.get(i), leaves[i]);
            }
            ModelContext m = ModelContext.of(new SubstituteHandler(v));
            Var u = vae.unlabeledBound(m, x, eps);
            Var l = vae.labeledBound(m, x, vae.oneHot(y), epsL).add(vae.logClassProbabilities(m, Var.constant(x))
                    .mul(vae.oneHot(y)).sum(1).mul(0.7));
            return Var.concat(0, u, l);
        }, inputs);
        assertThat(r.maxError()).as("worst: %s", r).isLessThan(1e-7);
    }
}
