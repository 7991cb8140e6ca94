package io.github.elbo4j.cavi.lda;

import io.github.elbo4j.parallel.ParallelChunks;
import io.github.elbo4j.parallel.WorkerPool;
import io.github.elbo4j.random.RandomStream;
import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The E-step over a range of documents, in chunks of {@code chunkSize} consecutive documents
 * whose boundaries depend only on the range ({@link ParallelChunks}). Chunks run on any worker;
 * each writes only its own documents' slots (γ, θ̃, {@code n_dw/Z_w}) and its own partial bound,
 * then the partial bounds are added in chunk order and the sufficient statistics
 * {@code S_kw = Σ_d θ̃_dk n_dw / Z_dw} in document order, so the result has the same bits for
 * any number of threads. A random start draws {@code γ_dk ~ Gamma(100, 1/100)} (mean 1, sd
 * 0.1; scikit-learn's and Hoffman's {@code onlineldavb.py} choice) from the chunk's own stream
 * {@code stream.split(chunk)}.
 */
final class LdaEStep {

    /** How the documents' γ start. */
    enum Start {
        /** γ_dk = 1 (scikit-learn's start for transform, score and perplexity). */
        ONES,
        /** γ_dk ~ Gamma(100, 1/100) from the chunk's stream (scikit-learn's start when fitting). */
        RANDOM,
        /** The values already in the γ array (a warm start). */
        GIVEN
    }

    /** Totals of one E-step: the document and data terms of the bound, and the iterations run. */
    record Totals(double bound, long iterations) {
    }

    /** Topics per parallel task when summing the sufficient statistics. */
    private static final int TOPICS_PER_TASK = 4;

    private final int topics;
    private final int chunkSize;
    private final WorkerPool workers;
    private final LdaBound bound;
    private final LdaDocumentStep[] steps;
    private double[] ratio = new double[0];
    private double[] expTheta = new double[0];
    private double[] chunkBound = new double[0];
    private long[] chunkIterations = new long[0];

    LdaEStep(LdaSettings settings, int vocabularySize, WorkerPool workers) {
        this.topics = settings.topics();
        this.chunkSize = settings.chunkSize();
        this.workers = workers;
        this.bound = new LdaBound(topics, vocabularySize, settings.docTopicPrior(), settings.topicWordPrior());
        this.steps = new LdaDocumentStep[workers.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new LdaDocumentStep(topics, settings.docTopicPrior(), settings.documentTolerance());
        }
    }

    /**
     * Runs documents {@code from <= d < to}. {@code gamma[(d − from) K ..]} is the start (for
     * {@link Start#GIVEN}) and receives the result. When {@code sufficientStatistics} is not
     * null, {@code S_kw} is added to it (term-major, not yet multiplied by {@code β̃}); when
     * {@code withBound}, the totals hold the document and data terms of the bound.
     *
     * @param maxIterations iterations per document; 0 evaluates the bound at the given γ
     * @param stream        the update's stream, split by chunk index (only for {@link Start#RANDOM})
     */
    Totals run(DocumentTermMatrix corpus, int from, int to, double[] expElogBeta, double[] gamma, Start start,
               RandomStream stream, int maxIterations, double[] sufficientStatistics, boolean withBound) {
        final int docs = to - from;
        final int k = topics;
        final int base = corpus.offsets[from];
        final int entries = corpus.offsets[to] - base;
        final boolean wantRatio = sufficientStatistics != null;
        if (wantRatio && ratio.length < entries) {
            ratio = new double[Math.max(entries, ratio.length + ratio.length / 2)];
        }
        if (expTheta.length < docs * k) {
            expTheta = new double[Math.max(docs * k, expTheta.length + expTheta.length / 2)];
        }
        final ParallelChunks plan = ParallelChunks.of(docs, chunkSize);
        final int chunks = plan.chunkCount();
        if (chunkBound.length < chunks) {
            chunkBound = new double[chunks];
            chunkIterations = new long[chunks];
        }
        final double[] ratioOut = wantRatio ? ratio : null;
        final double[] thetaOut = expTheta;
        plan.forEach(workers, (c, first, end, worker) -> {
            int lo = from + first;
            int hi = from + end;
            LdaDocumentStep step = steps[worker];
            double partial = 0;
            long iterations = 0;
            initialize(gamma, (lo - from) * k, (hi - lo) * k, start, stream, c);
            for (int d = lo; d < hi; d++) {
                int g = (d - from) * k;
                iterations += step.run(corpus, d, expElogBeta, maxIterations, gamma, g, thetaOut, g,
                        ratioOut, corpus.offsets[d] - base, withBound);
                if (withBound) {
                    partial += step.dataTerm() + bound.document(gamma, g);
                }
            }
            chunkBound[c] = partial;
            chunkIterations[c] = iterations;
        });
        double total = 0;
        long iterations = 0;
        for (int c = 0; c < chunks; c++) {
            total += chunkBound[c];
            iterations += chunkIterations[c];
        }
        if (wantRatio) {
            accumulate(corpus, from, to, sufficientStatistics);
        }
        return new Totals(total, iterations);
    }

    /**
     * {@code S[w][k] += θ̃_dk n_dw / Z_dw}, documents in order. The workers split the topics
     * (fixed groups of {@link #TOPICS_PER_TASK}), so every cell is still summed by one worker in
     * document order.
     */
    private void accumulate(DocumentTermMatrix corpus, int from, int to, double[] statistics) {
        final int k = topics;
        final int base = corpus.offsets[from];
        final int[] ids = corpus.termIds;
        final double[] r = ratio;
        final double[] e = expTheta;
        ParallelChunks.of(k, TOPICS_PER_TASK).forEach(workers, (task, k0, k1, worker) -> {
            for (int d = from; d < to; d++) {
                int eOff = (d - from) * k;
                for (int j = corpus.offsets[d]; j < corpus.offsets[d + 1]; j++) {
                    double rj = r[j - base];
                    int sOff = ids[j] * k;
                    for (int t = k0; t < k1; t++) {
                        statistics[sOff + t] += e[eOff + t] * rj;
                    }
                }
            }
        });
    }

    private static void initialize(double[] gamma, int off, int length, Start start, RandomStream stream, int chunk) {
        if (start == Start.ONES) {
            Arrays.fill(gamma, off, off + length, 1.0);
        } else if (start == Start.RANDOM) {
            ContinuousSampler sampler = initialGamma(stream, chunk);
            for (int i = off; i < off + length; i++) {
                gamma[i] = sampler.sample();
            }
        }
    }

    /** Gamma(100, 1/100) draws from the chunk's own stream. */
    private static ContinuousSampler initialGamma(RandomStream stream, int chunk) {
        return AhrensDieterMarsagliaTsangGammaSampler.of(stream.split(chunk).provider(), 100.0, 0.01);
    }
}
