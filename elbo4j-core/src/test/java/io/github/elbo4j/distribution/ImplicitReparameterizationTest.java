package io.github.elbo4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.continuous.Chi2;
import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.continuous.InverseGamma;
import io.github.elbo4j.distribution.continuous.StudentT;
import io.github.elbo4j.math.IncompleteGammaDerivative;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Test (2) of the implicit reparameterization (Figurnov, Mohamed &amp; Mnih, NeurIPS 2018): the
 * pathwise estimate of {@code d/dθ E[f(z)]}, the mean over {@value #N} draws of
 * {@code d f(z_i)/dθ}, agrees with the exact derivative of the closed-form expectation and with
 * the score-function estimate, the mean of {@code (f(z_i) - E f) · d log p(z_i; θ)/dθ} (the exact
 * {@code E f} as baseline keeps it unbiased). Each estimate's Monte Carlo standard error is the
 * sample standard deviation of its {@value #N} terms over {@code √N}; the tolerance is
 * {@value #STANDARD_ERRORS} standard errors (of the difference, for the two estimates).
 *
 * <p>The parameter is a leaf of shape {@code [N]} with one draw per element, so the tape returns
 * each draw's own gradient.
 */
class ImplicitReparameterizationTest {

    static final int N = 20_000;
    static final double STANDARD_ERRORS = 4.0;

    @Test
    void gammaShapeGradientOfSecondMomentAndLogMean() {
        // E[z²] = α(α+1)/β², d/dα = (2α+1)/β²; E[log z] = ψ(α) - log β, d/dα = ψ'(α)
        double a = 2.5;
        double b = 1.5;
        check("Gamma shape, z²", t -> Gamma.of(t, Var.constant(b)), a, Var::square, a * (a + 1) / (b * b), (2 * a + 1) / (b * b));
        check("Gamma shape, log z", t -> Gamma.of(t, Var.constant(b)), a, Var::log,
                SpecialFunctions.digamma(a) - Math.log(b), SpecialFunctions.trigamma(a));
    }

    @Test
    void gammaShapeBelowOneUsesTheBoostedDraws() {
        double a = 0.3;
        check("Gamma(0.3) shape, z", t -> Gamma.of(t, Var.constant(1.0)), a, z -> z, a, 1.0);
        check("Gamma(0.3) shape, log z", t -> Gamma.of(t, Var.constant(1.0)), a, Var::log,
                SpecialFunctions.digamma(a), SpecialFunctions.trigamma(a));
    }

    @Test
    void gammaRateGradientIsPathwise() {
        // E[z²] = α(α+1)/β², d/dβ = -2α(α+1)/β³
        double a = 2.5;
        double b = 1.5;
        check("Gamma rate, z²", t -> Gamma.of(Var.constant(a), t), b, Var::square, a * (a + 1) / (b * b), -2 * a * (a + 1) / (b * b * b));
    }

    @Test
    void betaConcentrationGradientsThroughTwoGammaDraws() {
        // E[z] = a/(a+b): d/da = b/(a+b)², d/db = -a/(a+b)²; E[log z] = ψ(a) - ψ(a+b), d/da = ψ'(a) - ψ'(a+b)
        double a = 2.0;
        double b = 3.0;
        double s = a + b;
        check("Beta concentration1, z", t -> Beta.of(t, Var.constant(b)), a, z -> z, a / s, b / (s * s));
        check("Beta concentration0, z", t -> Beta.of(Var.constant(a), t), b, z -> z, a / s, -a / (s * s));
        check("Beta concentration1, log z", t -> Beta.of(t, Var.constant(b)), a, Var::log,
                SpecialFunctions.digamma(a) - SpecialFunctions.digamma(s), SpecialFunctions.trigamma(a) - SpecialFunctions.trigamma(s));
        double c = 0.5;
        double d = 0.7;
        check("Beta(0.5, 0.7) concentration1, z", t -> Beta.of(t, Var.constant(d)), c, z -> z, c / (c + d), d / ((c + d) * (c + d)));
    }

    @Test
    void chiSquaredInverseGammaAndStudentTInheritTheGammaGradient() {
        // Chi2: E[z²] = k(k+2), d/dk = 2k + 2
        double k = 3.0;
        check("Chi2 df, z²", Chi2::of, k, Var::square, k * (k + 2), 2 * k + 2);
        // InverseGamma(α, β): E[log z] = log β - ψ(α), d/dα = -ψ'(α); E[z] = β/(α-1), d/dβ = 1/(α-1)
        double a = 4.0;
        double b = 2.0;
        check("InverseGamma concentration, log z", t -> InverseGamma.of(t, Var.constant(b)), a, Var::log,
                Math.log(b) - SpecialFunctions.digamma(a), -SpecialFunctions.trigamma(a));
        check("InverseGamma scale, z", t -> InverseGamma.of(Var.constant(a), t), b, z -> z, b / (a - 1), 1 / (a - 1));
        // StudentT(ν, 0, 1): E[z²] = ν/(ν-2), d/dν = -2/(ν-2)²
        double v = 9.0;
        check("StudentT df, z²", t -> StudentT.of(t, Var.constant(0.0), Var.constant(1.0)), v, Var::square,
                v / (v - 2), -2 / ((v - 2) * (v - 2)));
    }

    /**
     * Pathwise and score-function estimates of {@code d/dθ E[f(z)]} at {@code θ = theta} against
     * {@code exact}; {@code mean} is {@code E[f(z)]}, the score-function baseline.
     */
    private static void check(String label, Function<Var, Distribution> family, double theta,
                              Function<Var, Var> f, double mean, double exact) {
        Tape tape = new Tape();
        Var leaf = tape.variable(Tensor.full(theta, N));
        Var z = family.apply(leaf).rsample(RandomStream.of(label.hashCode()));
        double[] pathwise = tape.gradient(f.apply(z).sum(), leaf).of(leaf).toArray();

        Tape scoreTape = new Tape();
        Var scoreLeaf = scoreTape.variable(Tensor.full(theta, N));
        Tensor draws = z.value();
        double[] score = scoreTape.gradient(family.apply(scoreLeaf).logProb(draws).sum(), scoreLeaf).of(scoreLeaf).toArray();
        double[] fz = f.apply(Var.constant(draws)).value().toArray();
        double[] scoreTerms = new double[N];
        for (int i = 0; i < N; i++) {
            scoreTerms[i] = (fz[i] - mean) * score[i];
        }

        double[] p = meanAndStandardError(pathwise);
        double[] s = meanAndStandardError(scoreTerms);
        assertThat(Math.abs(p[0] - exact)).as("%s: pathwise %s ± %s vs exact %s", label, p[0], p[1], exact)
                .isLessThanOrEqualTo(STANDARD_ERRORS * p[1]);
        assertThat(Math.abs(s[0] - exact)).as("%s: score function %s ± %s vs exact %s", label, s[0], s[1], exact)
                .isLessThanOrEqualTo(STANDARD_ERRORS * s[1]);
        assertThat(Math.abs(p[0] - s[0])).as("%s: pathwise %s ± %s vs score function %s ± %s", label, p[0], p[1], s[0], s[1])
                .isLessThanOrEqualTo(STANDARD_ERRORS * Math.hypot(p[1], s[1]));
        // the implicit gradient is the lower-variance estimator here
        assertThat(p[1]).as("%s: pathwise SE below score-function SE", label).isLessThan(s[1]);
    }

    private static double[] meanAndStandardError(double[] v) {
        double m = 0;
        for (double e : v) {
            m += e;
        }
        m /= v.length;
        double ss = 0;
        for (double e : v) {
            ss += (e - m) * (e - m);
        }
        return new double[] {m, Math.sqrt(ss / (v.length - 1) / v.length)};
    }

    /**
     * Test (1) of the implicit reparameterization: for draws {@code z ~ Gamma(α, 1)} the tape's
     * {@code dz/dα} equals {@code -(F(z; α + h) - F(z; α - h)) / 2h / p(z; α)} (central difference of
     * the cdf, with {@code h = 1e-5 min(α, √α)}: F varies in {@code α} on the scale {@code min(α, √α)},
     * so the truncation error {@code O((h/scale)²)} is about 1e-10 relative and the round-off
     * {@code 1e-16 scale / h} about 1e-11), within 1e-6 relative; the worst error measured is
     * 4.8e-10. The difference is taken on {@code Q = 1 - P} where {@code P > 1/2} so the far upper
     * tail does not cancel. Shapes below 1 use the boosted sampler.
     */
    @Test
    void implicitGradientOfGammaDrawsMatchesTheCdfIdentity() {
        double[] alphas = {0.02, 0.3, 0.9, 1.0, 2.5, 17.0, 250.0, 4000.0};
        Tape tape = new Tape();
        Var alpha = tape.variable(Tensor.of(alphas));
        Var z = Gamma.of(alpha, Var.constant(1.0)).rsample(RandomStream.of(17), 25);
        Gradients g = tape.vjp(z, Tensor.ones(z.shape()), alpha);
        // per-draw dz/dα: each draw depends on its own α only, so recompute per element
        double[] zs = z.value().toArray();
        double worst = 0;
        for (int i = 0; i < zs.length; i++) {
            double a = alphas[i % alphas.length];
            double analytic = singleDrawGradient(a, zs[i]);
            double numeric = cdfIdentity(a, zs[i]);
            double err = Math.abs(analytic - numeric) / Math.abs(numeric);
            worst = Math.max(worst, err);
            assertThat(err).as("a=%s z=%s: tape %s vs cdf identity %s", a, zs[i], analytic, numeric).isLessThanOrEqualTo(1e-6);
        }
        // and the tape's sum over the 25 draws of each α is the sum of those per-draw gradients
        double[] summed = g.of(alpha).toArray();
        for (int j = 0; j < alphas.length; j++) {
            double expected = 0;
            for (int i = j; i < zs.length; i += alphas.length) {
                expected += singleDrawGradient(alphas[j], zs[i]);
            }
            assertThat(summed[j]).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-10));
        }
        assertThat(worst).isLessThan(1e-6);
    }

    /** {@code dz/dα} for one draw {@code z} of {@code Gamma(α, 1)}: {@code z · d log z / dα}. */
    private static double singleDrawGradient(double a, double z) {
        return z * IncompleteGammaDerivative.logDrawDerivative(a, Math.log(z));
    }

    private static double cdfIdentity(double a, double z) {
        double h = 1e-5 * Math.min(a, Math.sqrt(a));
        boolean upper = SpecialFunctions.regularizedGammaP(a, z) > 0.5;
        double dF = upper
                ? -(SpecialFunctions.regularizedGammaQ(a + h, z) - SpecialFunctions.regularizedGammaQ(a - h, z)) / (2 * h)
                : (SpecialFunctions.regularizedGammaP(a + h, z) - SpecialFunctions.regularizedGammaP(a - h, z)) / (2 * h);
        double density = Math.exp((a - 1) * Math.log(z) - z - SpecialFunctions.lgamma(a));
        return -dF / density;
    }
}
