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
 * @param schedule              online only: which documents each update sees ({@link LdaSchedule}): consecutive
 *                              minibatches of the stored order (scikit-learn; default), of a fresh random
 *                              permutation each pass ({@link #passOrder}), or independent Bernoulli samples
 *                              ({@link #bernoulliSample}; MLlib). A corpus stored in a meaningful order (sorted by
 *                              name, by date) makes consecutive minibatches unrepresentative samples; the two
 *                              random schedules make each minibatch a uniform sample, as the stochastic gradient
 *                              assumes
 * @param sampleFraction        {@link LdaSchedule#BERNOULLI} only: f, each document's probability of being in a
 *                              draw, in {@code (0, 1]}; 0 (unset) means {@code min(1, batchSize / D)} at fit time
 *                              ({@link #sampleFraction(int)}), so the expected minibatch is {@code batchSize}
 */
public record LdaSettings(int topics, double docTopicPrior, double topicWordPrior, LdaMethod method, int passes,
                          int batchSize, double learningOffset, double learningDecay, int maxDocumentIterations,
                          double documentTolerance, boolean warmStart, long seed, int restarts, int threads,
                          int chunkSize, LdaSchedule schedule, double sampleFraction) implements java.io.Serializable {

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
        Objects.requireNonNull(schedule, "Lda schedule must not be null");
        if (sampleFraction != 0) {
            fraction(sampleFraction);
            if (schedule != LdaSchedule.BERNOULLI) {
                throw new IllegalArgumentException("Lda sampleFraction " + sampleFraction
                        + " applies to schedule BERNOULLI only, got schedule " + schedule);
            }
        }
    }

    /** The settings with {@code shuffle}: schedule {@link LdaSchedule#SHUFFLED} when true, else {@link LdaSchedule#IN_ORDER}. */
    public LdaSettings(int topics, double docTopicPrior, double topicWordPrior, LdaMethod method, int passes,
                       int batchSize, double learningOffset, double learningDecay, int maxDocumentIterations,
                       double documentTolerance, boolean warmStart, long seed, int restarts, int threads, int chunkSize,
                       boolean shuffle) {
        this(topics, docTopicPrior, topicWordPrior, method, passes, batchSize, learningOffset, learningDecay,
                maxDocumentIterations, documentTolerance, warmStart, seed, restarts, threads, chunkSize,
                shuffle ? LdaSchedule.SHUFFLED : LdaSchedule.IN_ORDER, 0);
    }

    /** The settings in corpus order ({@link LdaSchedule#IN_ORDER}): the constructor before the schedules existed. */
    public LdaSettings(int topics, double docTopicPrior, double topicWordPrior, LdaMethod method, int passes,
                       int batchSize, double learningOffset, double learningDecay, int maxDocumentIterations,
                       double documentTolerance, boolean warmStart, long seed, int restarts, int threads, int chunkSize) {
        this(topics, docTopicPrior, topicWordPrior, method, passes, batchSize, learningOffset, learningDecay,
                maxDocumentIterations, documentTolerance, warmStart, seed, restarts, threads, chunkSize, LdaSchedule.IN_ORDER, 0);
    }

    /**
     * Whether the schedule is {@link LdaSchedule#SHUFFLED} ({@code Lda.Builder.shuffle(true)}).
     */
    public boolean shuffle() {
        return schedule == LdaSchedule.SHUFFLED;
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
        if (shuffle()) {
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

    /**
     * f of the {@link LdaSchedule#BERNOULLI} schedule for a corpus of {@code documents} documents:
     * {@link #sampleFraction()} when set, else {@code min(1, batchSize / documents)}.
     */
    public double sampleFraction(int documents) {
        if (documents < 1) {
            throw new IllegalArgumentException("Lda sampleFraction needs documents >= 1, got " + documents);
        }
        return sampleFraction != 0 ? sampleFraction : Math.min(1.0, (double) batchSize / documents);
    }

    /**
     * The minibatch draws of an online fit of {@code documents} documents: {@code passes · ⌈D / B⌉}
     * ({@link LdaSchedule#IN_ORDER}, {@link LdaSchedule#SHUFFLED}; B capped at D), or for
     * {@link LdaSchedule#BERNOULLI} {@code n = ⌈passes / f⌉}, the fewest draws with {@code n f >= passes}
     * (the expected visits {@code n f D} are at least {@code passes · D}; MLlib's iteration count for
     * the same budget). Computed as {@code ⌈passes / f⌉} in floating point, then one less if that
     * still reaches {@code passes} ({@code 3 / 0.1 = 30.000000000000004} gives 30, not 31).
     */
    public long draws(int documents) {
        if (schedule != LdaSchedule.BERNOULLI) {
            int batch = Math.min(batchSize, Math.max(1, documents));
            return (long) passes * ((documents + batch - 1) / batch);
        }
        return drawsFor(passes, sampleFraction(documents));
    }

    /** The fewest {@code n} with {@code n f >= passes} (in floating point). */
    static long drawsFor(int passes, double f) {
        long n = (long) Math.ceil(passes / f);
        return n > 1 && (n - 1) * f >= passes ? n - 1 : n;
    }

    /**
     * The documents of {@link LdaSchedule#BERNOULLI} draw {@code draw = 1, 2, …}, ascending: each of
     * {@code 0 … documents − 1} independently with probability {@code f = sampleFraction(documents)}, so
     * the size is {@code Binomial(D, f)} (it may be 0). Drawn by geometric skips (Devroye, "Non-Uniform
     * Random Variate Generation", 1986, section X.2, and Ahrens and Dieter's sequential sampling): the
     * gap {@code G} before the next chosen document has {@code P(G >= g) = (1 − f)^g}, and
     * {@code G = ⌊log U / log(1 − f)⌋} with {@code U} uniform on {@code (0, 1]} has exactly that law
     * ({@code P(log U <= g log(1 − f)) = (1 − f)^g}); so the cost is {@code |B| + 1} uniforms, not
     * {@code D}. The uniforms come from {@code RandomStream.of(seed).split(−draw)} (the streams
     * {@code split(0)} and {@code split(t), t >= 1} draw the initial topics and γ; {@link #passOrder}
     * uses {@code split(−pass)} in the other schedule).
     */
    public int[] bernoulliSample(long draw, int documents) {
        if (draw < 1 || documents < 1) {
            throw new IllegalArgumentException("Lda bernoulliSample needs draw >= 1 and documents >= 1, got draw " + draw
                    + " and " + documents + " documents");
        }
        double f = sampleFraction(documents);
        if (f == 1) {
            int[] all = new int[documents];
            for (int d = 0; d < documents; d++) {
                all[d] = d;
            }
            return all;
        }
        RandomStream stream = RandomStream.of(seed).split(-draw);
        double logKeep = Math.log1p(-f);
        int[] out = new int[Math.max(4, (int) Math.min(documents, 2 * f * documents + 16))];
        int count = 0;
        double next = -1;
        while (true) {
            double u = 1 - stream.nextDouble();                 // uniform on (0, 1]
            next += 1 + Math.floor(Math.log(u) / logKeep);
            if (next >= documents) {
                break;
            }
            if (count == out.length) {
                out = java.util.Arrays.copyOf(out, Math.min(documents, 2 * out.length));
            }
            out[count++] = (int) next;
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /** These settings with another seed: what restart {@code r} of a fit runs with {@code seed + r}. */
    public LdaSettings withSeed(long newSeed) {
        return new LdaSettings(topics, docTopicPrior, topicWordPrior, method, passes, batchSize, learningOffset,
                learningDecay, maxDocumentIterations, documentTolerance, warmStart, newSeed, restarts, threads,
                chunkSize, schedule, sampleFraction);
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

    /** f of the Bernoulli schedule: in {@code (0, 1]}. */
    static void fraction(double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("Lda sampleFraction must be in (0, 1] (each document's probability of being "
                    + "in a minibatch), got " + value);
        }
    }

    static void unitInterval(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("Lda " + name + " must be in [0, 1], got " + value);
        }
    }
}
