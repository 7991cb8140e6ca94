package io.github.elbo4j.cavi.gmm;

/**
 * The variational posterior {@code q(π)} of the mixing weights, with the expectations the
 * coordinate-ascent sweep and the ELBO need. Implementations are immutable.
 */
interface GmmWeightPosterior {

    /** {@code E_q[ln π_k]} for each component. */
    double[] expectedLogWeights();

    /** {@code E_q[π_k]} for each component; they sum to one. */
    double[] meanWeights();

    /** {@code E_q[ln p(π)] - E_q[ln q(π)]}: the weights' part of the ELBO. */
    double priorMinusEntropy();

    /** The log-normalizer of {@code q(π)} that scikit-learn keeps in its lower bound. */
    double logNormalizer();

    /** The same log-normalizer at the prior: a constant that scikit-learn drops. */
    double priorLogNormalizer();

    /** The parameters of {@code q(π)}: {@code α_k} as {@code [K]}, or the sticks' {@code (a_k, b_k)} as {@code [K-1][2]}. */
    double[] parameters();

    /** The shape of {@link #parameters()}. */
    int[] parameterShape();
}
