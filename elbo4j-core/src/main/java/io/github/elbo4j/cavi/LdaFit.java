package io.github.elbo4j.cavi;

import java.util.List;

/**
 * The result of {@link Lda#fit}: the model and how the fit went, with its provenance (the
 * settings, seed included, are {@code model().settings()}; the data is {@code corpusHash}).
 *
 * @param model                  the fitted topics
 * @param sweepBounds            batch VB: the bound {@code L(γ, λ)} after every sweep, each document at
 *                               its current γ_d (never decreasing with {@link Lda.Builder#warmStart};
 *                               with fresh γ starts, the default, it may dip); online VB: empty
 * @param trainingBound          the bound on the training corpus after a fresh E-step from γ = 1 with
 *                               the final topics (scikit-learn's {@code bound_} and {@code score(X)})
 * @param trainingPerplexity     {@code exp(−trainingBound / N)}
 * @param updates                topic updates made (sweeps for batch, minibatches for online)
 * @param meanDocumentIterations mean γ/φ iterations per document visit during training
 * @param corpusHash             {@link DocumentTermMatrix#contentHash()} of the training corpus
 */
public record LdaFit(LdaModel model, List<Double> sweepBounds, double trainingBound, double trainingPerplexity,
                     long updates, double meanDocumentIterations, long corpusHash) {

    /** Copies the trace into an unmodifiable list. */
    public LdaFit {
        sweepBounds = List.copyOf(sweepBounds);
    }
}
