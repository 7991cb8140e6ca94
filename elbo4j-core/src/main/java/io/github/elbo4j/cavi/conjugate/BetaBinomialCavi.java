package io.github.elbo4j.cavi.conjugate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.cavi.internal.CaviFits;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.discrete.Binomial;
import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.infer.FactorPosterior;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Beta-Binomial coin: {@code θ ~ Beta(a, b)}, {@code k | θ ~ Binomial(n, θ)}, fitted with a
 * variational {@code q(θ) = Beta(α, β)}. The family contains the posterior, so CAVI's one update
 * {@code q*(θ) ∝ exp E[log p(k, θ)] = Beta(a + k, b + n - k)} is exact and one sweep reaches it
 * (Blei, Kucukelbir &amp; McAuliffe 2017, JASA, §2.4, eq. 17; Murphy 2012, MLAPP, §3.3). The ELBO is
 * computed from its definition {@code E_q[log p(k, θ)] + H[q]}, not from the evidence, so
 * {@code ELBO(q) = log p(k) - KL(q ‖ p(θ | k))} is a property to test, not a construction. The fit
 * has no settings (no sweep limit or tolerance: one sweep is exact), so {@link #of} is the whole
 * configuration and there is no builder. Immutable and thread-safe.
 *
 * <pre>{@code
 * BetaBinomialCavi coin = BetaBinomialCavi.of(2, 2);
 * BetaBinomialCaviResult r = coin.fit(6, 10);   // Beta(8, 6), history [ELBO(prior), log p(k)]
 * }</pre>
 */
public final class BetaBinomialCavi {

    private static final String NAME = "BetaBinomialCavi";

    private final double priorAlpha;
    private final double priorBeta;

    private BetaBinomialCavi(double priorAlpha, double priorBeta) {
        this.priorAlpha = requirePositive("priorAlpha", priorAlpha);
        this.priorBeta = requirePositive("priorBeta", priorBeta);
    }

    /**
     * The model with prior {@code Beta(priorAlpha, priorBeta)}.
     *
     * @throws IllegalArgumentException if a parameter is not finite and {@code > 0}, e.g.
     *     {@code BetaBinomialCavi priorAlpha must be > 0 and finite, got 0.0}
     */
    public static BetaBinomialCavi of(double priorAlpha, double priorBeta) {
        return new BetaBinomialCavi(priorAlpha, priorBeta);
    }

    /** The prior's first shape {@code a}. */
    public double priorAlpha() {
        return priorAlpha;
    }

    /** The prior's second shape {@code b}. */
    public double priorBeta() {
        return priorBeta;
    }

    /**
     * Fits {@code q(θ) = Beta(α, β)} by CAVI from {@code q = Beta(a, b)} (the prior): one sweep
     * sets {@code α = a + k}, {@code β = b + n - k} (Murphy 2012, MLAPP, §3.3.3), the exact
     * posterior. The update does not read the current {@code q}, so the fit is converged after
     * that sweep; the history holds the prior's ELBO and the posterior's, which equals
     * {@link #logEvidence}.
     *
     * @param successes {@code k}, the number of heads
     * @param trials {@code n}, the number of tosses
     * @throws IllegalArgumentException if {@code trials < 0}, {@code successes < 0} or
     *     {@code successes > trials}
     */
    public BetaBinomialCaviResult fit(long successes, long trials) {
        checkCounts(successes, trials);
        double alpha = priorAlpha + successes;
        double beta = priorBeta + (trials - successes);
        double[] elbo = {elbo(successes, trials, priorAlpha, priorBeta), elbo(successes, trials, alpha, beta)};
        return new BetaBinomialCaviResult(alpha, beta, ElboTrace.exact(elbo), true);
    }

    /**
     * The ELBO of {@code q(θ) = Beta(α, β)},
     * {@code L(q) = E_q[log p(k | θ)] + E_q[log p(θ)] + H[q]} with
     * {@code E_q[log θ] = ψ(α) - ψ(α + β)}, {@code E_q[log(1 - θ)] = ψ(β) - ψ(α + β)},
     * <pre>
     * E_q[log p(k | θ)] = log C(n, k) + k E[log θ] + (n - k) E[log(1 - θ)]
     * E_q[log p(θ)]     = (a - 1) E[log θ] + (b - 1) E[log(1 - θ)] - log B(a, b)
     * H[q]              = log B(α, β) - (α - 1) ψ(α) - (β - 1) ψ(β) + (α + β - 2) ψ(α + β)
     * </pre>
     * (Blei et al. 2017, JASA, eq. 13). The two expectations are the gradient of the log
     * normalizer, {@code ∂ log B(α, β) / ∂α} and {@code ∂ log B(α, β) / ∂β} (the exponential-family
     * identity of Bishop 2006, PRML, eq. 2.226), and the entropy is {@code -E_q[log q]} with
     * {@code log q(θ) = (α - 1) log θ + (β - 1) log(1 - θ) - log B(α, β)}. It
     * equals {@code log p(k) - KL(q ‖ Beta(a + k, b + n - k))}, so it is at most the log
     * evidence, with equality only at the posterior.
     *
     * @throws IllegalArgumentException on invalid counts (as {@link #fit}) or if {@code alpha} or
     *     {@code beta} is not finite and {@code > 0}
     */
    public double elbo(long successes, long trials, double alpha, double beta) {
        checkCounts(successes, trials);
        requirePositive("alpha", alpha);
        requirePositive("beta", beta);
        double psiSum = SpecialFunctions.digamma(alpha + beta);
        double psiAlpha = SpecialFunctions.digamma(alpha);
        double psiBeta = SpecialFunctions.digamma(beta);
        double eLogTheta = psiAlpha - psiSum;
        double eLogOneMinusTheta = psiBeta - psiSum;
        double failures = trials - successes;
        double expectedLogLikelihood = logChoose(successes, trials)
                + successes * eLogTheta + failures * eLogOneMinusTheta;
        double expectedLogPrior = (priorAlpha - 1) * eLogTheta + (priorBeta - 1) * eLogOneMinusTheta
                - SpecialFunctions.logBeta(priorAlpha, priorBeta);
        double entropy = SpecialFunctions.logBeta(alpha, beta) - (alpha - 1) * psiAlpha - (beta - 1) * psiBeta
                + (alpha + beta - 2) * psiSum;
        return expectedLogLikelihood + expectedLogPrior + entropy;
    }

    /**
     * The joint density this class fits, in the Model API: site {@code theta ~ Beta(a, b)} and the
     * observed {@code k ~ Binomial(n, theta)}, so {@code log p(k, θ) = log Beta(θ | a, b) + log C(n, k)
     * + k log θ + (n - k) log(1 - θ)}, the integrand of {@link #elbo}. Works with a leading particle
     * axis ({@code theta} of shape {@code [P]}); this is what {@link #toFit} checks {@code q} against.
     *
     * @throws IllegalArgumentException on invalid counts, as {@link #fit}
     */
    public Model model(long successes, long trials) {
        checkCounts(successes, trials);
        Tensor n = Tensor.scalar(trials);
        Tensor k = Tensor.scalar(successes);
        return m -> {
            Var theta = m.sample("theta", Beta.of(priorAlpha, priorBeta));
            m.observe("k", Binomial.ofProbs(n, theta), k);
        };
    }

    /**
     * {@code result} as the library's one fitted-result type: the factor {@code theta: Beta(α, β)},
     * the exact ELBO per sweep, and the PSIS check of the factor against {@link #model} with 1000
     * draws from {@code seed}. This method lives here rather than on the result because the check
     * needs the prior and the data, which the result does not hold.
     *
     * @throws IllegalArgumentException on invalid counts, or if {@code result} was not fitted to
     *     these counts by this model (its final ELBO differs from the ELBO of its factor here)
     */
    public Fit toFit(BetaBinomialCaviResult result, long successes, long trials, long seed) {
        CaviFits.requireSameElbo(NAME, result.elboTrace(), elbo(successes, trials, result.alpha(), result.beta()));
        Map<String, Tensor> parameters = new LinkedHashMap<>();
        parameters.put("alpha", Tensor.scalar(result.alpha()));
        parameters.put("beta", Tensor.scalar(result.beta()));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model", NAME);
        settings.put("priorAlpha", Double.toString(priorAlpha));
        settings.put("priorBeta", Double.toString(priorBeta));
        settings.put("successes", Long.toString(successes));
        settings.put("trials", Long.toString(trials));
        FactorPosterior q = FactorPosterior.of(Map.of("theta",
                FactorPosterior.Factor.beta(Tensor.scalar(result.alpha()), Tensor.scalar(result.beta()))));
        return CaviFits.closedForm("coordinate ascent (CAVI), Beta-Binomial, q(theta) = Beta", parameters, result.elboTrace(), result.converged(), q,
                model(successes, trials), seed, settings);
    }

    /**
     * The exact log evidence
     * {@code log p(k) = log C(n, k) + log B(a + k, b + n - k) - log B(a, b)}, the Beta-Binomial
     * probability mass (Murphy 2012, MLAPP, §5.3.2.1).
     *
     * @throws IllegalArgumentException on invalid counts, as {@link #fit}
     */
    public double logEvidence(long successes, long trials) {
        checkCounts(successes, trials);
        return logChoose(successes, trials)
                + SpecialFunctions.logBeta(priorAlpha + successes, priorBeta + (trials - successes))
                - SpecialFunctions.logBeta(priorAlpha, priorBeta);
    }

    /** {@code log C(n, k) = log Γ(n + 1) - log Γ(k + 1) - log Γ(n - k + 1)}. */
    private static double logChoose(long k, long n) {
        return SpecialFunctions.lgamma(n + 1.0) - SpecialFunctions.lgamma(k + 1.0)
                - SpecialFunctions.lgamma(n - k + 1.0);
    }

    private static void checkCounts(long successes, long trials) {
        if (trials < 0) {
            throw new IllegalArgumentException(NAME + " trials must be >= 0, got " + trials);
        }
        if (successes < 0) {
            throw new IllegalArgumentException(NAME + " successes must be >= 0, got " + successes);
        }
        if (successes > trials) {
            throw new IllegalArgumentException(NAME + " successes must be <= trials (" + trials + "), got "
                    + successes);
        }
    }

    private static double requirePositive(String name, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(NAME + " " + name + " must be > 0 and finite, got " + value);
        }
        return value;
    }
}
