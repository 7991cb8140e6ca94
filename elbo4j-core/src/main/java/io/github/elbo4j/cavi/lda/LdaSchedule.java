package io.github.elbo4j.cavi.lda;

/**
 * Which documents each online {@link Lda} update sees ({@link Lda.Builder#schedule}); each update
 * {@code t} scales its minibatch's statistics by {@code D / |B_t|} (Hoffman, Blei and Bach,
 * NeurIPS 2010, algorithm 2). {@link LdaMinibatches} walks a fit's minibatches in order.
 */
public enum LdaSchedule {
    /**
     * Every pass cuts the corpus, in its stored order, into minibatches of {@code batchSize}
     * consecutive documents (the last may be smaller): scikit-learn's {@code fit}; the default.
     */
    IN_ORDER,
    /**
     * Every pass cuts a fresh uniform random permutation of the documents
     * ({@link LdaSettings#passOrder}) into minibatches of {@code batchSize}: each document once per
     * pass, each minibatch a uniform sample without replacement. {@code shuffle(true)}.
     */
    SHUFFLED,
    /**
     * Every update takes each document independently with probability {@code f}
     * ({@link LdaSettings#bernoulliSample}; {@code f = sampleFraction}, or {@code batchSize / D}
     * when unset), for {@code n = ⌈passes / f⌉} draws: MLlib's {@code OnlineLDAOptimizer} schedule
     * ({@code RDD.sample} without replacement, a fresh seed per iteration). Minibatch sizes are
     * {@code Binomial(D, f)}; a document may be seen twice in a row or not for many updates. An empty
     * draw makes no update and does not advance {@code t} (as MLlib). Unlike MLlib, which scales by
     * {@code D / ⌈f D⌉} whatever the sample's size, {@code D / |B_t|} is used, as for the other schedules.
     */
    BERNOULLI
}
