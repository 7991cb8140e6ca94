package io.github.elbo4j.cavi.lda;

import io.github.elbo4j.random.RandomStream;
import java.util.Objects;

/**
 * Every setting of an {@link Lda} fit, validated; what {@link Lda.Builder#build()} wraps and a
 * fit's provenance reports ({@link Lda#settings()}, {@link LdaModel#settings()}). The names follow scikit-learn's {@code LatentDirichletAllocation}
 * (in brackets) and the papers.
 *
 * <p>Serializable, so that a cluster's executors can run the E-step with these settings
 * (elbo4j-spark's online LDA).
 *
 * @param topics                K, the number of topics ({@code n_components})
 * @param docTopicPrior         α, the symmetric Dirichlet prior of each document's topic proportions
 *                              ({@code doc_topic_prior}); default 1/K
 * @param topicWordPrior        η, the symmetric Dirichlet prior of each topic's word distribution
 *                              ({@code topic_word_prior}); default 1/K
 * @param method                batch or online variational Bayes ({@code learning_method})
 * @param passes                sweeps over the corpus ({@code max_iter}; no early stop)
 * @param batchSize             documents per online minibatch ({@code batch_size})
 * @param learningOffset        τ0 of the online learning rate ({@code learning_offset})
 * @param learningDecay         κ of the online learning rate ({@code learning_decay})
 * @param maxDocumentIterations most γ/φ iterations per document per E-step ({@code max_doc_update_iter})
 * @param documentTolerance     a document's E-step stops when the mean absolute change of γ_d falls
 *                              below this ({@code mean_change_tol})
 * @param warmStart             batch only: start each sweep's E-step from the documents' γ of the last
 *                              sweep (exact coordinate ascent: the bound never decreases) instead of
 *                              fresh random draws (scikit-learn; default)
 * @param seed                  seed of the initial topics and the initial γ of each training E-step
 * @param restarts              fits from seeds {@code seed, seed + 1, …}; the one with the highest
 *                              training bound is kept (its model's settings carry its own seed)
 * @param threads               worker threads; results are bit-identical for every value
 * @param chunkSize             documents per parallel work item; each chunk draws its initial γ from its
 *                              own stream (seed, update, chunk index), so this changes the random draws
 * @param shuffle               online only: each pass takes its minibatches from a fresh random permutation of
 *                              the documents ({@link #passOrder}) instead of the corpus order (scikit-learn;
 *                              default). A corpus stored in a meaningful order (sorted by name, by date) makes
 *                              consecutive minibatches unrepresentative samples; shuffling makes each minibatch a
 *                              uniform sample without replacement, as the stochastic gradient assumes
 */
public record LdaSettings(int topics, double docTopicPrior, double topicWordPrior, LdaMethod method, int passes,
                          int batchSize, double learningOffset, double learningDecay, int maxDocumentIterations,
                          double documentTolerance, boolean warmStart, long seed, int restarts, int threads,
                          int chunkSize, boolean shuffle) implements java.io.Serializable {

    /** Validates every setting; messages name the setting, the value and the rule. */
    public LdaSettings {
        Objects.requireNonNull(method, "Lda method must not be null");
        atLeastOne("topics", topics);
        positiveFinite("docTopicPrior", docTopicPrior);
        positiveFinite("topicWordPrior", topicWordPrior);
        atLeastOne("passes", passes);
        atLeastOne("batchSize", batchSize);
        nonNegativeFinite("learningOffset", learningOffset);
        unitInterval("learningDecay", learningDecay);
        atLeastOne("maxDocumentIterations", maxDocumentIterations);
        nonNegativeFinite("documentTolerance", documentTolerance);
        atLeastOne("restarts", restarts);
        atLeastOne("threads", threads);
        atLeastOne("chunkSize", chunkSize);
    }

    /** The settings without {@code shuffle} (false): the constructor before that setting existed. */
    public LdaSettings(int topics, double docTopicPrior, double topicWordPrior, LdaMethod method, int passes,
                       int batchSize, double learningOffset, double learningDecay, int maxDocumentIterations,
                       double documentTolerance, boolean warmStart, long seed, int restarts, int threads, int chunkSize) {
        this(topics, docTopicPrior, topicWordPrior, method, passes, batchSize, learningOffset, learningDecay,
                maxDocumentIterations, documentTolerance, warmStart, seed, restarts, threads, chunkSize, false);
    }

    /**
     * The order in which online pass {@code pass = 1, 2, …} visits the {@code documents} documents;
     * its minibatch {@code m} is {@code order[m B … min(D, (m + 1) B))}. Without {@link #shuffle} the
     * corpus order {@code 0, 1, …, D − 1}; with it a uniform random permutation, by Fisher–Yates
     * (Knuth, TAOCP vol. 2, algorithm 3.4.2 P) from the stream {@code RandomStream.of(seed).split(−pass)}
     * (the streams {@code split(0)} and {@code split(t), t >= 1} draw the initial topics and γ).
     */
    public int[] passOrder(int pass, int documents) {
        if (pass < 1 || documents < 0) {
            throw new IllegalArgumentException("Lda passOrder needs pass >= 1 and documents >= 0, got pass " + pass
                    + " and " + documents + " documents");
        }
        int[] order = new int[documents];
        for (int d = 0; d < documents; d++) {
            order[d] = d;
        }
        if (shuffle) {
            RandomStream stream = RandomStream.of(seed).split(-(long) pass);
            for (int i = documents - 1; i > 0; i--) {
                int j = stream.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }

    /** These settings with another seed: what restart {@code r} of a fit runs with {@code seed + r}. */
    public LdaSettings withSeed(long newSeed) {
        return new LdaSettings(topics, docTopicPrior, topicWordPrior, method, passes, batchSize, learningOffset,
                learningDecay, maxDocumentIterations, documentTolerance, warmStart, newSeed, restarts, threads,
                chunkSize, shuffle);
    }

    /**
     * The online learning rate of update {@code t = 1, 2, …}: {@code ρ_t = (τ0 + t)^(−κ)}
     * (Hoffman, Blei and Bach, NeurIPS 2010, section 2.2 and algorithm 2). Counting from
     * {@code t = 1}, as scikit-learn does, keeps {@code ρ} finite for {@code τ0 = 0}; Robbins–Monro
     * convergence needs {@code κ ∈ (0.5, 1]}.
     */
    public double learningRate(long t) {
        if (t < 1) {
            throw new IllegalArgumentException("Lda learning-rate step t must be >= 1, got " + t);
        }
        return Math.pow(learningOffset + t, -learningDecay);
    }

    static void atLeastOne(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("Lda " + name + " must be >= 1, got " + value);
        }
    }

    static void positiveFinite(String name, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("Lda " + name + " must be finite and > 0, got " + value);
        }
    }

    static void nonNegativeFinite(String name, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("Lda " + name + " must be finite and >= 0, got " + value);
        }
    }

    static void unitInterval(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("Lda " + name + " must be in [0, 1], got " + value);
        }
    }
}
