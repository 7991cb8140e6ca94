package io.github.elbo4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.cavi.conjugate.GaussianChainCavi;
import io.github.elbo4j.cavi.conjugate.GaussianChainCaviResult;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.GuidePosterior;
import org.junit.jupiter.api.Test;

class SviVsCaviDemoTest {

    @Test
    void caviAndSviReachTheSameMeanFieldFixedPoint() {
        GaussianChainCavi chain = GaussianChainCavi.of(2, 1, 1, 1);
        GaussianChainCaviResult cavi = chain.fit(SviVsCaviDemo.X);
        assertThat(cavi.factors().means()[0]).isCloseTo(1.0, offset(1e-9));
        assertThat(cavi.factors().means()[1]).isCloseTo(2.0, offset(1e-9));
        assertThat(chain.logEvidence(SviVsCaviDemo.X) - cavi.elboTrace().last()).isCloseTo(0.5 * Math.log(4.0 / 3), offset(1e-9));
        Fit svi = SviVsCaviDemo.svi(42);
        GuidePosterior q = (GuidePosterior) svi.posterior();
        double[] loc = {q.location("z1").item(), q.location("z2").item()};
        double[] sd = {q.scale("z1").item(), q.scale("z2").item()};
        // final-iterate noise of Adam at lr 5e-4 with 32 particles: |error| below 0.02 in the means and 3% in the sds
        assertThat(loc[0]).isCloseTo(1.0, offset(0.02));
        assertThat(loc[1]).isCloseTo(2.0, offset(0.02));
        assertThat(sd[0] / Math.sqrt(0.5)).isCloseTo(1.0, offset(0.03));
        assertThat(sd[1] / Math.sqrt(0.5)).isCloseTo(1.0, offset(0.03));
    }
}
