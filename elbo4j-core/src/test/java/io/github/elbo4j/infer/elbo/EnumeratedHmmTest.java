package io.github.elbo4j.infer.elbo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Categorical;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hidden Markov model written in the Model API, its states enumerated: the ELBO with no latent
 * but the states is {@code log p(x)} exactly, so it must equal the forward algorithm (Rabiner,
 * Proc. IEEE 77(2), 1989, eq. 19-21, in log space) written here independently, to 1e-10, and its
 * gradient in the emission means and the transition logits must equal central finite differences
 * of that forward algorithm; the same with the chain inside {@code m.markov} (two axes recycled
 * along the chain). A factor after the chain on its last state checks that a site outside the chain
 * sees the last state of a recycled axis. A chain of 40 steps would be 3^40 assignments: only an
 * elimination along the chain ({@code O(T K²)}) can run it.
 */
class EnumeratedHmmTest {

    private static final int K = 3;
    private static final int T = 40;
    private static final int S = 2;
    private static final double[] INIT = {0.5, 0.3, 0.2};
    private static final double SIGMA = 0.8;

    /** Two sequences of length T (one per column), from a seeded normal stream: the test needs data, not a fit. */
    private static double[][] data() {
        RandomStream rng = RandomStream.of(11);
        double[] noise = Normal.of(0, 1).sample(rng, T * S).toArray();
        double[][] x = new double[T][S];
        for (int t = 0; t < T; t++) {
            for (int s = 0; s < S; s++) {
                x[t][s] = 1.5 * Math.sin(0.4 * t + s) + noise[t * S + s];
            }
        }
        return x;
    }

    /** The end observation's data per sequence: a factor after the chain on its last state. */
    private static final double[] END = {0.5, -1.0};

    /**
     * The HMM over S sequences in a plate: z_0 ~ Cat(π), z_t ~ Cat(softmax(L)[z_{t-1}]),
     * x_t ~ N(μ[z_t], σ), and after the chain e ~ N(2 μ[z_{T-1}], 1); inside {@code m.markov} when
     * {@code markov} (the states of step t reuse the axes of step t - 2), else a plain loop (one axis per state).
     */
    private static Model hmm(Var mu, Var logits, double[][] x, boolean markov) {
        return m -> m.plate("sequences", S, seq -> {
            Var[] z = new Var[1];
            java.util.function.IntConsumer step = t -> {
                Categorical d = t == 0 ? Categorical.ofProbs(INIT) : Categorical.ofLogits(logits.take(0, z[0].value()));
                z[0] = m.sample("z" + t, d);
                m.observe("x" + t, Normal.of(mu.take(0, z[0].value()), SIGMA), Tensor.of(x[t]));
            };
            if (markov) {
                m.markov(T, step);
            } else {
                for (int t = 0; t < T; t++) {
                    step.accept(t);
                }
            }
            m.observe("end", Normal.of(mu.take(0, z[0].value()).mul(2.0), 1.0), Tensor.of(END));
        });
    }

    /** The forward algorithm in log space, summed over the sequences: independent of the library. */
    private static double forward(double[] mu, double[] logits, double[][] x) {
        double[][] logA = new double[K][K];
        for (int i = 0; i < K; i++) {
            double[] row = new double[K];
            System.arraycopy(logits, i * K, row, 0, K);
            double lse = logSumExp(row);
            for (int j = 0; j < K; j++) {
                logA[i][j] = logits[i * K + j] - lse;
            }
        }
        double total = 0;
        for (int s = 0; s < S; s++) {
            double[] alpha = new double[K];
            for (int k = 0; k < K; k++) {
                alpha[k] = Math.log(INIT[k]) + logNormal(x[0][s], mu[k]);
            }
            for (int t = 1; t < T; t++) {
                double[] next = new double[K];
                for (int j = 0; j < K; j++) {
                    double[] terms = new double[K];
                    for (int i = 0; i < K; i++) {
                        terms[i] = alpha[i] + logA[i][j];
                    }
                    next[j] = logSumExp(terms) + logNormal(x[t][s], mu[j]);
                }
                alpha = next;
            }
            double[] last = new double[K];
            for (int k = 0; k < K; k++) {
                double e = END[s] - 2 * mu[k];
                last[k] = alpha[k] - 0.5 * e * e - 0.5 * Math.log(2 * Math.PI);
            }
            total += logSumExp(last);
        }
        return total;
    }

    private static double logNormal(double x, double mean) {
        double z = (x - mean) / SIGMA;
        return -0.5 * z * z - Math.log(SIGMA) - 0.5 * Math.log(2 * Math.PI);
    }

    private static double logSumExp(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double e : v) {
            m = Math.max(m, e);
        }
        double s = 0;
        for (double e : v) {
            s += Math.exp(e - m);
        }
        return m + Math.log(s);
    }

    private static final double[] MU = {-1.0, 0.2, 1.7};
    private static final double[] LOGITS = {1.2, 0.1, -0.4, 0.3, 0.9, -0.2, -0.5, 0.0, 1.1};

    private static ElboStep enumerated(Var mu, Var logits, double[][] x, boolean markov) {
        ElboInputs in = new ElboInputs(hmm(mu, logits, x, markov), m -> { }, new SubstituteHandler(Map.of()), RandomStream.of(0), 1, 1);
        return new TraceEnumElbo().estimate(in);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "markov = {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void theEnumeratedElboOfAnHmmIsTheForwardAlgorithmsLogLikelihood(boolean markov) {
        double[][] x = data();
        ElboStep step = enumerated(Var.constant(Tensor.of(MU)), Var.constant(Tensor.of(LOGITS, K, K)), x, markov);
        double exact = forward(MU, LOGITS, x);
        // a wrong elimination order, a logsumexp over the wrong axis or a plate summed before its states
        // would each move log p(x) by O(1); rounding in 80 logsumexp steps stays near 1e-13
        assertThat(step.elbo()).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-10));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "markov = {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void itsGradientMatchesFiniteDifferencesOfTheForwardAlgorithm(boolean markov) {
        double[][] x = data();
        Tape tape = new Tape();
        Var mu = tape.variable(Tensor.of(MU));
        Var logits = tape.variable(Tensor.of(LOGITS, K, K));
        ElboStep step = enumerated(mu, logits, x, markov);
        Gradients g = tape.gradient(step.loss(), mu, logits);
        double[] dMu = g.get(0).toArray();
        double[] dLogits = g.get(1).toArray();
        double h = 1e-5;
        // central differences: truncation O(h² f''') ~ 1e-9 here, rounding ~ 1e-16 |f| / h ~ 1e-9;
        // a gradient that missed a path through the chain would be off by O(1)
        for (int k = 0; k < K; k++) {
            double[] up = MU.clone();
            double[] down = MU.clone();
            up[k] += h;
            down[k] -= h;
            double fd = (forward(up, LOGITS, x) - forward(down, LOGITS, x)) / (2 * h);
            assertThat(-dMu[k]).as("d log p / d mu[%d]", k).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6));
        }
        for (int k = 0; k < K * K; k++) {
            double[] up = LOGITS.clone();
            double[] down = LOGITS.clone();
            up[k] += h;
            down[k] -= h;
            double fd = (forward(MU, up, x) - forward(MU, down, x)) / (2 * h);
            assertThat(-dLogits[k]).as("d log p / d logits[%d]", k).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void insideMarkovTheStatesReuseTwoAxesAndWithoutItEachStateHasItsOwn() {
        double[][] x = data();
        for (boolean markov : new boolean[] {false, true}) {
            ElboInputs in = new ElboInputs(hmm(Var.constant(Tensor.of(MU)), Var.constant(Tensor.of(LOGITS, K, K)), x, markov), m -> { },
                    new SubstituteHandler(Map.of()), RandomStream.of(0), 1, 1);
            io.github.elbo4j.model.Trace t = in.traceModelEnumerated(in.traceGuide());
            // plate nesting 1: the j-th axis is dim -(3 + j); with markov, steps alternate between dims -3 and -4
            assertThat(t.require("z0").enumDim()).hasValue(-3);
            assertThat(t.require("z1").enumDim()).hasValue(-4);
            assertThat(t.require("z2").enumDim()).hasValue(markov ? -3 : -5);
            assertThat(t.require("z" + (T - 1)).value().shape()).hasSize(markov ? 4 : T + 2);
            assertThat(t.require("z7").markovStep()).isEqualTo(markov ? java.util.OptionalInt.of(7) : java.util.OptionalInt.empty());
        }
    }

    /**
     * {@code p(z_t = k | x)} of sequence {@code s} by forward-backward (Rabiner 1989, eq. 27, in log
     * space, with the end factor on the last state): {@code α_t(k) + β_t(k) - log p(x)}.
     */
    private static double[][] forwardBackward(double[][] x, int s) {
        double[][] logA = new double[K][K];
        for (int i = 0; i < K; i++) {
            double lse = logSumExp(java.util.Arrays.copyOfRange(LOGITS, i * K, i * K + K));
            for (int j = 0; j < K; j++) {
                logA[i][j] = LOGITS[i * K + j] - lse;
            }
        }
        double[][] alpha = new double[T][K];
        double[][] beta = new double[T][K];
        for (int k = 0; k < K; k++) {
            alpha[0][k] = Math.log(INIT[k]) + logNormal(x[0][s], MU[k]);
            double e = END[s] - 2 * MU[k];
            beta[T - 1][k] = -0.5 * e * e - 0.5 * Math.log(2 * Math.PI);
        }
        for (int t = 1; t < T; t++) {
            for (int j = 0; j < K; j++) {
                double[] terms = new double[K];
                for (int i = 0; i < K; i++) {
                    terms[i] = alpha[t - 1][i] + logA[i][j];
                }
                alpha[t][j] = logSumExp(terms) + logNormal(x[t][s], MU[j]);
            }
        }
        for (int t = T - 2; t >= 0; t--) {
            for (int i = 0; i < K; i++) {
                double[] terms = new double[K];
                for (int j = 0; j < K; j++) {
                    terms[j] = logA[i][j] + logNormal(x[t + 1][s], MU[j]) + beta[t + 1][j];
                }
                beta[t][i] = logSumExp(terms);
            }
        }
        double[] last = new double[K];
        for (int k = 0; k < K; k++) {
            last[k] = alpha[T - 1][k] + beta[T - 1][k];
        }
        double logP = logSumExp(last);
        double[][] out = new double[T][K];
        for (int t = 0; t < T; t++) {
            for (int k = 0; k < K; k++) {
                out[t][k] = Math.exp(alpha[t][k] + beta[t][k] - logP);
            }
        }
        return out;
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "markov = {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void theStatesPosteriorsAreForwardBackwards(boolean markov) {
        // with markov two axes are shared along the chain: a state mistaken for the one two steps back,
        // or the end factor given to the wrong state, would change these marginals by O(1)
        double[][] x = data();
        Map<String, Tensor> marginals = marginals(x, markov);
        for (int s = 0; s < S; s++) {
            double[][] exact = forwardBackward(x, s);
            for (int t = 0; t < T; t++) {
                double[] p = marginals.get("z" + t).toArray();   // [P = 1, S, K]
                assertThat(p).hasSize(S * K);
                for (int k = 0; k < K; k++) {
                    assertThat(p[s * K + k]).as("p(z%d = %d), sequence %d", t, k, s).isCloseTo(exact[t][k],
                            org.assertj.core.data.Offset.offset(1e-10));
                }
            }
        }
    }

    private static Map<String, Tensor> marginals(double[][] x, boolean markov) {
        ElboInputs in = new ElboInputs(hmm(Var.constant(Tensor.of(MU)), Var.constant(Tensor.of(LOGITS, K, K)), x, markov), m -> { },
                new SubstituteHandler(Map.of()), RandomStream.of(0), 1, 1);
        return in.enumeratedMarginals(in.traceModelEnumerated(in.traceGuide()));
    }
}
