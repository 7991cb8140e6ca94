package io.github.elbo4j.cavi.lda;

import io.github.elbo4j.parallel.WorkerPool;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fitted LDA topic model: the variational Dirichlet parameters {@code λ_k} of each topic's
 * word distribution {@code q(β_k) = Dir(λ_k)} with the settings they were fitted with (the
 * priors α and η, and the E-step options that {@link #bound}, {@link #perplexity} and
 * {@link #documentTopics} use). Immutable.
 */
public final class LdaModel {

    private final LdaSettings settings;
    private final int vocabularySize;
    private final double[] lambda;         // term-major: lambda[w * K + k] = λ_kw

    /** Takes ownership of {@code lambda} (term-major). */
    LdaModel(LdaSettings settings, int vocabularySize, double[] lambda) {
        this.settings = settings;
        this.vocabularySize = vocabularySize;
        this.lambda = lambda;
    }

    /**
     * A model from topic-word parameters {@code λ} of shape {@code [K, V]} (as
     * {@link #topicWord()} returns them, or scikit-learn's {@code components_}).
     *
     * @throws IllegalArgumentException when the shape is not {@code [settings.topics(), V]} or an
     *                                  entry is not finite and {@code > 0}
     */
    public static LdaModel of(Tensor topicWord, LdaSettings settings) {
        int[] shape = topicWord.shape();
        if (shape.length != 2 || shape[0] != settings.topics() || shape[1] < 1) {
            throw new IllegalArgumentException("LdaModel topicWord must have shape [" + settings.topics()
                    + ", V] with V >= 1, got " + Arrays.toString(shape));
        }
        int k = shape[0];
        int v = shape[1];
        double[] values = topicWord.toArray();
        double[] termMajor = new double[values.length];
        for (int t = 0; t < k; t++) {
            for (int w = 0; w < v; w++) {
                double x = values[t * v + w];
                if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("LdaModel topicWord entries must be finite and > 0, got " + x
                            + " at [" + t + ", " + w + "]");
                }
                termMajor[w * k + t] = x;
            }
        }
        return new LdaModel(settings, v, termMajor);
    }

    /** K, the number of topics. */
    public int topics() {
        return settings.topics();
    }

    /** V, the number of terms. */
    public int vocabularySize() {
        return vocabularySize;
    }

    /** The settings of the fit (priors and E-step options). */
    public LdaSettings settings() {
        return settings;
    }

    /** {@code λ}, shape {@code [K, V]}: topic k's word distribution is {@code Dir(λ_k)} under q. */
    public Tensor topicWord() {
        int k = topics();
        double[] out = new double[lambda.length];
        for (int w = 0; w < vocabularySize; w++) {
            for (int t = 0; t < k; t++) {
                out[t * vocabularySize + w] = lambda[w * k + t];
            }
        }
        return Tensor.of(out, k, vocabularySize);
    }

    /**
     * The posterior-mean topics {@code E_q[β_kw] = λ_kw / Σ_v λ_kv} (mean of a Dirichlet), shape
     * {@code [K, V]}, rows summing to 1.
     */
    public Tensor topicWordMeans() {
        int k = topics();
        double[] totals = new double[k];
        for (int w = 0; w < vocabularySize; w++) {
            for (int t = 0; t < k; t++) {
                totals[t] += lambda[w * k + t];
            }
        }
        double[] out = new double[lambda.length];
        for (int w = 0; w < vocabularySize; w++) {
            for (int t = 0; t < k; t++) {
                out[t * vocabularySize + w] = lambda[w * k + t] / totals[t];
            }
        }
        return Tensor.of(out, k, vocabularySize);
    }

    /**
     * The variational Dirichlet parameters {@code γ_d} of each document's topic proportions,
     * shape {@code [D, K]}, from the E-step with these topics started at {@code γ_dk = 1}
     * (scikit-learn's {@code transform} before normalization).
     */
    public Tensor documentTopics(DocumentTermMatrix documents) {
        checkVocabulary(documents);
        double[] gamma = new double[documents.documentCount() * topics()];
        evaluate(documents, gamma, false);
        return Tensor.of(gamma, documents.documentCount(), topics());
    }

    /**
     * Each topic's expected share of the tokens of {@code documents}:
     * {@code s_k = Σ_d N_d E_q[θ_dk] / Σ_d N_d} with {@code E_q[θ_dk] = γ_dk / Σ_j γ_dj} and
     * {@code γ} from {@link #documentTopics} (the usual way to rank topics by size; the shares sum
     * to 1). Documents without tokens weigh nothing.
     *
     * @throws IllegalArgumentException when the documents hold no tokens
     */
    public double[] topicShares(DocumentTermMatrix documents) {
        if (!(documents.tokenCount() > 0)) {
            throw new IllegalArgumentException("LdaModel topicShares needs documents with tokens, got "
                    + documents.tokenCount() + " tokens in " + documents.documentCount() + " documents");
        }
        int k = topics();
        double[] gamma = documentTopics(documents).toArray();
        double[] share = new double[k];
        for (int d = 0; d < documents.documentCount(); d++) {
            double total = 0;
            for (int t = 0; t < k; t++) {
                total += gamma[d * k + t];
            }
            double length = 0;
            for (double c : documents.counts(d)) {
                length += c;
            }
            for (int t = 0; t < k; t++) {
                share[t] += length * gamma[d * k + t] / total;
            }
        }
        for (int t = 0; t < k; t++) {
            share[t] /= documents.tokenCount();
        }
        return share;
    }

    /**
     * The variational bound {@code L(γ, λ)} on {@code log p(documents)} (see
     * {@code LdaBound}: Hoffman, Blei and Bach, NeurIPS 2010, section 2.1, with φ at its optimum), with
     * each document's {@code γ_d} fitted on that document from {@code γ_dk = 1}, and the
     * topic term {@code E_q[log p(β | η) − log q(β | λ)]} counted once. This is scikit-learn's
     * {@code score(X)}.
     */
    public double bound(DocumentTermMatrix documents) {
        checkVocabulary(documents);
        return evaluate(documents, new double[documents.documentCount() * topics()], true);
    }

    /**
     * Perplexity {@code exp(−L / N)} with {@code L = }{@link #bound} and {@code N} the total count
     * of the documents: the definition of scikit-learn's {@code perplexity(X)} (Hoffman, Blei and
     * Bach, NeurIPS 2010, the held-out perplexity of their experiments, with the γ of held-out
     * documents fitted on those documents themselves,
     * no document completion). Lower is better.
     *
     * @throws IllegalArgumentException when the documents hold no tokens
     */
    public double perplexity(DocumentTermMatrix documents) {
        checkVocabulary(documents);
        if (!(documents.tokenCount() > 0)) {
            throw new IllegalArgumentException("LdaModel perplexity needs documents with tokens, got "
                    + documents.tokenCount() + " tokens in " + documents.documentCount() + " documents");
        }
        return Math.exp(-bound(documents) / documents.tokenCount());
    }

    /**
     * The ids of the {@code n} terms with the largest {@code λ_kw} in each topic (equivalently
     * the largest {@code E_q[β_kw]}), largest first, ties by lower id; shape {@code [K][n]}.
     */
    public int[][] topWords(int n) {
        if (n < 1 || n > vocabularySize) {
            throw new IllegalArgumentException("LdaModel topWords n must be in [1, " + vocabularySize + "], got " + n);
        }
        int k = topics();
        int[][] out = new int[k][];
        Integer[] order = new Integer[vocabularySize];
        for (int t = 0; t < k; t++) {
            final int topic = t;
            for (int w = 0; w < vocabularySize; w++) {
                order[w] = w;
            }
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(lambda[b * k + topic], lambda[a * k + topic]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            out[t] = new int[n];
            for (int i = 0; i < n; i++) {
                out[t][i] = order[i];
            }
        }
        return out;
    }

    /** {@link #topWords(int)} as the terms of {@code vocabulary} (term id = list index). */
    public List<List<String>> topWords(int n, List<String> vocabulary) {
        if (vocabulary.size() != vocabularySize) {
            throw new IllegalArgumentException("LdaModel vocabulary must have " + vocabularySize + " terms, got "
                    + vocabulary.size());
        }
        List<List<String>> out = new ArrayList<>();
        for (int[] ids : topWords(n)) {
            List<String> words = new ArrayList<>(ids.length);
            for (int id : ids) {
                words.add(vocabulary.get(id));
            }
            out.add(List.copyOf(words));
        }
        return List.copyOf(out);
    }

    /** E-step from γ = 1 on {@code documents}, γ into {@code gamma}; the bound when asked (else 0). */
    private double evaluate(DocumentTermMatrix documents, double[] gamma, boolean withBound) {
        int d = documents.documentCount();
        double[] expElogBeta = new double[lambda.length];
        try (WorkerPool workers = WorkerPool.of(settings.threads())) {
            LdaTopicUpdate.expectedLog(lambda, topics(), expElogBeta, workers);
            LdaEStep step = new LdaEStep(settings, vocabularySize, workers);
            LdaEStep.Totals totals = step.run(documents, 0, d, expElogBeta, gamma, LdaEStep.Start.ONES, null,
                    settings.maxDocumentIterations(), null, withBound);
            if (!withBound) {
                return 0;
            }
            return totals.bound() + new LdaBound(topics(), vocabularySize, settings.docTopicPrior(),
                    settings.topicWordPrior()).topics(lambda);
        }
    }

    /** {@code λ} term-major, for this package's tests and fits (not a copy). */
    double[] lambdaTermMajor() {
        return lambda;
    }

    private void checkVocabulary(DocumentTermMatrix documents) {
        if (documents.vocabularySize() != vocabularySize) {
            throw new IllegalArgumentException("LdaModel documents must have vocabularySize " + vocabularySize
                    + " (the model's), got " + documents.vocabularySize());
        }
    }
}
