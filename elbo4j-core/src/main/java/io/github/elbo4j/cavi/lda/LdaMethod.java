package io.github.elbo4j.cavi.lda;

/** How {@link Lda} updates the topics. */
public enum LdaMethod {
    /**
     * Batch variational Bayes (Blei, Ng and Jordan, JMLR 3, 2003, section 5.3; Hoffman, Blei and
     * Bach, NeurIPS 2010, algorithm 1): every sweep runs the E-step on all documents, then sets
     * {@code λ = η + Σ_d n_dw φ_dwk}. With {@code warmStart} each document starts from its
     * previous {@code γ_d} and the bound never decreases.
     */
    BATCH,
    /**
     * Online variational Bayes (Hoffman, Blei and Bach, NeurIPS 2010, algorithm 2): minibatches
     * of consecutive documents, each followed by
     * {@code λ ← (1 − ρ_t) λ + ρ_t (η + (D/|B|) Σ_{d∈B} n_dw φ_dwk)} with
     * {@code ρ_t = (τ0 + t)^(−κ)}.
     */
    ONLINE
}
