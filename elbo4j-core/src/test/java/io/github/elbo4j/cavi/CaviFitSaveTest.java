package io.github.elbo4j.cavi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.cavi.conjugate.BetaBinomialCavi;
import io.github.elbo4j.cavi.conjugate.GaussianChainCavi;
import io.github.elbo4j.cavi.conjugate.LinearRegressionVi;
import io.github.elbo4j.cavi.conjugate.NormalGammaCavi;
import io.github.elbo4j.cavi.conjugate.NormalGammaCaviParameters;
import io.github.elbo4j.cavi.gmm.GaussianMixtureVI;
import io.github.elbo4j.cavi.gmm.GmmTestData;
import io.github.elbo4j.cavi.lda.Lda;
import io.github.elbo4j.cavi.lda.LdaGenerativeCorpus;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved coordinate-ascent fit loads without its model ({@code Fit.load(path)}: its factors are
 * self-contained) and gives the same summary bits, parameters, trace, diagnostics, verdict,
 * provenance and notes. Catches a factor family or parameter that does not survive JSON (a
 * MultivariateNormal covariance, a [K, V] Dirichlet), and a fit whose summary depends on
 * something the file does not hold.
 */
class CaviFitSaveTest {

    private static Map<String, Fit> fits() {
        Map<String, Fit> fits = new LinkedHashMap<>();
        BetaBinomialCavi coin = BetaBinomialCavi.of(2, 2);
        fits.put("beta-binomial", coin.toFit(coin.fit(6, 10), 6, 10, 1));
        NormalGammaCavi ng = NormalGammaCavi.of(new NormalGammaCaviParameters(0, 1, 2, 2));
        double[] data = {1.8, 0.4, 0.9};
        fits.put("normal-gamma", ng.toFit(ng.fit(data), data, 2));
        GaussianChainCavi chain = GaussianChainCavi.of(3, 1, 0.5, 2);
        fits.put("chain", chain.toFit(chain.fit(1.5), 1.5, 3));
        Tensor x = Tensor.of(new double[] {1, 0.5, 1, -1.2, 1, 2.0, 1, 0.1, 1, -0.4}, 5, 2);
        Tensor y = Tensor.of(0.7, -1.5, 2.9, 0.2, -0.3);
        LinearRegressionVi ard = LinearRegressionVi.builder().ard(true).weightPrecisionPrior(0.1, 0.1).noisePrecisionPrior(0.1, 0.1).build();
        fits.put("regression", ard.toFit(ard.fit(x, y), x, y, 4));
        fits.put("mixture", GaussianMixtureVI.builder().components(3).threads(1).seed(5).build()
                .fit(GmmTestData.threeClusters(200, 6).x).toFit());
        fits.put("lda", Lda.builder().topics(2).passes(3).seed(7).threads(1).build()
                .fit(LdaGenerativeCorpus.sample(40, 12, 2, 20, 0.3, 0.2, 8L).corpus()).toFit());
        return fits;
    }

    @Test
    void aSavedFitLoadsWithoutItsModelWithTheSameSummaryBits(@TempDir Path dir) {
        fits().forEach((name, fit) -> {
            Path file = dir.resolve(name + ".json");
            fit.save(file);
            Fit loaded = Fit.load(file);
            assertThat(loaded.summary()).as(name).isEqualTo(fit.summary());
            assertThat(loaded.parameters()).as(name).isEqualTo(fit.parameters());
            assertThat(loaded.elboTrace()).as(name).isEqualTo(fit.elboTrace());
            assertThat(loaded.diagnostics()).as(name).isEqualTo(fit.diagnostics());
            assertThat(loaded.verdict()).as(name).isEqualTo(fit.verdict());
            assertThat(loaded.provenance()).as(name).isEqualTo(fit.provenance());
            assertThat(loaded.stopReason()).as(name).isEqualTo(fit.stopReason());
            assertThat(loaded.notes()).as(name).isEqualTo(fit.notes());
            assertThat(loaded.method()).as(name).isEqualTo(fit.method());
        });
    }
}
