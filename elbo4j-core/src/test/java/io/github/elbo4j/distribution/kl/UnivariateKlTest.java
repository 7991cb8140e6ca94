package io.github.elbo4j.distribution.kl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.continuous.Exponential;
import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.continuous.Laplace;
import io.github.elbo4j.distribution.continuous.Uniform;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.distribution.discrete.Categorical;
import io.github.elbo4j.distribution.discrete.Poisson;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every closed-form KL of one family against (1) zero for a distribution with itself, (2) its Monte
 * Carlo estimate from 200000 draws within 4 standard errors, and (3) the identity
 * {@code H(p, q) = H(p) + KL(p ‖ q)} with the cross-entropy {@code -E_p[log q]} estimated by Monte Carlo
 * (within 4 standard errors) and {@code H(p)} in closed form.
 */
class UnivariateKlTest {

    /**
     * Rounding of a mean over 200000 terms (about n · 2⁻⁵³ relative, 2.2e-11): the Monte Carlo
     * standard error vanishes when every term is equal (Uniform), so the float error must be allowed.
     */
    static final double ROUNDING = 1e-10;

    record Pair(String label, Distribution p, Distribution q) {
    }

    static List<Pair> pairs() {
        return List.of(
                new Pair("Gamma", Gamma.of(2.5, 1.5), Gamma.of(1.2, 0.7)),
                new Pair("Beta", Beta.of(2.0, 5.0), Beta.of(1.5, 1.5)),
                new Pair("Exponential", Exponential.of(2.0), Exponential.of(0.5)),
                new Pair("Laplace", Laplace.of(0.3, 1.2), Laplace.of(-0.5, 2.0)),
                new Pair("Uniform", Uniform.of(0.2, 0.8), Uniform.of(0.0, 1.5)),
                new Pair("Poisson", Poisson.of(3.5), Poisson.of(5.0)),
                new Pair("Bernoulli", Bernoulli.ofProbs(0.3), Bernoulli.ofProbs(0.65)),
                new Pair("Categorical", Categorical.ofProbs(Tensor.of(0.2, 0.5, 0.3)), Categorical.ofProbs(Tensor.of(0.4, 0.4, 0.2))));
    }

    @TestFactory
    List<DynamicTest> klOfADistributionToItselfIsZero() {
        return pairs().stream().map(c -> DynamicTest.dynamicTest(c.label(), () ->
                assertThat(Math.abs(KlDivergence.of(c.p(), c.p()).value().sum().item())).isLessThanOrEqualTo(1e-12))).toList();
    }

    @TestFactory
    List<DynamicTest> closedFormKlAgreesWithMonteCarloWithinFourStandardErrors() {
        return pairs().stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            double exact = KlDivergence.of(c.p(), c.q()).item();
            KlDivergence.Estimate mc = KlDivergence.monteCarlo(c.p(), c.q(), 200_000, RandomStream.of(17));
            assertThat(exact).isGreaterThanOrEqualTo(0);
            assertThat(Math.abs(mc.value().item() - exact)).as("%s: MC %s vs %s (SE %s)", c.label(), mc.value().item(), exact,
                    mc.standardError().item()).isLessThanOrEqualTo(4 * mc.standardError().item() + ROUNDING * Math.max(1, Math.abs(exact)));
        })).toList();
    }

    @TestFactory
    List<DynamicTest> crossEntropyIsEntropyPlusKl() {
        return pairs().stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            int n = 200_000;
            Tensor x = c.p().sample(RandomStream.of(23), n);
            Tensor terms = c.q().logProb(x).value().neg();
            double mean = terms.mean().item();
            double se = Math.sqrt(terms.sub(mean).square().sum().item() / (n - 1.0) / n);
            double identity = c.p().entropy().item() + KlDivergence.of(c.p(), c.q()).item();
            assertThat(Math.abs(mean - identity)).as("%s: H(p,q) MC %s vs H(p)+KL %s (SE %s)", c.label(), mean, identity, se)
                    .isLessThanOrEqualTo(4 * se + ROUNDING * Math.max(1, Math.abs(identity)));
        })).toList();
    }
}
