package io.github.elbo4j.spark;

import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import io.github.elbo4j.cavi.lda.Lda;
import io.github.elbo4j.cavi.lda.LdaFit;
import io.github.elbo4j.cavi.lda.LdaMethod;
import io.github.elbo4j.cavi.lda.LdaMinibatches;
import io.github.elbo4j.cavi.lda.LdaOnlineTopics;
import io.github.elbo4j.cavi.lda.LdaPartialEStep;
import io.github.elbo4j.cavi.lda.LdaSettings;
import io.github.elbo4j.infer.ElboTrace;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Online LDA (Hoffman, Blei and Bach, NeurIPS 2010, algorithm 2) with the E-step on Spark's
 * executors and the M-step on the driver. Per minibatch the driver broadcasts
 * {@code β̃ = exp(E[log β])} ({@code V · K} doubles); each executor runs elbo4j-core's
 * per-document E-step ({@link LdaPartialEStep}) on the minibatch's documents in its cached
 * blocks and returns their sufficient statistics {@code S_kw} for the terms they hold;
 * {@code treeAggregate} brings the parts back keyed by block, the driver adds them in document
 * order and applies {@code λ ← (1 − ρ_t) λ + ρ_t (η + (D/|B|) β̃ ∘ S)},
 * {@code ρ_t = (τ0 + t)^(−κ)} ({@link LdaOnlineTopics}).
 *
 * <p>The minibatch schedule is {@link Lda}'s ({@link LdaMinibatches}): pass after pass, minibatch
 * {@code m} is documents {@code [m B, min(D, (m + 1) B))} in the corpus's order ({@link SparkDocuments}),
 * or of the pass's random permutation with {@link Lda.Builder#shuffle} ({@link LdaSettings#passOrder}),
 * or with {@code LdaSchedule.BERNOULLI} each document independently with probability {@code f} per draw
 * ({@link LdaSettings#bernoulliSample}, drawn on the driver in {@code O(|B|)}; an empty draw runs no job);
 * for the two random schedules the driver sends each job the minibatch's {@code |B|} document numbers.
 * {@code D / |B|} is the corpus scale of each; the random start of every document's γ is the one
 * {@link Lda} draws ({@link LdaPartialEStep}). So the fit equals {@link Lda}'s online fit of the
 * same corpus and settings up to the rounding of the statistics' sums (the core adds documents
 * one by one, here block sums are added), and has the same bits for any number of partitions.
 * After the last update, one more job computes the training bound (every document's E-step from
 * γ = 1), as {@link Lda#fit} does.
 */
public final class SparkOnlineLda {

    private final LdaSettings settings;

    private SparkOnlineLda(LdaSettings settings) {
        this.settings = settings;
    }

    /**
     * A fitter with {@code lda}'s settings, which must be online ({@link Lda.Builder#online()})
     * with one restart; {@code threads} is the driver's M-step threads.
     */
    public static SparkOnlineLda of(Lda lda) {
        LdaSettings s = lda.settings();
        if (s.method() != LdaMethod.ONLINE) {
            throw new IllegalArgumentException("SparkOnlineLda needs online LDA (Lda.builder().online()), got method " + s.method());
        }
        if (s.restarts() != 1) {
            throw new IllegalArgumentException("SparkOnlineLda restarts must be 1, got " + s.restarts());
        }
        return new SparkOnlineLda(s);
    }

    /** The settings of the fit. */
    public LdaSettings settings() {
        return settings;
    }

    /**
     * Fits the topics to {@code corpus}: one Spark job per non-empty minibatch
     * ({@code passes · ⌈D / B⌉}, or up to {@code ⌈passes / f⌉} Bernoulli draws: {@link LdaSettings#draws}),
     * plus one for the training bound.
     *
     * @throws ArithmeticException when the bound is not finite at the end
     */
    public LdaFit fit(SparkDocuments corpus) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(corpus.blocks().context());
        LdaSettings s = settings;
        int k = s.topics();
        int vocabulary = corpus.vocabularySize();
        long documents = corpus.documentCount();
        long iterations = 0;
        long visits = 0;
        try (LdaOnlineTopics topics = LdaOnlineTopics.start(s, vocabulary)) {
            double[] statistics = new double[vocabulary * k];
            LdaMinibatches batches = LdaMinibatches.of(s, (int) documents);
            while (batches.next()) {
                long size = batches.size();
                if (size == 0) {            // an empty Bernoulli draw: no job, no update, t kept
                    continue;
                }
                long t = topics.updates() + 1;
                long first = batches.first();
                long to = first + size;
                int[] listed = first < 0 ? batches.documents() : null;
                Broadcast<double[]> beta = context.broadcast(topics.expElogBeta().clone());
                LdaBlockParts parts;
                try {
                    parts = corpus.blocks().treeAggregate(new LdaBlockParts(),
                            (acc, block) -> train(acc, block, s, vocabulary, first, to, listed, t, beta.value()),
                            LdaBlockParts::merge, 2);
                } catch (Exception e) {
                    throw SparkRows.unwrap(e);
                } finally {
                    beta.destroy();
                }
                parts.addStatistics(statistics, k);
                iterations += parts.iterations();
                visits += size;
                topics.update(statistics, documents, size);
            }
            Broadcast<double[]> beta = context.broadcast(topics.evaluationExpElogBeta());
            LdaBlockParts parts;
            try {
                parts = corpus.blocks().treeAggregate(new LdaBlockParts(), (acc, block) -> bound(acc, block, s, vocabulary,
                        beta.value()), LdaBlockParts::merge, 2);
            } catch (Exception e) {
                throw SparkRows.unwrap(e);
            } finally {
                beta.destroy();
            }
            double trainingBound = parts.bound() + topics.topicBound();
            if (!Double.isFinite(trainingBound)) {
                throw new ArithmeticException("SparkOnlineLda fit produced a non-finite bound " + trainingBound + " after "
                        + topics.updates() + " topic updates");
            }
            return new LdaFit(topics.model(), ElboTrace.exact(new double[] {trainingBound}), trainingBound,
                    Math.exp(-trainingBound / corpus.tokenCount()), topics.updates(), (double) iterations / visits,
                    corpus.contentHash());
        }
    }

    /**
     * The statistics of the documents of {@code block} in the minibatch: documents {@code [from, to)}
     * when {@code listed} is null, else the documents {@code listed[i]} (at minibatch position i).
     */
    private static LdaBlockParts train(LdaBlockParts acc, DocumentBlock block, LdaSettings s, int vocabulary, long from,
                                       long to, int[] listed, long update, double[] expElogBeta) {
        DocumentTermMatrix docs = block.documents();
        long b0 = block.firstDocument();
        long b1 = b0 + docs.documentCount();
        int[] local;
        long[] positions;
        if (listed == null) {
            long a = Math.max(b0, from);
            long b = Math.max(a, Math.min(b1, to));
            local = new int[(int) (b - a)];
            positions = new long[local.length];
            for (int i = 0; i < local.length; i++) {
                local[i] = (int) (a - b0) + i;
                positions[i] = a - from + i;
            }
        } else {
            int n = 0;
            for (int d : listed) {
                n += d >= b0 && d < b1 ? 1 : 0;
            }
            local = new int[n];
            positions = new long[n];
            n = 0;
            for (int i = 0; i < listed.length; i++) {
                if (listed[i] >= b0 && listed[i] < b1) {
                    local[n] = (int) (listed[i] - b0);
                    positions[n++] = i;
                }
            }
        }
        if (local.length == 0) {
            return acc;
        }
        int k = s.topics();
        double[] dense = new double[vocabulary * k];
        long iterations = new LdaPartialEStep(s, vocabulary).train(docs, local, positions, update, expElogBeta, dense);
        boolean[] seen = new boolean[vocabulary];
        int[] terms = new int[vocabulary];
        int count = 0;
        for (int d : local) {
            for (int w : docs.termIds(d)) {
                if (!seen[w]) {
                    seen[w] = true;
                    terms[count++] = w;
                }
            }
        }
        int[] list = java.util.Arrays.copyOf(terms, count);
        double[] values = new double[count * k];
        for (int j = 0; j < count; j++) {
            System.arraycopy(dense, list[j] * k, values, j * k, k);
        }
        return acc.put(b0, new LdaBlockParts.Part(list, values, 0, iterations));
    }

    /** The document and data terms of the bound over every document of {@code block}. */
    private static LdaBlockParts bound(LdaBlockParts acc, DocumentBlock block, LdaSettings s, int vocabulary,
                                       double[] expElogBeta) {
        DocumentTermMatrix docs = block.documents();
        double value = new LdaPartialEStep(s, vocabulary).documentBound(docs, 0, docs.documentCount(), expElogBeta);
        return acc.put(block.firstDocument(), new LdaBlockParts.Part(new int[0], new double[0], value, 0));
    }
}
