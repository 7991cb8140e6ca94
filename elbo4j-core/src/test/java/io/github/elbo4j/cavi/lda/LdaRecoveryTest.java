package io.github.elbo4j.cavi.lda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Topics drawn from the LDA generative model are recovered. Corpus ({@link LdaGenerativeCorpus},
 * seed 20261123): K = 5 topics {@code β_k ~ Dir(0.1)} over V = 200 terms, D = 500 documents with
 * {@code θ_d ~ Dir(0.2)} and 100 tokens each, about 10,000 tokens per topic. Fitted topics
 * {@code E_q[β_k]} are matched to the true ones by the permutation minimizing the summed
 * Hellinger distance (all 120 of them).
 *
 * <p>The bound, 0.1 on the mean distance. No estimator beats the oracle that knows every token's
 * topic and takes the empirical distribution of that topic's tokens: its mean distance to the
 * truth, measured here, is the sampling floor (0.042). The fit is also smoothed by the prior
 * η = 1/K, which moves a share {@code ε = Vη / (n_k + Vη) ≈ 0.004} of each topic's mass onto all
 * 200 terms, most of which the sparse true topic leaves near 0: that alone costs
 * {@code H² ≈ ε/2}, so the expected floor is {@code sqrt(H_oracle² + ε/2) ≈ 0.061} before the
 * uncertainty of the assignments is added. Recovered fits measure 0.07–0.08 (batch 0.080,
 * online 0.072, in the assertion messages); a fit that merges two topics and splits another
 * measures 0.2–0.3. So 0.1 separates the two with room on both sides.
 *
 * <p>Local optima: on this corpus single fits often end with two topics merged and another
 * split (seeds 0–7, measured: batch fails for seeds 0 and 2, online for 0, 2, 4 and 6; scikit-learn
 * 1.2.1 started from the same initial topics ends in the same optima). Those fits have a training
 * bound about 6,500 nats below the recovered ones (−203.3k against −196.7k), so the tests fit from
 * four seeds and keep the highest bound ({@link Lda.Builder#restarts}), as a user would: the choice
 * uses the bound only, never the true topics. A separate test checks that the bound ranks the fits.
 */
class LdaRecoveryTest {

    private static final int K = 5;
    private static LdaGenerativeCorpus sample;
    private static double oracleDistance;

    @BeforeAll
    static void sample() {
        sample = LdaGenerativeCorpus.sample(500, 200, K, 100, 0.2, 0.1, 20261123L);
        double sum = 0;
        for (int k = 0; k < K; k++) {
            double[] counts = sample.oracleCounts()[k];
            double total = 0;
            for (double c : counts) {
                total += c;
            }
            double[] p = new double[counts.length];
            for (int w = 0; w < counts.length; w++) {
                p[w] = counts[w] / total;
            }
            sum += LdaGenerativeCorpus.hellinger(sample.topics()[k], p);
        }
        oracleDistance = sum / K;
    }

    private static double meanMatchedHellinger(LdaModel model) {
        double[] means = model.topicWordMeans().toArray();
        int v = model.vocabularySize();
        double[][] fitted = new double[K][v];
        for (int k = 0; k < K; k++) {
            System.arraycopy(means, k * v, fitted[k], 0, v);
        }
        int[] match = LdaGenerativeCorpus.bestMatching(sample.topics(), fitted);
        double sum = 0;
        for (int k = 0; k < K; k++) {
            sum += LdaGenerativeCorpus.hellinger(sample.topics()[k], fitted[match[k]]);
        }
        return sum / K;
    }

    @Test
    void batchVariationalBayesRecoversTheTrueTopics() {
        LdaFit fit = Lda.builder().topics(K).batch().passes(100).seed(0).restarts(4).threads(2).build()
                .fit(sample.corpus());
        double distance = meanMatchedHellinger(fit.model());
        assertThat(distance).as("batch mean Hellinger %.4f, oracle %.4f", distance, oracleDistance)
                .isLessThan(0.1);
    }

    @Test
    void onlineVariationalBayesRecoversTheTrueTopics() {
        LdaFit fit = Lda.builder().topics(K).online().batchSize(25).learningOffset(1).learningDecay(0.6)
                .passes(50).seed(0).restarts(4).threads(2).build().fit(sample.corpus());
        double distance = meanMatchedHellinger(fit.model());
        assertThat(distance).as("online mean Hellinger %.4f, oracle %.4f", distance, oracleDistance)
                .isLessThan(0.1);
    }

    @Test
    void theHighestBoundOfSeveralSeedsIsTheFitClosestToTheTruth() {
        double bestBound = Double.NEGATIVE_INFINITY;
        double distanceOfBest = Double.NaN;
        double smallestDistance = Double.POSITIVE_INFINITY;
        for (long seed = 0; seed < 4; seed++) {
            LdaFit fit = Lda.builder().topics(K).batch().passes(100).seed(seed).threads(2).build()
                    .fit(sample.corpus());
            double distance = meanMatchedHellinger(fit.model());
            smallestDistance = Math.min(smallestDistance, distance);
            if (fit.trainingBound() > bestBound) {
                bestBound = fit.trainingBound();
                distanceOfBest = distance;
            }
        }
        assertThat(distanceOfBest).as("distance of the best-bound fit").isLessThan(0.1);
        assertThat(distanceOfBest).isLessThanOrEqualTo(smallestDistance + 0.005);
    }

    @Test
    void restartsKeepTheSeedOfTheWinningFit() {
        LdaFit fit = Lda.builder().topics(K).batch().passes(100).seed(0).restarts(4).threads(2).build()
                .fit(sample.corpus());
        LdaFit again = Lda.builder().topics(K).batch().passes(100).seed(fit.model().settings().seed()).threads(2)
                .build().fit(sample.corpus());
        assertThat(again.trainingBound()).isEqualTo(fit.trainingBound());
        assertThat(fit.model().settings().seed()).isBetween(0L, 3L);
    }

    @Test
    void theOracleSitsAtTheSamplingFloor() {
        assertThat(oracleDistance).as("oracle mean Hellinger %.4f", oracleDistance).isBetween(0.03, 0.06);
    }
}
