package io.github.elbo4j.cavi.lda;

import io.github.elbo4j.infer.Diagnostics;
import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.infer.FactorPosterior;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Provenance;
import io.github.elbo4j.infer.StopReason;
import io.github.elbo4j.infer.Verdict;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link Lda#fit}: the model and how the fit went, with its provenance (the
 * settings, seed included, are {@code model().settings()}; the data is {@code corpusHash}).
 *
 * @param model                  the fitted topics
 * @param elboTrace                the fit's ELBO trace, exact values of the bound: batch VB the bound
 *                               {@code L(γ, λ)} after every sweep, each document at its current γ_d
 *                               (never decreasing with {@link Lda.Builder#warmStart}; with fresh γ
 *                               starts, the default, it may dip); online VB, which computes no bound
 *                               while training, the one value {@code trainingBound}
 * @param trainingBound          the bound on the training corpus after a fresh E-step from γ = 1 with
 *                               the final topics (scikit-learn's {@code bound_} and {@code score(X)})
 * @param trainingPerplexity     {@code exp(−trainingBound / N)}
 * @param updates                topic updates made (sweeps for batch, minibatches for online)
 * @param meanDocumentIterations mean γ/φ iterations per document visit during training
 * @param corpusHash             {@link DocumentTermMatrix#contentHash()} of the training corpus
 */
public record LdaFit(LdaModel model, ElboTrace elboTrace, double trainingBound, double trainingPerplexity,
                     long updates, double meanDocumentIterations, long corpusHash) {

    /** Why {@link #toFit()} has no PSIS check, and what is reported instead. */
    static final String NOT_CHECKED = "the joint density would have to include every document's topic proportions "
            + "theta_d and token assignments z_dn, whose factors this fit does not keep (gamma_d is refitted per document); "
            + "reported instead: the variational bound per sweep, the training bound and the held-out perplexity "
            + "(LdaModel.perplexity)";

    /**
     * @throws IllegalArgumentException if {@code elboTrace} is null
     */
    public LdaFit {
        if (elboTrace == null) {
            throw new IllegalArgumentException("LdaFit elboTrace must not be null");
        }
    }

    /**
     * This fit as the library's one fitted-result type. The posterior holds the topics,
     * {@code topics: Dirichlet(λ)} of shape {@code [K, V]} (topic {@code k}'s word distribution is
     * {@code Dir(λ_k)}); the parameters hold {@code topicWord} ({@code λ}). The ELBO trace is
     * {@link #elboTrace}: for batch VB the bound per sweep (never decreasing with warm starts; with
     * fresh random E-step starts it may dip, which the notes say) and, for online VB, which computes
     * no bound while training, the one value {@link #trainingBound}. LDA runs a fixed number of passes, so
     * the stop reason is {@link StopReason#FIXED_BUDGET}. There is no PSIS check: the joint
     * density would have to include every document's topic proportions and token assignments,
     * whose factors the fit does not keep; the verdict is {@code UNCHECKED} with that reason, and
     * what is reported instead is the bound per sweep, the training bound and the held-out
     * perplexity ({@link LdaModel#perplexity}).
     */
    public Fit toFit() {
        LdaSettings s = model.settings();
        boolean batch = s.method() == LdaMethod.BATCH;
        Tensor lambda = model.topicWord();
        Map<String, Tensor> parameters = new LinkedHashMap<>();
        parameters.put("topicWord", lambda);
        FactorPosterior posterior = FactorPosterior.of(Map.of("topics", FactorPosterior.Factor.dirichlet(lambda)));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("method", batch ? "batch variational Bayes" : "online variational Bayes");
        settings.put("model", "Lda");
        settings.put("topics", Integer.toString(s.topics()));
        settings.put("docTopicPrior", Double.toString(s.docTopicPrior()));
        settings.put("topicWordPrior", Double.toString(s.topicWordPrior()));
        settings.put("passes", Integer.toString(s.passes()));
        if (!batch) {
            settings.put("batchSize", Integer.toString(s.batchSize()));
            settings.put("learningOffset", Double.toString(s.learningOffset()));
            settings.put("learningDecay", Double.toString(s.learningDecay()));
            settings.put("schedule", s.schedule().name());
            if (s.schedule() == LdaSchedule.BERNOULLI) {
                settings.put("sampleFraction", s.sampleFraction() != 0 ? Double.toString(s.sampleFraction())
                        : "batchSize / D");
            }
        }
        settings.put("maxDocumentIterations", Integer.toString(s.maxDocumentIterations()));
        settings.put("documentTolerance", Double.toString(s.documentTolerance()));
        settings.put("warmStart", Boolean.toString(s.warmStart()));
        settings.put("chunkSize", Integer.toString(s.chunkSize()));
        settings.put("vocabularySize", Integer.toString(model.vocabularySize()));
        settings.put("corpusHash", Long.toHexString(corpusHash));
        Diagnostics d = Diagnostics.notChecked(NOT_CHECKED);
        StopReason stop = StopReason.FIXED_BUDGET;
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%d topic updates, %.1f E-step iterations per document visit; training "
                + "bound %.6g, training perplexity %.6g", updates, meanDocumentIterations, trainingBound, trainingPerplexity));
        if (!batch) {
            notes.add("online VB computes no bound while training: the ELBO trace is the training bound after the last "
                    + "update (a fresh E-step from gamma = 1)");
        } else if (!s.warmStart()) {
            notes.add("the E-step restarts every sweep from random gamma (warmStart false), so the bound per sweep may dip; "
                    + "warmStart(true) makes batch VB exact coordinate ascent");
        }
        return new Fit((batch ? "batch" : "online") + " variational Bayes, latent Dirichlet allocation, " + s.topics()
                + " topics, q(topics) = Dirichlet", parameters, elboTrace, stop, d,
                Verdict.of(stop, d, "raise the number of passes"), Provenance.of(s.seed(), settings), posterior,
                Optional.empty(), notes);
    }
}
