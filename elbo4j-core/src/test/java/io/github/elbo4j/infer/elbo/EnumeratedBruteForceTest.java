package io.github.elbo4j.infer.elbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.distribution.discrete.Categorical;
import io.github.elbo4j.distribution.discrete.Poisson;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The enumerated ELBO against the brute-force sum over every assignment of the discrete sites, on
 * a model that mixes every case the elimination must handle: a global Bernoulli {@code a} that
 * sites inside a plate depend on (the plate's product must come before {@code a} is summed out), a
 * label {@code b_i} per plate copy (summed per copy, before the product), a two-step chain
 * {@code c0 → c1} outside the plate, and a continuous latent {@code s} drawn by the guide with
 * three particles (one enumerated sum per particle). 2 · 3³ · 3 · 3 = 486 assignments.
 */
class EnumeratedBruteForceTest {

    private static final double[] X = {0.4, -1.1, 2.3};
    private static final double Y = 0.7;
    private static final double[][] B_GIVEN_A = {{0.6, 0.3, 0.1}, {0.2, 0.2, 0.6}};
    private static final double[] MU_A = {-0.5, 0.8};
    private static final double[] NU_B = {-1.0, 0.0, 1.5};
    private static final double[] C0 = {0.3, 0.3, 0.4};
    private static final double[][] C1_GIVEN_C0 = {{0.8, 0.1, 0.1}, {0.1, 0.8, 0.1}, {0.2, 0.3, 0.5}};
    private static final double[] W_C = {-2.0, 0.5, 1.0};

    private static final Model MODEL = m -> {
        Var s = m.sample("s", Normal.of(0, 1));
        Var a = m.sample("a", Bernoulli.ofProbs(0.3));
        m.plate("data", 3, p -> {
            Var b = m.sample("b", Categorical.ofProbs(Var.constant(Tensor.of(flat(B_GIVEN_A), 2, 3)).take(0, a.value())));
            Var mean = Var.constant(Tensor.of(MU_A)).take(0, a.value()).add(Var.constant(Tensor.of(NU_B)).take(0, b.value()));
            m.observe("x", Normal.of(mean, 1.0), Tensor.of(X));
        });
        Var c0 = m.sample("c0", Categorical.ofProbs(C0));
        Var c1 = m.sample("c1", Categorical.ofProbs(Var.constant(Tensor.of(flat(C1_GIVEN_C0), 3, 3)).take(0, c0.value())));
        Var mean = Var.constant(Tensor.of(W_C)).take(0, c1.value()).add(a).add(s);
        m.observe("y", Normal.of(mean, 0.5), Tensor.scalar(Y));
    };

    private static final Model GUIDE = m -> m.sample("s", Normal.of(0.3, 0.4));

    private static double[] flat(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static double logNormal(double x, double mean, double sd) {
        double z = (x - mean) / sd;
        return -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
    }

    /** {@code log Σ_{a, b, c0, c1} p(x, y, a, b, c0, c1, s)} by looping over all 486 assignments. */
    private static double bruteForce(double s) {
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[2 * 27 * 9];
        int n = 0;
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 27; b++) {
                int[] bi = {b % 3, (b / 3) % 3, b / 9};
                for (int c0 = 0; c0 < 3; c0++) {
                    for (int c1 = 0; c1 < 3; c1++) {
                        double lp = logNormal(s, 0, 1) + Math.log(a == 1 ? 0.3 : 0.7);
                        for (int i = 0; i < 3; i++) {
                            lp += Math.log(B_GIVEN_A[a][bi[i]]) + logNormal(X[i], MU_A[a] + NU_B[bi[i]], 1.0);
                        }
                        lp += Math.log(C0[c0]) + Math.log(C1_GIVEN_C0[c0][c1]) + logNormal(Y, W_C[c1] + a + s, 0.5);
                        terms[n++] = lp;
                        max = Math.max(max, lp);
                    }
                }
            }
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    @Test
    void theEnumeratedElboIsTheBruteForceSumOverAllAssignmentsPerParticle() {
        ElboInputs in = new ElboInputs(MODEL, GUIDE, new SubstituteHandler(Map.of()), RandomStream.of(3), 3, 1);
        Trace guide = in.traceGuide();
        double[] s = guide.require("s").value().value().toArray();
        assertThat(s).hasSize(3);
        double expected = 0;
        for (double sp : s) {
            expected += (bruteForce(sp) - logNormal(sp, 0.3, 0.4)) / 3;
        }
        Trace model = in.traceModelEnumerated(guide);
        double[] perParticle = in.sumPerParticleEnumerated(model, new String[1]).value().toArray();
        assertThat(perParticle).hasSize(3);
        for (int p = 0; p < 3; p++) {
            // every particle its own sum: a particle axis mixed into the elimination would average them
            assertThat(perParticle[p]).isCloseTo(bruteForce(s[p]), Offset.offset(1e-10));
        }
        // the estimator re-runs the guide from the same stream, so it sees the same three draws
        assertThat(new TraceEnumElbo().estimate(in).elbo()).isCloseTo(expected, Offset.offset(1e-10));
    }

    /**
     * {@code p(site = value | x, s)} by the brute-force loop: for each assignment its weight
     * {@code exp(log p - log Σ p)}, summed into the bins of every site. Rows: a (2), b0..b2 (3 each), c0 (3), c1 (3).
     */
    private static double[][] bruteForceMarginals(double s) {
        double logZ = bruteForce(s);
        double[][] out = {new double[2], new double[3], new double[3], new double[3], new double[3], new double[3]};
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 27; b++) {
                int[] bi = {b % 3, (b / 3) % 3, b / 9};
                for (int c0 = 0; c0 < 3; c0++) {
                    for (int c1 = 0; c1 < 3; c1++) {
                        double lp = logNormal(s, 0, 1) + Math.log(a == 1 ? 0.3 : 0.7);
                        for (int i = 0; i < 3; i++) {
                            lp += Math.log(B_GIVEN_A[a][bi[i]]) + logNormal(X[i], MU_A[a] + NU_B[bi[i]], 1.0);
                        }
                        lp += Math.log(C0[c0]) + Math.log(C1_GIVEN_C0[c0][c1]) + logNormal(Y, W_C[c1] + a + s, 0.5);
                        double w = Math.exp(lp - logZ);
                        out[0][a] += w;
                        for (int i = 0; i < 3; i++) {
                            out[1 + i][bi[i]] += w;
                        }
                        out[4][c0] += w;
                        out[5][c1] += w;
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theMarginalsOfTheEnumeratedSitesAreTheBruteForcePosteriorsPerParticle() {
        ElboInputs in = new ElboInputs(MODEL, GUIDE, new SubstituteHandler(Map.of()), RandomStream.of(3), 3, 1);
        Trace guide = in.traceGuide();
        double[] s = guide.require("s").value().value().toArray();
        Map<String, Tensor> marginals = in.enumeratedMarginals(in.traceModelEnumerated(guide));
        assertThat(marginals.keySet()).containsExactly("a", "b", "c0", "c1");
        assertThat(marginals.get("a").shape()).containsExactly(3, 1, 2);
        assertThat(marginals.get("b").shape()).containsExactly(3, 3, 3);
        for (int p = 0; p < 3; p++) {
            double[][] exact = bruteForceMarginals(s[p]);
            double[] a = marginals.get("a").toArray();
            double[] b = marginals.get("b").toArray();
            double[] c0 = marginals.get("c0").toArray();
            double[] c1 = marginals.get("c1").toArray();
            for (int k = 0; k < 2; k++) {
                assertThat(a[p * 2 + k]).as("p(a = %d), particle %d", k, p).isCloseTo(exact[0][k], Offset.offset(1e-10));
            }
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < 3; i++) {
                    assertThat(b[(p * 3 + i) * 3 + k]).as("p(b_%d = %d), particle %d", i, k, p)
                            .isCloseTo(exact[1 + i][k], Offset.offset(1e-10));
                }
                assertThat(c0[p * 3 + k]).as("p(c0 = %d)", k).isCloseTo(exact[4][k], Offset.offset(1e-10));
                assertThat(c1[p * 3 + k]).as("p(c1 = %d)", k).isCloseTo(exact[5][k], Offset.offset(1e-10));
            }
        }
    }

    @Test
    void eachDiscreteSiteGetsItsOwnDimLeftOfTheParticleAndPlateAxes() {
        ElboInputs in = new ElboInputs(MODEL, GUIDE, new SubstituteHandler(Map.of()), RandomStream.of(3), 3, 1);
        Trace model = in.traceModelEnumerated(in.traceGuide());
        assertThat(model.require("a").enumDim()).hasValue(-3);
        assertThat(model.require("a").value().shape()).containsExactly(2, 1, 1);
        assertThat(model.require("b").enumDim()).hasValue(-4);
        assertThat(model.require("b").value().shape()).containsExactly(3, 1, 1, 1);
        assertThat(model.require("c1").value().shape()).containsExactly(3, 1, 1, 1, 1, 1);
        assertThat(model.require("s").isEnumerated()).isFalse();
    }

    @Test
    void everyFamilyWithAFiniteSupportIsEnumeratedIncludingOneHotEvents() {
        double[] p = {0.2, 0.5, 0.3};
        double[] mu = {-1.0, 0.5, 2.0};
        double x = 0.8;
        double exactCategorical = Math.log(p[0] * Math.exp(logNormal(x, mu[0], 1)) + p[1] * Math.exp(logNormal(x, mu[1], 1))
                + p[2] * Math.exp(logNormal(x, mu[2], 1)));
        Model oneHot = m -> {
            // the value is [K] + [1] + [K]: the support along the enumeration axis, each a one-hot event
            Var z = m.sample("z", io.github.elbo4j.distribution.discrete.OneHotCategorical.ofProbs(Tensor.of(p)));
            m.observe("x", Normal.of(z.mul(Var.constant(Tensor.of(mu))).sum(-1), 1.0), Tensor.scalar(x));
        };
        assertThat(logEvidence(oneHot)).isCloseTo(exactCategorical, Offset.offset(1e-12));
        // Binomial(2, 0.3): P(n) = 0.49, 0.42, 0.09
        double exactBinomial = Math.log(0.49 * Math.exp(logNormal(x, 0, 1)) + 0.42 * Math.exp(logNormal(x, 1, 1))
                + 0.09 * Math.exp(logNormal(x, 2, 1)));
        Model binomial = m -> {
            Var n = m.sample("n", io.github.elbo4j.distribution.discrete.Binomial.ofProbs(2, 0.3));
            m.observe("x", Normal.of(n, 1.0), Tensor.scalar(x));
        };
        assertThat(logEvidence(binomial)).isCloseTo(exactBinomial, Offset.offset(1e-12));
    }

    private static double logEvidence(Model model) {
        ElboInputs in = new ElboInputs(model, m -> { }, new SubstituteHandler(Map.of()), RandomStream.of(0), 1, 0);
        return new TraceEnumElbo().estimate(in).elbo();
    }

    @Test
    void enumeratingASiteWithInfiniteSupportNamesTheSiteAndItsSupport() {
        Model poisson = m -> {
            Var n = m.sample("count", Poisson.of(3.0));
            m.observe("y", Normal.of(n, 1.0), Tensor.scalar(2.0));
        };
        ElboInputs in = new ElboInputs(poisson, m -> { }, new SubstituteHandler(Map.of()), RandomStream.of(0), 1, 0);
        assertThatThrownBy(() -> new TraceEnumElbo().estimate(in)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latent site 'count'").hasMessageContaining("NonNegativeInteger")
                .hasMessageContaining("not finite");
    }

    @Test
    void aGuideThatDrawsTheDiscreteSiteIsRefused() {
        Model guide = m -> {
            m.sample("s", Normal.of(0.3, 0.4));
            m.sample("a", Bernoulli.ofProbs(0.5));
        };
        ElboInputs in = new ElboInputs(MODEL, guide, new SubstituteHandler(Map.of()), RandomStream.of(0), 1, 1);
        assertThatThrownBy(() -> new TraceEnumElbo().estimate(in)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("discrete site 'a'");
    }

    @Test
    void aSiteOutsideAPlateThatDependsOnAnEnumeratedSiteInsideIsRefused() {
        Model bad = m -> {
            Var[] z = new Var[1];
            m.plate("data", 3, p -> z[0] = m.sample("z", Bernoulli.ofProbs(0.5)));
            m.observe("total", Normal.of(z[0], 1.0), Tensor.scalar(1.0));
        };
        ElboInputs in = new ElboInputs(bad, m -> { }, new SubstituteHandler(Map.of()), RandomStream.of(0), 1, 1);
        assertThatThrownBy(() -> new TraceEnumElbo().estimate(in)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'total'").hasMessageContaining("'z'");
    }
}
