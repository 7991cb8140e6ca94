package io.github.elbo4j.cavi.lda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The variational bound under batch VB with warm starts, which is exact coordinate ascent: each
 * E-step iteration sets φ_d and then γ_d to their exact maximizers given the rest, starting from
 * the previous sweep's γ_d, and the topic update {@code λ = η + Σ_d n_dw φ_dwk} is the exact
 * maximizer given φ. So the bound after each sweep never decreases, up to rounding (1e-10
 * relative; the bound is a sum of about 10^5 terms each rounded to 1e-16 relative).
 */
class LdaBoundTest {

    private static final LdaGenerativeCorpus SAMPLE = LdaGenerativeCorpus.sample(300, 120, 4, 60, 0.25, 0.1, 7L);

    @Test
    void theBoundNeverDecreasesAcrossBatchSweeps() {
        for (long seed = 0; seed < 3; seed++) {
            LdaFit fit = Lda.builder().topics(4).batch().warmStart(true).passes(40).seed(seed).threads(2).build()
                    .fit(SAMPLE.corpus());
            double[] bounds = fit.elboTrace().values();
            assertThat(bounds).hasSize(40);
            for (int s = 1; s < bounds.length; s++) {
                double previous = bounds[s - 1];
                assertThat(bounds[s]).as("seed %d sweep %d: %s after %s", seed, s + 1, bounds[s], previous)
                        .isGreaterThanOrEqualTo(previous - 1e-10 * Math.abs(previous));
            }
            assertThat(bounds[39]).as("the fit moved").isGreaterThan(bounds[0]);
        }
    }

    @Test
    void theBoundNeverDecreasesEvenWithOneIterationPerDocument() {
        LdaFit fit = Lda.builder().topics(4).batch().warmStart(true).passes(30).maxDocumentIterations(1).seed(3)
                .threads(1).build().fit(SAMPLE.corpus());
        double[] bounds = fit.elboTrace().values();
        for (int s = 1; s < bounds.length; s++) {
            assertThat(bounds[s]).isGreaterThanOrEqualTo(bounds[s - 1] - 1e-10 * Math.abs(bounds[s - 1]));
        }
    }

    @Test
    void freshStartsEndHigherThanTheyBeginWithoutAMonotoneGuarantee() {
        double[] bounds = Lda.builder().topics(4).batch().passes(20).seed(0).threads(2).build()
                .fit(SAMPLE.corpus()).elboTrace().values();
        assertThat(bounds[19]).isGreaterThan(bounds[0]);
    }

    @Test
    void theBoundIsBelowTheLogLikelihoodOfTheCorpusUnderNoModelAtAll() {
        // log p(w) <= 0 for counts of discrete tokens, and L <= log p(w)
        LdaFit fit = Lda.builder().topics(4).batch().passes(5).seed(1).build().fit(SAMPLE.corpus());
        assertThat(fit.trainingBound()).isNegative();
        assertThat(java.util.Arrays.stream(fit.elboTrace().values()).max().orElseThrow()).isNegative();
    }

    @Test
    void perplexityIsTheExponentialOfMinusTheBoundPerToken() {
        LdaFit fit = Lda.builder().topics(4).online().batchSize(64).passes(3).seed(2).build().fit(SAMPLE.corpus());
        LdaModel model = fit.model();
        double bound = model.bound(SAMPLE.corpus());
        assertThat(bound).isEqualTo(fit.trainingBound());
        assertThat(model.perplexity(SAMPLE.corpus()))
                .isEqualTo(Math.exp(-bound / SAMPLE.corpus().tokenCount()))
                .isEqualTo(fit.trainingPerplexity());
        assertThat(fit.elboTrace().values()).as("online VB computes no bound per pass").containsExactly(fit.trainingBound());
    }
}
