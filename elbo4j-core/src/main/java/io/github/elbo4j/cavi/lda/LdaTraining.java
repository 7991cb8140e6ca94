package io.github.elbo4j.cavi.lda;

import io.github.elbo4j.cavi.SweepListener;
import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.parallel.WorkerPool;
import io.github.elbo4j.random.RandomStream;
import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The two training loops of {@link Lda}. Random streams: {@code RandomStream.of(seed)} is the
 * root; {@code split(0)} draws the initial topics, {@code split(u)} the initial γ of topic update
 * {@code u = 1, 2, …} (split again by chunk in {@link LdaEStep}).
 */
final class LdaTraining {

    private final LdaSettings settings;
    private final DocumentTermMatrix corpus;
    private final int topics;
    private final int vocabularySize;
    private final RandomStream root;

    LdaTraining(LdaSettings settings, DocumentTermMatrix corpus) {
        this.settings = settings;
        this.corpus = corpus;
        this.topics = settings.topics();
        this.vocabularySize = corpus.vocabularySize();
        this.root = RandomStream.of(settings.seed());
    }

    /** Runs the fit; {@code listener} hears every pass, numbered from {@code firstSweep}. */
    LdaFit run(SweepListener listener, long firstSweep) {
        double[] lambda = initialTopics(root, topics, vocabularySize);
        double[] expElogBeta = new double[lambda.length];
        double[] statistics = new double[lambda.length];
        int documents = corpus.documentCount();
        LdaBound bound = new LdaBound(topics, vocabularySize, settings.docTopicPrior(), settings.topicWordPrior());
        double[] sweeps = new double[settings.passes()];
        long updates = 0;
        long iterations = 0;
        long visits = 0;
        try (WorkerPool workers = WorkerPool.of(settings.threads())) {
            LdaEStep eStep = new LdaEStep(settings, vocabularySize, workers);
            LdaTopicUpdate.expectedLog(lambda, topics, expElogBeta, workers);
            if (settings.method() == LdaMethod.BATCH) {
                double[] gamma = new double[documents * topics];
                for (int pass = 1; pass <= settings.passes(); pass++) {
                    Arrays.fill(statistics, 0);
                    LdaEStep.Start start = pass > 1 && settings.warmStart() ? LdaEStep.Start.GIVEN
                            : LdaEStep.Start.RANDOM;
                    LdaEStep.Totals t = eStep.run(corpus, 0, documents, expElogBeta, gamma, start, root.split(pass),
                            settings.maxDocumentIterations(), statistics, false);
                    iterations += t.iterations();
                    visits += documents;
                    LdaTopicUpdate.batch(lambda, expElogBeta, statistics, settings.topicWordPrior());
                    LdaTopicUpdate.expectedLog(lambda, topics, expElogBeta, workers);
                    updates++;
                    LdaEStep.Totals atGamma = eStep.run(corpus, 0, documents, expElogBeta, gamma,
                            LdaEStep.Start.GIVEN, null, 0, null, true);
                    sweeps[pass - 1] = atGamma.bound() + bound.topics(lambda);
                    listener.onSweep(firstSweep + pass - 1, sweeps[pass - 1]);
                }
            } else {
                double[] gamma = new double[Math.min(settings.batchSize(), documents) * topics];
                double[] totals = new double[topics];
                int[] termList = new int[vocabularySize];
                boolean[] listed = new boolean[vocabularySize];
                LdaMinibatches batches = LdaMinibatches.of(settings, documents);
                int pass = 0;
                while (batches.next()) {
                    int size = batches.size();
                    if (size > 0) {         // an empty Bernoulli draw makes no update and keeps t
                        long t = updates + 1;
                        // the minibatch: documents [first, first + size) of the corpus, or the listed ones
                        DocumentTermMatrix part = batches.first() >= 0 ? corpus
                                : corpus.select(batches.documents(), 0, size);
                        int lo = Math.max(0, batches.first());
                        int hi = lo + size;
                        if (gamma.length < size * topics) {
                            gamma = new double[size * topics];
                        }
                        if (t > 1) {        // β̃ of this minibatch's terms under the current λ
                            int count = minibatchTerms(part, lo, hi, listed, termList);
                            LdaTopicUpdate.expectedLog(lambda, totals, termList, count, expElogBeta, workers);
                        }
                        LdaEStep.Totals r = eStep.run(part, lo, hi, expElogBeta, gamma, LdaEStep.Start.RANDOM,
                                root.split(t), settings.maxDocumentIterations(), statistics, false);
                        iterations += r.iterations();
                        visits += size;
                        LdaTopicUpdate.online(lambda, expElogBeta, statistics, settings.topicWordPrior(),
                                settings.learningRate(t), (double) documents / size, totals, workers);
                        updates = t;
                    }
                    if (batches.endsPass()) {
                        listener.onSweep(firstSweep + pass++, Double.NaN);
                    }
                }
                LdaTopicUpdate.expectedLog(lambda, topics, expElogBeta, workers);
            }
            LdaEStep.Totals fresh = eStep.run(corpus, 0, documents, expElogBeta, new double[documents * topics],
                    LdaEStep.Start.ONES, null, settings.maxDocumentIterations(), null, true);
            double trainingBound = fresh.bound() + bound.topics(lambda);
            if (!Double.isFinite(trainingBound)) {
                throw new ArithmeticException("Lda fit produced a non-finite bound " + trainingBound
                        + " after " + updates + " topic updates");
            }
            ElboTrace history = ElboTrace.exact(settings.method() == LdaMethod.BATCH ? sweeps : new double[] {trainingBound});
            return new LdaFit(new LdaModel(settings, vocabularySize, lambda), history, trainingBound,
                    Math.exp(-trainingBound / corpus.tokenCount()), updates, (double) iterations / visits,
                    corpus.contentHash());
        }
    }

    /**
     * Lists the distinct terms of documents {@code [from, to)} of {@code corpus} in {@code termList}, in order of
     * first appearance, and returns their number; {@code listed} is all false before and after.
     */
    private static int minibatchTerms(DocumentTermMatrix corpus, int from, int to, boolean[] listed, int[] termList) {
        int count = 0;
        for (int j = corpus.offsets[from]; j < corpus.offsets[to]; j++) {
            int w = corpus.termIds[j];
            if (!listed[w]) {
                listed[w] = true;
                termList[count++] = w;
            }
        }
        for (int i = 0; i < count; i++) {
            listed[termList[i]] = false;
        }
        return count;
    }

    /** {@code λ_kw ~ Gamma(100, 1/100)} from {@code split(0)}, topic by topic, term by term (term-major). */
    static double[] initialTopics(RandomStream root, int topics, int vocabularySize) {
        ContinuousSampler sampler = AhrensDieterMarsagliaTsangGammaSampler.of(root.split(0).provider(), 100.0, 0.01);
        double[] lambda = new double[vocabularySize * topics];
        for (int k = 0; k < topics; k++) {
            for (int w = 0; w < vocabularySize; w++) {
                lambda[w * topics + k] = sampler.sample();
            }
        }
        return lambda;
    }
}
