package io.github.elbo4j.cavi.lda;

import io.github.elbo4j.math.SpecialFunctions;

/**
 * The LDA variational bound with the word assignments φ at their optimum
 * (Hoffman, Blei and Bach, NeurIPS 2010, section 2.1, the bound L summed over documents;
 * Blei, Ng and Jordan, JMLR 3, 2003, appendix A.3, with φ substituted):
 * <pre>
 *   L(γ, λ) = Σ_d [ Σ_w n_dw log Σ_k exp(E[log θ_dk] + E[log β_kw])            (data term)
 *                   + Σ_k (α − γ_dk) E[log θ_dk] + Σ_k (log Γ(γ_dk) − log Γ(α))
 *                   + log Γ(Kα) − log Γ(Σ_k γ_dk) ]                           (document term)
 *           + Σ_k [ Σ_w (η − λ_kw) E[log β_kw] + Σ_w (log Γ(λ_kw) − log Γ(η))
 *                   + log Γ(Vη) − log Γ(Σ_w λ_kw) ]                            (topic term)
 * </pre>
 * with {@code E[log θ_dk] = ψ(γ_dk) − ψ(Σ_j γ_dj)} and {@code E[log β_kw] = ψ(λ_kw) − ψ(Σ_v λ_kv)}.
 * The document and topic terms are {@code −KL(q ‖ p)} of the Dirichlet factors; this class
 * evaluates them, {@link LdaDocumentStep} the data term. This is the
 * bound scikit-learn's {@code LatentDirichletAllocation._approx_bound} evaluates (without its
 * subsampling rescale), so perplexities agree in definition.
 */
final class LdaBound {

    private final int topics;
    private final int vocabularySize;
    private final double alpha;
    private final double eta;
    private final double documentConstant;
    private final double topicConstant;

    LdaBound(int topics, int vocabularySize, double alpha, double eta) {
        this.topics = topics;
        this.vocabularySize = vocabularySize;
        this.alpha = alpha;
        this.eta = eta;
        this.documentConstant = SpecialFunctions.lgamma(topics * alpha) - topics * SpecialFunctions.lgamma(alpha);
        this.topicConstant = SpecialFunctions.lgamma(vocabularySize * eta)
                - vocabularySize * SpecialFunctions.lgamma(eta);
    }

    /**
     * The document term of {@code γ_d = gamma[off..off+K)}:
     * {@code Σ_k (α − γ_dk)(ψ(γ_dk) − ψ(Σγ_d)) + Σ_k log Γ(γ_dk) − log Γ(Σγ_d)
     * + log Γ(Kα) − K log Γ(α)}.
     */
    double document(double[] gamma, int off) {
        double total = 0;
        for (int k = 0; k < topics; k++) {
            total += gamma[off + k];
        }
        double psiTotal = LdaDirichletExpectation.digamma(total);
        double s = documentConstant - SpecialFunctions.lgamma(total);
        for (int k = 0; k < topics; k++) {
            double g = gamma[off + k];
            s += (alpha - g) * (LdaDirichletExpectation.digamma(g) - psiTotal) + SpecialFunctions.lgamma(g);
        }
        return s;
    }

    /**
     * The topic term of {@code λ} (term-major, {@code lambda[w * K + k] = λ_kw}):
     * {@code Σ_k [Σ_w (η − λ_kw)(ψ(λ_kw) − ψ(Σ_v λ_kv)) + Σ_w log Γ(λ_kw) − log Γ(Σ_w λ_kw)
     * + log Γ(Vη) − V log Γ(η)]}. Sums run over terms in order, so the value does not depend on
     * threads.
     */
    double topics(double[] lambda) {
        double[] totals = new double[topics];
        for (int w = 0; w < vocabularySize; w++) {
            for (int k = 0; k < topics; k++) {
                totals[k] += lambda[w * topics + k];
            }
        }
        double[] psiTotals = new double[topics];
        double s = topics * topicConstant;
        for (int k = 0; k < topics; k++) {
            psiTotals[k] = LdaDirichletExpectation.digamma(totals[k]);
            s -= SpecialFunctions.lgamma(totals[k]);
        }
        for (int w = 0; w < vocabularySize; w++) {
            for (int k = 0; k < topics; k++) {
                double l = lambda[w * topics + k];
                s += (eta - l) * (LdaDirichletExpectation.digamma(l) - psiTotals[k]) + SpecialFunctions.lgamma(l);
            }
        }
        return s;
    }
}
