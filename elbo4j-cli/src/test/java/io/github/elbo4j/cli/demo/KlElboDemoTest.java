package io.github.elbo4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class KlElboDemoTest {

    @Test
    void logEvidenceEqualsElboPlusKlForAnyGaussianQ() {
        for (double[] q : new double[][] {{0, 1}, {1.7, 0.4}, {-3, 5}}) {
            ElboIdentity id = ElboIdentity.check(q[0], q[1]);
            assertThat(id.elbo() + id.kl()).isCloseTo(id.logEvidence(), offset(1e-10));
            assertThat(id.kl()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void logEvidenceMatchesScipy() {
        // scipy.stats.multivariate_normal(mean=zeros(5), cov=4*ones((5,5)) + eye(5)).logpdf([1.2, 2.7, 0.4, 1.9, 2.2])
        // = -8.066953884885073 (scipy 1.17, computed outside the project)
        assertThat(ElboIdentity.check(0, 1).logEvidence()).isCloseTo(-8.066953884885073, offset(1e-10));
    }

    @Test
    void forwardKlFitMatchesTheTargetMoments() {
        double[] f = KlElboDemo.forwardFit();
        // mean 0.4(-3) + 0.6(3) = 0.6; E[z^2] = 0.4(0.49 + 9) + 0.6(1 + 9) = 9.796; var = 9.796 - 0.36 = 9.436
        assertThat(f[0]).isCloseTo(0.6, offset(1e-12));
        assertThat(f[1] * f[1]).isCloseTo(9.436, offset(1e-12));
    }

    @Test
    void reverseKlFitLocksOntoOneModeAndBeatsTheMomentMatchOnItsOwnObjective() {
        double[] r = KlElboDemo.reverseFit(42, 1.0);
        assertThat(r[0]).isCloseTo(3.0, offset(0.1));
        assertThat(r[1]).isCloseTo(1.0, offset(0.1));
        assertThat(KlElboDemo.klOnGrid(false, r)).isLessThan(KlElboDemo.klOnGrid(false, KlElboDemo.forwardFit()));
        assertThat(KlElboDemo.klOnGrid(true, KlElboDemo.forwardFit())).isLessThan(KlElboDemo.klOnGrid(true, r));
    }
}
