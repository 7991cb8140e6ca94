package io.github.elbo4j.cavi.lda;

import io.github.elbo4j.random.RandomStream;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The E-step of online LDA over a part of a corpus, for a fitter that holds the documents in
 * pieces (a cluster's executors): the per-document updates of {@link LdaDocumentStep}
 * (Blei, Ng and Jordan, JMLR 3, 2003, eqs. 6–7; Hoffman, Blei and Bach, NeurIPS 2010,
 * algorithm 2, the E-step), with the random starts {@link Lda}'s own online fit draws, so a
 * distributed fit can follow {@link Lda}'s minibatch schedule number for number.
 *
 * <p>Random starts: in online update {@code t}, the document at position {@code p} of the
 * minibatch (counted from 0) starts from {@code γ_dk ~ Gamma(100, 1/100)}, draws
 * {@code (p mod c) K … (p mod c) K + K − 1} of chunk {@code ⌊p / c⌋}'s stream
 * {@code RandomStream.of(seed).split(t).split(⌊p / c⌋)} ({@code c = chunkSize}): exactly the
 * draws {@link Lda} gives that document, whichever part of the minibatch this object sees.
 *
 * <p>Scratch space of one worker: not thread-safe (give each task its own); no allocation per
 * document once grown.
 */
public final class LdaPartialEStep {

    private final LdaSettings settings;
    private final int topics;
    private final LdaDocumentStep step;
    private final LdaBound bound;
    private final int vocabularySize;
    private final double[] gamma;
    private final double[] expTheta;
    private double[] ratio = new double[0];

    /** An E-step for {@code settings} (K, α, η, the iteration budget and tolerance, seed, chunk size) over {@code vocabularySize} terms. */
    public LdaPartialEStep(LdaSettings settings, int vocabularySize) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("LdaPartialEStep vocabularySize must be >= 1, got " + vocabularySize);
        }
        this.settings = settings;
        this.vocabularySize = vocabularySize;
        this.topics = settings.topics();
        this.step = new LdaDocumentStep(topics, settings.docTopicPrior(), settings.documentTolerance());
        this.bound = new LdaBound(topics, vocabularySize, settings.docTopicPrior(), settings.topicWordPrior());
        this.gamma = new double[topics];
        this.expTheta = new double[topics];
    }

    /**
     * Runs the training E-step of online update {@code update} on the documents {@code listed[i]} of
     * {@code documents}, which are at positions {@code positions[i]} (increasing) of that update's
     * minibatch (the part of a minibatch, in corpus order or shuffled ({@link LdaSettings#passOrder}),
     * that one block of documents holds), and adds their sufficient statistics
     * {@code S_kw += Σ_d θ̃_dk n_dw / Z_dw} (Hoffman, Blei and Bach, NeurIPS 2010, algorithm 2;
     * not yet multiplied by {@code β̃_kw}) to {@code statistics}, term-major
     * ({@code statistics[w K + k]}), document by document in list order.
     *
     * @param expElogBeta {@code β̃_kw = exp(E[log β_kw])}, term-major {@code [V][K]}; only the rows of
     *                    these documents' terms are read
     * @return the γ/φ iterations run
     */
    public long train(DocumentTermMatrix documents, int[] listed, long[] positions, long update, double[] expElogBeta,
                      double[] statistics) {
        checkShapes(documents, expElogBeta, statistics);
        if (listed.length != positions.length || update < 1) {
            throw new IllegalArgumentException("LdaPartialEStep needs one position per listed document and update >= 1, got "
                    + listed.length + " documents, " + positions.length + " positions, update " + update);
        }
        int k = topics;
        int chunkSize = settings.chunkSize();
        RandomStream updateStream = RandomStream.of(settings.seed()).split(update);
        ContinuousSampler sampler = null;
        long chunk = -1;
        long next = -1;             // the position whose draws the sampler gives next
        long iterations = 0;
        for (int i = 0; i < listed.length; i++) {
            int d = listed[i];
            long p = positions[i];
            if (d < 0 || d >= documents.documentCount() || p < 0 || p < next) {
                throw new IllegalArgumentException("LdaPartialEStep document " + d + " at position " + p + " must be in [0, "
                        + documents.documentCount() + ") with positions increasing from 0");
            }
            if (sampler == null || p / chunkSize != chunk) {
                chunk = p / chunkSize;
                sampler = AhrensDieterMarsagliaTsangGammaSampler.of(updateStream.split(chunk).provider(), 100.0, 0.01);
                next = chunk * chunkSize;
            }
            for (long skip = (p - next) * k; skip > 0; skip--) {
                sampler.sample();
            }
            for (int t = 0; t < k; t++) {
                gamma[t] = sampler.sample();
            }
            next = p + 1;
            int lo = documents.offsets[d];
            int n = documents.offsets[d + 1] - lo;
            if (ratio.length < n) {
                ratio = new double[Math.max(n, 2 * ratio.length)];
            }
            iterations += step.run(documents, d, expElogBeta, settings.maxDocumentIterations(), gamma, 0, expTheta, 0,
                    ratio, 0, false);
            for (int j = 0; j < n; j++) {
                double r = ratio[j];
                int s = documents.termIds[lo + j] * k;
                for (int t = 0; t < k; t++) {
                    statistics[s + t] += expTheta[t] * r;
                }
            }
        }
        return iterations;
    }

    /**
     * The document and data terms of the bound {@code L(γ, λ)} ({@link LdaModel#bound}, without
     * the topic term) of documents {@code from <= d < to}, each fitted from {@code γ_dk = 1},
     * added in document order.
     *
     * @param expElogBeta {@code β̃_kw}, term-major {@code [V][K]}
     */
    public double documentBound(DocumentTermMatrix documents, int from, int to, double[] expElogBeta) {
        checkRange(documents, from, to);
        checkShapes(documents, expElogBeta, null);
        double total = 0;
        for (int d = from; d < to; d++) {
            java.util.Arrays.fill(gamma, 1.0);
            step.run(documents, d, expElogBeta, settings.maxDocumentIterations(), gamma, 0, expTheta, 0, null, 0, true);
            total += step.dataTerm() + bound.document(gamma, 0);
        }
        return total;
    }

    private void checkShapes(DocumentTermMatrix documents, double[] expElogBeta, double[] statistics) {
        long cells = (long) vocabularySize * topics;
        if (documents.vocabularySize() != vocabularySize || expElogBeta.length != cells
                || (statistics != null && statistics.length != cells)) {
            throw new IllegalArgumentException("LdaPartialEStep needs documents over V = " + vocabularySize
                    + " terms and arrays of V K = " + cells + " entries, got V = " + documents.vocabularySize()
                    + ", expElogBeta " + expElogBeta.length + (statistics == null ? "" : ", statistics " + statistics.length));
        }
    }

    private static void checkRange(DocumentTermMatrix documents, int from, int to) {
        if (from < 0 || to > documents.documentCount() || from > to) {
            throw new IllegalArgumentException("LdaPartialEStep document range must satisfy 0 <= from <= to <= "
                    + documents.documentCount() + ", got [" + from + ", " + to + ")");
        }
    }
}
