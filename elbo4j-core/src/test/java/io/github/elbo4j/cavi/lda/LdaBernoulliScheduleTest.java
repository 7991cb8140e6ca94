package io.github.elbo4j.cavi.lda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link LdaSchedule#BERNOULLI} online schedule (MLlib's): every draw takes each document
 * independently with probability f ({@link LdaSettings#bernoulliSample}), {@code ⌈passes / f⌉} draws,
 * each update scaled by {@code D / |B_t|}.
 */
class LdaBernoulliScheduleTest {

    private static final DocumentTermMatrix CORPUS =
            LdaGenerativeCorpus.sample(150, 60, 3, 30, 0.3, 0.1, 5L).corpus();

    private static Lda.Builder bernoulli() {
        return Lda.builder().topics(3).online().schedule(LdaSchedule.BERNOULLI).batchSize(16).passes(2)
                .learningOffset(4).learningDecay(0.6).chunkSize(8).seed(9).threads(1);
    }

    /**
     * D = 200, f = 0.3, n = 20000 draws: |B| ~ Binomial(200, 0.3), mean Df = 60, variance
     * Df(1 − f) = 42. The sample mean's standard error is sqrt(42 / n) = 0.046 and the sample
     * variance's sqrt(2 σ⁴/(n − 1) + κ σ⁴/n) = 0.42 (κ = (1 − 6f(1 − f)) / (Df(1 − f)) = −0.006, the
     * binomial's excess kurtosis); the bounds are 4 standard errors (0.18 and 1.7). Each document's
     * inclusion count is Binomial(n, f): mean 6000, sd 64.8, bounded by 5 sd (a 6e-7 two-sided tail, so
     * about 1e-4 for any of 200 documents); documents 0 and 1 are both taken with probability f² = 0.09
     * (mean 1800, sd 40.5, 5 sd). Wrong code caught: a fixed size f D (variance 0), sizes that are
     * Poisson-like (variance 60), an off-by-one gap (mean ≠ 60, or document 0 or D − 1 never or always
     * taken), runs of consecutive documents (the pair count).
     */
    @Test
    void sampleSizesHaveTheBinomialMeanAndVarianceAndEveryDocumentItsShare() {
        LdaSettings s = Lda.builder().online().schedule(LdaSchedule.BERNOULLI).sampleFraction(0.3).seed(17).build()
                .settings();
        int d = 200;
        int n = 20000;
        long[] included = new long[d];
        long bothFirstTwo = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int draw = 1; draw <= n; draw++) {
            int[] sample = s.bernoulliSample(draw, d);
            for (int i = 0; i < sample.length; i++) {
                assertThat(sample[i]).isBetween(i == 0 ? 0 : sample[i - 1] + 1, d - 1);     // ascending, distinct
                included[sample[i]]++;
            }
            bothFirstTwo += sample.length > 1 && sample[0] == 0 && sample[1] == 1 ? 1 : 0;
            sum += sample.length;
            sumSquares += (double) sample.length * sample.length;
        }
        double mean = sum / n;
        double variance = (sumSquares - n * mean * mean) / (n - 1);
        assertThat(mean).isCloseTo(60.0, org.assertj.core.data.Offset.offset(4 * Math.sqrt(42.0 / n)));
        assertThat(variance).isCloseTo(42.0, org.assertj.core.data.Offset.offset(4 * 0.42));
        double sd = Math.sqrt(n * 0.3 * 0.7);
        for (int doc = 0; doc < d; doc++) {
            assertThat((double) included[doc]).as("document %d", doc).isCloseTo(n * 0.3,
                    org.assertj.core.data.Offset.offset(5 * sd));
        }
        assertThat((double) bothFirstTwo).isCloseTo(n * 0.09, org.assertj.core.data.Offset.offset(5 * Math.sqrt(n * 0.09 * 0.91)));
        assertThat(s.bernoulliSample(7, d)).containsExactly(s.bernoulliSample(7, d)).isNotEqualTo(s.bernoulliSample(8, d));
        assertThat(s.withSeed(18).bernoulliSample(7, d)).isNotEqualTo(s.bernoulliSample(7, d));
    }

    /**
     * ⌈passes / f⌉ draws, the fewest with n f >= passes: 10 / 0.0128 = 781.25 gives 782 (MLlib's
     * iterations in docs/spark.md); 3 / 0.1 is 30.000000000000004 in floating point and gives 30, not 31;
     * unset, f = batchSize / D = 16 / 150 gives ⌈2 · 150 / 16⌉ = 19; f = 1 takes every document.
     */
    @Test
    void drawsAreTheFewestThatVisitPassesTimesTheCorpusInExpectation() {
        assertThat(bernoulli().passes(10).sampleFraction(0.0128).build().settings().draws(10000)).isEqualTo(782);
        assertThat(bernoulli().passes(3).sampleFraction(0.1).build().settings().draws(150)).isEqualTo(30);
        LdaSettings unset = bernoulli().build().settings();
        assertThat(unset.sampleFraction()).isEqualTo(0.0);
        assertThat(unset.sampleFraction(150)).isEqualTo(16.0 / 150);
        assertThat(unset.draws(150)).isEqualTo(19);
        assertThat(bernoulli().batchSize(400).build().settings().sampleFraction(150)).isEqualTo(1.0);
        assertThat(bernoulli().sampleFraction(1).build().settings().bernoulliSample(3, 5)).containsExactly(0, 1, 2, 3, 4);
    }

    /**
     * The fit makes one update per non-empty draw (19 draws of about 16 of 150 documents: an empty one
     * has probability (1 − 16/150)^150 ≈ 5e-8) and tells the listener after draws ⌈p / f⌉ = 10 and 19.
     */
    @Test
    void theFitUpdatesOncePerDrawAndEndsPassesAtTheExpectedVisits() {
        Lda lda = bernoulli().build();
        List<Long> passes = new ArrayList<>();
        LdaFit fit = lda.fit(CORPUS, (sweep, elbo) -> passes.add(sweep));
        assertThat(fit.updates()).isEqualTo(19);
        assertThat(passes).containsExactly(0L, 1L);
        LdaMinibatches batches = LdaMinibatches.of(lda.settings(), 150);
        List<Long> ends = new ArrayList<>();
        long visits = 0;
        while (batches.next()) {
            visits += batches.size();
            assertThat(batches.first()).isEqualTo(-1);
            assertThat(batches.documents()).containsExactly(lda.settings().bernoulliSample(batches.draw(), 150));
            if (batches.endsPass()) {
                ends.add(batches.draw());
            }
        }
        assertThat(ends).containsExactly(10L, 19L);
        assertThat(fit.meanDocumentIterations()).isGreaterThan(1.0);
        assertThat(fit.toFit().provenance().settings()).containsEntry("schedule", "BERNOULLI").containsEntry("sampleFraction", "batchSize / D");
        assertThat(visits).isBetween(19L * 16 - 60, 19L * 16 + 60);     // Binomial(2850, 0.107): mean 304, sd 16.5
    }

    /** The same seed gives the same bits, on one thread or two; another seed, or shuffling, another fit. */
    @Test
    void theSameSeedGivesTheSameFit() {
        LdaFit a = bernoulli().build().fit(CORPUS);
        LdaFit b = bernoulli().threads(2).build().fit(CORPUS);
        assertThat(a.model().lambdaTermMajor()).containsExactly(b.model().lambdaTermMajor());
        assertThat(a.trainingBound()).isEqualTo(b.trainingBound());
        assertThat(bernoulli().seed(10).build().fit(CORPUS).model().lambdaTermMajor()[0])
                .isNotEqualTo(a.model().lambdaTermMajor()[0]);
        assertThat(bernoulli().shuffle(true).build().fit(CORPUS).model().lambdaTermMajor()[0])
                .isNotEqualTo(a.model().lambdaTermMajor()[0]);
    }

    /**
     * The fit is {@link LdaPartialEStep} on each draw's documents followed by
     * {@link LdaOnlineTopics#update} with scale D / |B_t| (λ within 1e-9 relative): the same start, the
     * same random starts by minibatch position, the same ρ_t. MLlib's scale D / ⌈f D⌉ (here f D = 45,
     * while the draws hold other numbers of documents) gives another λ, which this test tells apart.
     */
    @Test
    void eachUpdateScalesByTheCorpusOverTheDrawnMinibatch() {
        Lda lda = bernoulli().sampleFraction(0.3).passes(1).build();
        LdaSettings s = lda.settings();
        double[] expected = lda.fit(CORPUS).model().lambdaTermMajor();
        double[] byBatch = replay(s, false);
        double[] byExpected = replay(s, true);
        double largestGap = 0;
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(byBatch[i] - expected[i])).as("lambda entry %d", i).isLessThanOrEqualTo(1e-9 * expected[i]);
            largestGap = Math.max(largestGap, Math.abs(byExpected[i] - expected[i]) / expected[i]);
        }
        assertThat(largestGap).isGreaterThan(1e-3);
    }

    /** λ after every draw of {@code s}, each scaled by D / |B| or, with {@code mllibScale}, by D / ⌈f D⌉. */
    private static double[] replay(LdaSettings s, boolean mllibScale) {
        int d = CORPUS.documentCount();
        int v = CORPUS.vocabularySize();
        double expectedSize = Math.ceil(s.sampleFraction(d) * d);
        try (LdaOnlineTopics topics = LdaOnlineTopics.start(s, v)) {
            double[] statistics = new double[v * s.topics()];
            LdaMinibatches batches = LdaMinibatches.of(s, d);
            int sizesOtherThanExpected = 0;
            while (batches.next()) {
                int size = batches.size();
                long[] positions = new long[size];
                for (int i = 0; i < size; i++) {
                    positions[i] = i;
                }
                new LdaPartialEStep(s, v).train(CORPUS, batches.documents(), positions, topics.updates() + 1,
                        topics.expElogBeta(), statistics);
                if (mllibScale) {
                    for (int j = 0; j < statistics.length; j++) {
                        statistics[j] *= size / expectedSize;
                    }
                }
                sizesOtherThanExpected += size != expectedSize ? 1 : 0;
                topics.update(statistics, d, size);
            }
            assertThat(sizesOtherThanExpected).isPositive();
            return topics.model().lambdaTermMajor();
        }
    }

    /** A fraction outside (0, 1], or one given with another schedule, fails naming the value and the rule. */
    @Test
    void aWrongFractionIsRefused() {
        for (double f : new double[] {0, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> Lda.builder().sampleFraction(f))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Lda sampleFraction must be in (0, 1] (each document's probability of being in a "
                            + "minibatch), got " + f);
        }
        assertThatThrownBy(() -> Lda.builder().online().shuffle(true).sampleFraction(0.2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lda sampleFraction 0.2 applies to schedule BERNOULLI only, got schedule SHUFFLED");
        assertThatThrownBy(() -> Lda.builder().schedule(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("Lda schedule must not be null");
    }
}
