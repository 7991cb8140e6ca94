package io.github.elbo4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Posterior;
import io.github.elbo4j.random.RandomStream;
import org.junit.jupiter.api.Test;

class BayesCoinDemoTest {

    /**
     * Reference values computed outside the project with scipy 1.17: stats.beta(8, 6).mean(), .median(),
     * .var(), .ppf(0.025), .ppf(0.975); log(comb(10, 6)) + betaln(8, 6) - betaln(2, 2).
     */
    @Test
    void exactPosteriorSummariesMatchScipy() {
        BayesCoinDemo.Exact e = BayesCoinDemo.exact();
        assertThat(e.mean()).isCloseTo(0.5714285714285714, offset(1e-15));
        assertThat(e.median()).isCloseTo(0.5749233386504184, offset(1e-10));
        assertThat(e.mode()).isCloseTo(7.0 / 12, offset(1e-15));
        assertThat(e.variance()).isCloseTo(0.0163265306122449, offset(1e-15));
        assertThat(e.lo95()).isCloseTo(0.31577760291406304, offset(1e-9));
        assertThat(e.hi95()).isCloseTo(0.807767558198712, offset(1e-9));
        assertThat(e.logEvidence()).isCloseTo(-2.1006437493304397, offset(1e-12));
    }

    @Test
    void betaGuideReachesTheExactPosteriorAndTheEvidence() {
        Fit fit = BayesCoinDemo.betaFit(42);
        assertThat(fit.parameter("alpha").item() / 8).isCloseTo(1.0, offset(0.02));
        assertThat(fit.parameter("beta").item() / 6).isCloseTo(1.0, offset(0.02));
        Posterior.ElboEstimate elbo = fit.posterior().elbo(BayesCoinDemo.COIN, 100_000, RandomStream.of(1));
        double logZ = BayesCoinDemo.exact().logEvidence();
        assertThat(elbo.value()).isLessThan(logZ + 4 * elbo.standardError());
        assertThat(logZ - elbo.value()).isLessThan(1e-3);
    }
}
