package io.github.elbo4j.cavi.lda;

import io.github.elbo4j.cavi.SweepListener;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;

/**
 * Latent Dirichlet allocation (Blei, Ng and Jordan, JMLR 3, 2003) fitted by mean-field
 * variational Bayes: {@code q(θ_d) = Dir(γ_d)}, {@code q(z_dn) = Cat(φ_dn)},
 * {@code q(β_k) = Dir(λ_k)}, batch (coordinate ascent over the whole corpus) or online
 * (Hoffman, Blei and Bach, NeurIPS 2010: stochastic natural-gradient steps on minibatches).
 *
 * <pre>{@code
 * DocumentTermMatrix train = DocumentTermMatrix.ofRows(vocabularySize, termIds, counts);
 * LdaFit fit = Lda.builder().topics(20).online().batchSize(128).learningOffset(10).learningDecay(0.7)
 *         .passes(10).schedule(LdaSchedule.SHUFFLED).seed(0).build().fit(train);
 * double perplexity = fit.model().perplexity(test);
 * List<List<String>> top = fit.model().topWords(10, vocabulary);
 * }</pre>
 *
 * <p>The defaults follow scikit-learn's {@code LatentDirichletAllocation}: α = η = 1/K, batch,
 * 10 passes, minibatches of 128, τ0 = 10, κ = 0.7, at most 100 iterations per document with
 * mean-change tolerance 1e-3, topics and training γ started from Gamma(100, 1/100) (γ redrawn
 * for every E-step). Where this class differs: {@code Z_w} carries no {@code +eps}; the random
 * streams are this library's, so the numbers match scikit-learn's in distribution, not in bits;
 * {@link Builder#warmStart} offers exact coordinate ascent for batch VB. The same seed and
 * settings give the same bits for any number of threads. An {@code Lda} is immutable and
 * thread-safe: one fitter can fit many corpora.
 */
public final class Lda {

    private final LdaSettings settings;

    private Lda(LdaSettings settings) {
        this.settings = settings;
    }

    /** A builder with scikit-learn's defaults, stated on each of its methods. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings, as {@link Builder#build()} fixed them. */
    public LdaSettings settings() {
        return settings;
    }

    /**
     * Fits the topics to {@code corpus} ({@link LdaMethod} describes the two updates). With
     * {@code restarts > 1}, fits from seeds {@code seed, seed + 1, …} and keeps the fit with the
     * highest training bound: LDA's bound has many local optima (two topics merged, another split),
     * and the bound, not the truth, is what a user can compare.
     *
     * @throws IllegalArgumentException when the corpus has no documents or no tokens
     * @throws ArithmeticException      when the bound is not finite at the end (nothing is returned)
     */
    public LdaFit fit(DocumentTermMatrix corpus) {
        return fit(corpus, SweepListener.NONE);
    }

    /**
     * As {@link #fit(DocumentTermMatrix)}, telling {@code listener} after every pass over the
     * corpus (batch: the bound after the sweep; online: {@code NaN}, no bound is computed during
     * training); passes are numbered across restarts.
     */
    public LdaFit fit(DocumentTermMatrix corpus, SweepListener listener) {
        java.util.Objects.requireNonNull(listener, "Lda listener must not be null");
        if (corpus.documentCount() < 1) {
            throw new IllegalArgumentException("Lda corpus must hold at least one document, got 0");
        }
        if (!(corpus.tokenCount() > 0)) {
            throw new IllegalArgumentException("Lda corpus must hold at least one token, got "
                    + corpus.tokenCount() + " in " + corpus.documentCount() + " documents");
        }
        LdaFit best = null;
        for (int r = 0; r < settings.restarts(); r++) {
            LdaFit fit = new LdaTraining(settings.withSeed(settings.seed() + r), corpus)
                    .run(listener, (long) r * settings.passes());
            if (best == null || fit.trainingBound() > best.trainingBound()) {
                best = fit;
            }
        }
        return best;
    }

    /**
     * The topics a fit over {@code vocabularySize} terms starts from, shape {@code [K, V]}:
     * {@code λ_kw ~ Gamma(shape 100, scale 1/100)} (mean 1, sd 0.1; scikit-learn's start), drawn
     * from {@code RandomStream.of(seed).split(0)}. For reproducing a fit elsewhere, e.g. starting
     * a peer from the same topics.
     */
    public Tensor initialTopics(int vocabularySize) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("Lda vocabularySize must be >= 1, got " + vocabularySize);
        }
        int k = settings.topics();
        double[] termMajor = LdaTraining.initialTopics(RandomStream.of(settings.seed()), k, vocabularySize);
        double[] out = new double[termMajor.length];
        for (int w = 0; w < vocabularySize; w++) {
            for (int t = 0; t < k; t++) {
                out[t * vocabularySize + w] = termMajor[w * k + t];
            }
        }
        return Tensor.of(out, k, vocabularySize);
    }

    /**
     * The settings of an {@link Lda}, each checked when set (messages name the setting, the value
     * and the rule); {@link #build()} fixes them in an {@link LdaSettings}. Not thread-safe (the
     * {@link Lda} it builds is).
     */
    public static final class Builder {
        private int topics = 10;
        private double docTopicPrior;
        private boolean docTopicPriorSet;
        private double topicWordPrior;
        private boolean topicWordPriorSet;
        private LdaMethod method = LdaMethod.BATCH;
        private int passes = 10;
        private int batchSize = 128;
        private double learningOffset = 10;
        private double learningDecay = 0.7;
        private int maxDocumentIterations = 100;
        private double documentTolerance = 1e-3;
        private boolean warmStart;
        private long seed;
        private int restarts = 1;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int chunkSize = 8;
        private LdaSchedule schedule = LdaSchedule.IN_ORDER;
        private double sampleFraction;

        private Builder() {
        }

        /** K, the number of topics, {@code >= 1} (default 10). */
        public Builder topics(int k) {
            LdaSettings.atLeastOne("topics", k);
            this.topics = k;
            return this;
        }

        /** α, the documents' symmetric Dirichlet prior, finite and {@code > 0} (default 1/K). */
        public Builder docTopicPrior(double alpha) {
            LdaSettings.positiveFinite("docTopicPrior", alpha);
            this.docTopicPrior = alpha;
            this.docTopicPriorSet = true;
            return this;
        }

        /** η, the topics' symmetric Dirichlet prior, finite and {@code > 0} (default 1/K). */
        public Builder topicWordPrior(double eta) {
            LdaSettings.positiveFinite("topicWordPrior", eta);
            this.topicWordPrior = eta;
            this.topicWordPriorSet = true;
            return this;
        }

        /** Batch or online variational Bayes (default batch). */
        public Builder method(LdaMethod m) {
            this.method = java.util.Objects.requireNonNull(m, "Lda method must not be null");
            return this;
        }

        /** Batch variational Bayes: {@code method(LdaMethod.BATCH)}, the default. */
        public Builder batch() {
            return method(LdaMethod.BATCH);
        }

        /** Online variational Bayes: {@code method(LdaMethod.ONLINE)}. */
        public Builder online() {
            return method(LdaMethod.ONLINE);
        }

        /** Sweeps over the corpus, {@code >= 1} (default 10). */
        public Builder passes(int n) {
            LdaSettings.atLeastOne("passes", n);
            this.passes = n;
            return this;
        }

        /** Documents per online minibatch, {@code >= 1} (default 128). */
        public Builder batchSize(int n) {
            LdaSettings.atLeastOne("batchSize", n);
            this.batchSize = n;
            return this;
        }

        /** τ0 of {@code ρ_t = (τ0 + t)^(−κ)}, finite and {@code >= 0} (default 10). */
        public Builder learningOffset(double tau0) {
            LdaSettings.nonNegativeFinite("learningOffset", tau0);
            this.learningOffset = tau0;
            return this;
        }

        /** κ of {@code ρ_t = (τ0 + t)^(−κ)}, in {@code [0, 1]} (default 0.7). */
        public Builder learningDecay(double kappa) {
            LdaSettings.unitInterval("learningDecay", kappa);
            this.learningDecay = kappa;
            return this;
        }

        /** Most γ/φ iterations per document per E-step, {@code >= 1} (default 100). */
        public Builder maxDocumentIterations(int n) {
            LdaSettings.atLeastOne("maxDocumentIterations", n);
            this.maxDocumentIterations = n;
            return this;
        }

        /**
         * Stop a document's E-step when the mean absolute change of γ_d is below this; finite and
         * {@code >= 0} (default 1e-3).
         */
        public Builder documentTolerance(double tol) {
            LdaSettings.nonNegativeFinite("documentTolerance", tol);
            this.documentTolerance = tol;
            return this;
        }

        /**
         * Batch only: start every sweep's E-step from each document's γ of the previous sweep
         * (default false: fresh Gamma(100, 1/100) draws every sweep, as scikit-learn). Warm
         * starts make batch VB exact coordinate ascent, so the bound per sweep
         * ({@link LdaFit#elboTrace()}) never decreases; fresh starts do not guarantee that, but leave the near-symmetric initial
         * topics faster and reach better optima in practice (docs/lda.md).
         */
        public Builder warmStart(boolean warm) {
            this.warmStart = warm;
            return this;
        }

        /** The seed of the initial topics and γ (default 0). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Fits from seeds {@code seed … seed + n − 1}, keeping the best training bound; {@code >= 1} (default 1). */
        public Builder restarts(int n) {
            LdaSettings.atLeastOne("restarts", n);
            this.restarts = n;
            return this;
        }

        /** Worker threads, {@code >= 1} (default: available processors); the results do not depend on it. */
        public Builder threads(int n) {
            LdaSettings.atLeastOne("threads", n);
            this.threads = n;
            return this;
        }

        /** Documents per parallel work item, {@code >= 1} (default 8); part of the random-stream layout. */
        public Builder chunkSize(int n) {
            LdaSettings.atLeastOne("chunkSize", n);
            this.chunkSize = n;
            return this;
        }

        /**
         * Online only: which documents each update sees ({@link LdaSchedule}; default
         * {@link LdaSchedule#IN_ORDER}, as scikit-learn). Use {@link LdaSchedule#SHUFFLED} or
         * {@link LdaSchedule#BERNOULLI} when the corpus is stored in a meaningful order (sorted by name or
         * date): consecutive minibatches are then not uniform samples, and the fit suffers (docs/lda.md).
         */
        public Builder schedule(LdaSchedule s) {
            this.schedule = java.util.Objects.requireNonNull(s, "Lda schedule must not be null");
            return this;
        }

        /**
         * Online only: take each pass's minibatches from a fresh random permutation of the documents
         * ({@link LdaSettings#passOrder}): {@code schedule(SHUFFLED)} when true, {@code schedule(IN_ORDER)}
         * (the default, as scikit-learn) when false.
         */
        public Builder shuffle(boolean s) {
            return schedule(s ? LdaSchedule.SHUFFLED : LdaSchedule.IN_ORDER);
        }

        /**
         * {@link LdaSchedule#BERNOULLI} only: f, the probability that a draw takes a document, in
         * {@code (0, 1]} (default {@code min(1, batchSize / D)}, an expected minibatch of {@code batchSize});
         * the fit makes {@code ⌈passes / f⌉} draws ({@link LdaSettings#draws}). MLlib's
         * {@code miniBatchFraction}. {@link #build()} refuses it with another schedule.
         */
        public Builder sampleFraction(double f) {
            LdaSettings.fraction(f);
            this.sampleFraction = f;
            return this;
        }

        /** The configured fitter: immutable and thread-safe; its {@link Lda#settings()} are these settings. */
        public Lda build() {
            return new Lda(new LdaSettings(topics, docTopicPriorSet ? docTopicPrior : 1.0 / topics,
                    topicWordPriorSet ? topicWordPrior : 1.0 / topics, method, passes, batchSize, learningOffset,
                    learningDecay, maxDocumentIterations, documentTolerance, warmStart, seed, restarts, threads,
                    chunkSize, schedule, sampleFraction));
        }
    }
}
