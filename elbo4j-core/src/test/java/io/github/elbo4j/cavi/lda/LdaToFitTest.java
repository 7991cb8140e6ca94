package io.github.elbo4j.cavi.lda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.infer.FactorPosterior;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.StopReason;
import io.github.elbo4j.infer.Verdict;
import org.junit.jupiter.api.Test;

/**
 * {@link LdaFit#toFit()}. What each test catches: a fit that claims a PSIS check or a convergence
 * rule LDA does not have, a topic factor that is not {@code q(β) = Dir(λ)} (transposed: λ is
 * stored term-major inside), and an online fit with an empty or invented trace.
 */
class LdaToFitTest {

    private static final LdaGenerativeCorpus SAMPLE = LdaGenerativeCorpus.sample(120, 40, 3, 40, 0.3, 0.1, 5L);

    @Test
    void batchTopicsAreOneDirichletFactorWithTheModelsTopicWordMeans() {
        LdaFit lda = Lda.builder().topics(3).batch().warmStart(true).passes(8).seed(1).threads(1).build().fit(SAMPLE.corpus());
        Fit fit = lda.toFit();
        assertThat(fit.paretoK()).isEmpty();
        assertThat(fit.verdict().level()).isEqualTo(Verdict.Level.UNCHECKED);
        assertThat(fit.verdict().reasons()).containsExactly("not checked by importance sampling: " + LdaFit.NOT_CHECKED);
        assertThat(LdaFit.NOT_CHECKED).contains("topic proportions").contains("perplexity");
        assertThat(fit.stopReason()).isEqualTo(StopReason.FIXED_BUDGET);
        FactorPosterior q = (FactorPosterior) fit.posterior();
        assertThat(q.latentNames()).containsExactly("topics");
        assertThat(q.shapeOf("topics")).containsExactly(3, 40);
        assertThat(q.factors().get("topics").distribution().mean().toArray())
                .containsExactly(lda.model().topicWordMeans().toArray(), within(1e-15));
        assertThat(fit.elboTrace()).isEqualTo(lda.elboTrace());
        assertThat(lda.elboTrace().length()).isEqualTo(8);
        assertThat(fit.elboTrace().largestRelativeDecrease()).isLessThan(1e-12);
        assertThat(fit.seed()).isEqualTo(1);
    }

    @Test
    void anOnlineFitsTraceIsItsTrainingBoundAndSaysSo() {
        LdaFit lda = Lda.builder().topics(3).online().batchSize(32).passes(2).seed(4).threads(1).build().fit(SAMPLE.corpus());
        Fit fit = lda.toFit();
        assertThat(lda.elboTrace().values()).containsExactly(lda.trainingBound());
        assertThat(fit.elboTrace()).isEqualTo(lda.elboTrace());
        assertThat(fit.notes()).anyMatch(n -> n.startsWith("online VB computes no bound while training"));
        assertThat(fit.verdict().level()).isEqualTo(Verdict.Level.UNCHECKED);
    }
}
