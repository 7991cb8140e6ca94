package io.github.elbo4j.bnn;

/**
 * The variational family of the weights of a {@link BayesianMlp}, the same for every layer.
 */
public enum WeightPosterior {

    /**
     * Bayes by Backprop's fully factorised Gaussian (Blundell et al., ICML 2015): every weight and bias
     * {@code N(μ, softplus(ρ)²)} independently ({@link BayesLinear}); four tensors per layer
     * {@code μ_W [in, out], ρ_W [in, out], μ_b [out], ρ_b [out]}. Any {@link WeightPrior}.
     */
    FACTORISED_GAUSSIAN,

    /**
     * The matrix-variate Gaussian of Louizos &amp; Welling (ICML 2016) over the weights and bias
     * stacked {@code [W; b]}, diagonal row covariance, lower-triangular column factor
     * ({@link MatrixGaussianLinear}); four tensors per layer {@code M [in+1, out], ρ_A [in+1],
     * L [out, out], ρ_B [out]}. Needs a {@link NormalPrior} (its KL is in closed form).
     */
    MATRIX_GAUSSIAN
}
