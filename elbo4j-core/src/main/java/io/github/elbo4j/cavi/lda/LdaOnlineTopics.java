package io.github.elbo4j.cavi.lda;

import io.github.elbo4j.parallel.WorkerPool;
import io.github.elbo4j.random.RandomStream;

/**
 * The topics of an online LDA fit and their M-step, for a fitter whose E-step runs elsewhere
 * (a cluster's executors, with {@link LdaPartialEStep}): the same start and the same update
 * arithmetic as {@link Lda}'s online fit (Hoffman, Blei and Bach, NeurIPS 2010, algorithm 2).
 * Holds {@code λ} and {@code β̃_kw = exp(E[log β_kw])}, term-major ({@code [w K + k]}). Not
 * thread-safe; close it to stop its worker threads.
 */
public final class LdaOnlineTopics implements AutoCloseable {

    private final LdaSettings settings;
    private final int vocabularySize;
    private final double[] lambda;
    private final double[] expElogBeta;
    private final double[] totals;
    private final WorkerPool workers;
    private long updates;

    private LdaOnlineTopics(LdaSettings settings, int vocabularySize) {
        this.settings = settings;
        this.vocabularySize = vocabularySize;
        this.lambda = LdaTraining.initialTopics(RandomStream.of(settings.seed()), settings.topics(), vocabularySize);
        this.expElogBeta = new double[lambda.length];
        this.totals = new double[settings.topics()];
        this.workers = WorkerPool.of(settings.threads());
        LdaTopicUpdate.expectedLog(lambda, settings.topics(), expElogBeta, workers);
    }

    /**
     * The start of an online fit: {@code λ_kw ~ Gamma(100, 1/100)} from
     * {@code RandomStream.of(seed).split(0)} ({@link Lda#initialTopics}) and its {@code β̃}.
     */
    public static LdaOnlineTopics start(LdaSettings settings, int vocabularySize) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("LdaOnlineTopics vocabularySize must be >= 1, got " + vocabularySize);
        }
        return new LdaOnlineTopics(settings, vocabularySize);
    }

    /** The topic updates made so far; the next is {@code t = updates() + 1}. */
    public long updates() {
        return updates;
    }

    /** {@code β̃} for the next E-step, term-major {@code [V][K]} (the array itself: do not write it). */
    public double[] expElogBeta() {
        return expElogBeta;
    }

    /**
     * Update {@code t = updates() + 1}: {@code λ_kw ← (1 − ρ_t) λ_kw + ρ_t (η + (D/|B|) β̃_kw S_kw)}
     * with {@code ρ_t = (τ0 + t)^(−κ)} (Hoffman, Blei and Bach, NeurIPS 2010, algorithm 2;
     * {@link LdaSettings#learningRate}), then {@code β̃} of every term under the new {@code λ}.
     * {@code statistics} is {@code S_kw} of the minibatch ({@link LdaPartialEStep#train}), term-major;
     * it is reset to 0.
     *
     * @param documents  D, the documents of the corpus
     * @param batch      |B|, the documents of this minibatch
     */
    public void update(double[] statistics, long documents, long batch) {
        if (statistics.length != lambda.length) {
            throw new IllegalArgumentException("LdaOnlineTopics statistics must have V K = " + lambda.length
                    + " entries, got " + statistics.length);
        }
        if (batch < 1 || documents < batch) {
            throw new IllegalArgumentException("LdaOnlineTopics needs 1 <= batch <= documents, got batch " + batch
                    + " of " + documents);
        }
        long t = updates + 1;
        LdaTopicUpdate.online(lambda, expElogBeta, statistics, settings.topicWordPrior(), settings.learningRate(t),
                (double) documents / batch, totals, workers);
        LdaTopicUpdate.expectedLog(lambda, totals, null, vocabularySize, expElogBeta, workers);
        updates = t;
    }

    /**
     * {@code β̃} of the current {@code λ} with the topic totals summed term by term in order: what
     * {@link LdaModel#bound} and the training bound of {@link Lda}'s fit evaluate with.
     */
    public double[] evaluationExpElogBeta() {
        double[] out = new double[lambda.length];
        LdaTopicUpdate.expectedLog(lambda, settings.topics(), out, workers);
        return out;
    }

    /**
     * The topic term of the bound, {@code E_q[log p(β | η) − log q(β | λ)]} ({@link LdaBound#topics}):
     * add it to the documents' terms ({@link LdaPartialEStep#documentBound}) for {@code L(γ, λ)}.
     */
    public double topicBound() {
        return new LdaBound(settings.topics(), vocabularySize, settings.docTopicPrior(), settings.topicWordPrior())
                .topics(lambda);
    }

    /** The fitted topics (a copy of {@code λ}). */
    public LdaModel model() {
        return new LdaModel(settings, vocabularySize, lambda.clone());
    }

    @Override
    public void close() {
        workers.close();
    }
}
