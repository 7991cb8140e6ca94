package io.github.elbo4j.cavi.conjugate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.cavi.internal.CaviFits;
import io.github.elbo4j.cavi.internal.ElboTraceRecorder;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.infer.FactorPosterior;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Gaussian chain with one observation at its end, fitted by mean-field CAVI:
 * <pre>
 * z_1 ~ N(0, v₀),   z_{k+1} | z_k ~ N(z_k, v)  (k &lt; K),   x | z_K ~ N(z_K, v_obs)
 * q(z) = Π_k N(z_k | m_k, s_k²)
 * </pre>
 * With {@code K = 2} and unit variances it is the two-latent example of the seed notes
 * ({@code z1 ~ N(0,1), z2 ~ N(z1,1), x ~ N(z2,1)}). The posterior is Gaussian and known exactly
 * ({@link #exactPosteriorMean}, {@link #exactPosteriorCovariance}, {@link #logEvidence}); the
 * mean-field fixed point has the exact means and variances {@code 1 / Λ_kk}, the inverse diagonal
 * of the posterior precision, which are smaller than the exact marginal variances {@code Σ_kk}
 * (Bishop 2006, PRML, §10.1.2, eqs. 10.12-10.15; Murphy 2012, MLAPP, §21.3). For the seed chain
 * the exact mean is {@code (x/3, 2x/3)}, the exact covariance {@code (1/3)[[2, 1], [1, 2]]} and the
 * mean-field variances are {@code 1/2} each.
 *
 * <pre>{@code
 * GaussianChainCavi chain = GaussianChainCavi.of(2, 1, 1, 1);
 * GaussianChainCaviResult r = chain.fit(1.0);   // means -> (1/3, 2/3), variances (1/2, 1/2)
 * GaussianChainCaviResult one = GaussianChainCavi.builder(2, 1, 1, 1).maxSweeps(1).build().fit(1.0);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class GaussianChainCavi {

    private static final int MAX_SWEEPS = 10_000;
    private static final double TOLERANCE = 1e-12;
    private static final String NAME = "GaussianChainCavi";
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final GaussianChain chain;
    private final int length;
    private final int maxSweeps;
    private final double tolerance;
    private final GaussianChainCaviFactors initial;

    private GaussianChainCavi(Builder b) {
        this.chain = b.chain;
        this.length = b.chain.length();
        this.maxSweeps = b.maxSweeps;
        this.tolerance = b.tolerance;
        this.initial = b.initial != null ? b.initial : priorMarginals();
    }

    /**
     * A builder for the chain of {@code length} latent states with the given variances
     * {@code v₀, v, v_obs}; the defaults of the fit's settings are stated on the builder's methods.
     *
     * @throws IllegalArgumentException if {@code length < 1} or a variance is not finite and
     *     {@code > 0}, e.g. {@code GaussianChainCavi transitionVariance must be > 0 and finite, got 0.0}
     */
    public static Builder builder(int length, double priorVariance, double transitionVariance, double observationVariance) {
        return new Builder(length, priorVariance, transitionVariance, observationVariance);
    }

    /**
     * The chain with every default: {@code builder(length, priorVariance, transitionVariance,
     * observationVariance).build()}.
     *
     * @throws IllegalArgumentException as {@link #builder}
     */
    public static GaussianChainCavi of(int length, double priorVariance, double transitionVariance,
            double observationVariance) {
        return builder(length, priorVariance, transitionVariance, observationVariance).build();
    }

    /** The number of latent states {@code K}. */
    public int length() {
        return length;
    }

    /** The sweep limit of {@link #fit}. */
    public int maxSweeps() {
        return maxSweeps;
    }

    /** The tolerance of {@link #fit}'s stopping rule. */
    public double tolerance() {
        return tolerance;
    }

    /**
     * CAVI from {@link #initialFactors}: each sweep updates {@code q(z_1), ..., q(z_K)} in order, each to
     * {@code q*(z_k) ∝ exp E_{-k}[log p(x, z)]} (Bishop 2006, PRML, eq. 10.9), which for this chain
     * is {@code N(m_k, 1/Λ_kk)} with {@code m_k = (h_k + (m_{k-1} + m_{k+1}) / v) / Λ_kk}, where
     * {@code Λ} is the tridiagonal posterior precision
     * <pre>
     * Λ_11 = 1/v₀ + 1/v,  Λ_kk = 2/v (1 &lt; k &lt; K),  Λ_KK = 1/v + 1/v_obs,  Λ_{k,k±1} = -1/v
     * (K = 1: Λ_11 = 1/v₀ + 1/v_obs)
     * </pre>
     * and {@code h = (0, ..., 0, x / v_obs)} (a Gauss-Seidel sweep on {@code Λ m = h}, PRML eq.
     * 10.13). It stops when every mean and variance moved by at most
     * {@code tolerance · (1 + |value|)} in a sweep, or after {@code maxSweeps}
     * ({@link Builder#tolerance}, {@link Builder#maxSweeps}).
     *
     * @throws IllegalArgumentException if {@code x} is not finite
     */
    public GaussianChainCaviResult fit(double x) {
        checkObservation(x);
        double[] m = initial.means();
        double[] s = initial.variances();
        double[] precision = chain.posteriorPrecisionDiagonal();
        double observationVariance = chain.observationVariance();
        double transitionVariance = chain.transitionVariance();
        ElboTraceRecorder recorder = new ElboTraceRecorder(NAME, maxSweeps, tolerance, chain.elbo(x, m, s),
                parameters(m, s));
        boolean stop = false;
        while (!stop) {
            for (int k = 0; k < length; k++) {
                double neighbours = (k > 0 ? m[k - 1] : 0) + (k < length - 1 ? m[k + 1] : 0);
                double h = k == length - 1 ? x / observationVariance : 0;
                m[k] = (h + neighbours / transitionVariance) / precision[k];
                s[k] = 1 / precision[k];
            }
            stop = recorder.record(chain.elbo(x, m, s), parameters(m, s));
        }
        return new GaussianChainCaviResult(new GaussianChainCaviFactors(m, s), recorder.elboTrace(), recorder.converged());
    }

    /**
     * The starting point of {@link #fit}: the factors given to {@link Builder#initialFactors}, by
     * default the product of the prior marginals, {@code q(z_k) = N(0, v₀ + (k - 1) v)}.
     */
    public GaussianChainCaviFactors initialFactors() {
        return initial;
    }

    private GaussianChainCaviFactors priorMarginals() {
        double[] s = new double[length];
        for (int k = 0; k < length; k++) {
            s[k] = chain.priorVariance() + k * chain.transitionVariance();
        }
        return new GaussianChainCaviFactors(new double[length], s);
    }

    /**
     * The ELBO of {@code q(z) = Π_k N(z_k | m_k, s_k²)}, the sum of
     * <pre>
     * E[log p(z_1)]           = -½ log(2π v₀) - (m_1² + s_1²) / (2 v₀)
     * E[log p(z_{k+1} | z_k)] = -½ log(2π v) - ((m_{k+1} - m_k)² + s_k² + s_{k+1}²) / (2 v)
     * E[log p(x | z_K)]       = -½ log(2π v_obs) - ((x - m_K)² + s_K²) / (2 v_obs)
     * H[q]                    = Σ_k ½ log(2πe s_k²)
     * </pre>
     * (Blei et al. 2017, JASA, eq. 13; the normal entropy is Bishop 2006, PRML, eq. 1.110). Equals
     * {@code log p(x) - KL(q ‖ p(z | x))}.
     *
     * @throws IllegalArgumentException if {@code x} is not finite or {@code q} has a length other
     *     than {@link #length}
     */
    public double elbo(double x, GaussianChainCaviFactors q) {
        checkObservation(x);
        checkLength(q);
        return chain.elbo(x, q.means(), q.variances());
    }

    /**
     * The joint density this class fits, in the Model API: one site {@code z} of shape {@code [K]}
     * holding the whole chain, and the observed {@code x}:
     * <pre>
     * z ~ N(0, P⁻¹)     P the chain's tridiagonal prior precision:
     *                   P_11 = 1/v₀ + 1/v,  P_kk = 2/v (1 &lt; k &lt; K),  P_KK = 1/v,  P_{k,k±1} = -1/v
     *                   (K = 1: P_11 = 1/v₀)
     * x ~ N(z_K, v_obs)
     * </pre>
     * {@code N(0, P⁻¹)} is the density {@code N(z_1 | 0, v₀) Π_k N(z_{k+1} | z_k, v)} of the class
     * documentation written as one Gaussian: expanding its squares gives {@code -½ zᵀPz} plus the
     * normalizers, whose product is {@code (2π)^(-K/2) |P|^(1/2)} because {@code |P| = 1/(v₀ v^(K-1))}.
     * Works with a leading particle axis ({@code z} of shape {@code [P, K]}); this is what
     * {@link #toFit} checks {@code q} against.
     *
     * @throws IllegalArgumentException if {@code x} is not finite
     */
    public Model model(double x) {
        checkObservation(x);
        MultivariateNormal prior = MultivariateNormal.ofPrecision(Tensor.zeros(length),
                Tensor.of(chain.priorPrecision(), length, length));
        Var observationScale = Var.constant(Math.sqrt(chain.observationVariance()));
        Tensor observed = Tensor.scalar(x);
        return m -> {
            Var z = m.sample("z", prior);
            Var last = z.slice(-1, length - 1, length).reshape(-1);
            m.observe("x", Normal.of(last, observationScale), observed);
        };
    }

    /**
     * {@code result} as the library's one fitted-result type: the factor
     * {@code z: N(m, s)} element-wise (scales {@code s_k = √variance_k}), the exact ELBO per sweep,
     * and the PSIS check of the factor against {@link #model} with 1000 draws from {@code seed}. This
     * method lives here rather than on the result because the check needs the chain's variances and
     * {@code x}, which the result does not hold.
     *
     * @throws IllegalArgumentException if {@code x} is not finite, or if {@code result} was not fitted
     *     to {@code x} by this model (its final ELBO differs from the ELBO of its factors here)
     */
    public Fit toFit(GaussianChainCaviResult result, double x, long seed) {
        GaussianChainCaviFactors q = result.factors();
        CaviFits.requireSameElbo(NAME, result.elboTrace(), elbo(x, q));
        Tensor means = Tensor.of(q.means());
        Tensor variances = Tensor.of(q.variances());
        Map<String, Tensor> parameters = new LinkedHashMap<>();
        parameters.put("means", means);
        parameters.put("variances", variances);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model", NAME);
        settings.put("length", Integer.toString(length));
        settings.put("priorVariance", Double.toString(chain.priorVariance()));
        settings.put("transitionVariance", Double.toString(chain.transitionVariance()));
        settings.put("observationVariance", Double.toString(chain.observationVariance()));
        settings.put("x", Double.toString(x));
        FactorPosterior posterior = FactorPosterior.of(Map.of("z", FactorPosterior.Factor.normal(means, variances.sqrt())));
        return CaviFits.closedForm("coordinate ascent (CAVI), Gaussian chain, q(z) = product of Normals", parameters,
                result.elboTrace(), result.converged(), posterior, model(x), seed, settings);
    }

    /**
     * The exact posterior mean by Gaussian conditioning (Bishop 2006, PRML, eq. 2.81):
     * {@code E[z_k | x] = Cov(z_k, x) x / Var(x) = (v₀ + (k - 1) v) x / (v₀ + (K - 1) v + v_obs)}.
     * For the seed chain, {@code (x/3, 2x/3)}.
     *
     * @throws IllegalArgumentException if {@code x} is not finite
     */
    public double[] exactPosteriorMean(double x) {
        checkObservation(x);
        double[] mean = new double[length];
        for (int k = 0; k < length; k++) {
            mean[k] = chain.marginalVariance(k) * x / chain.evidenceVariance();
        }
        return mean;
    }

    /**
     * The exact posterior covariance {@code [K, K]} by Gaussian conditioning (Bishop 2006, PRML,
     * eq. 2.82): {@code Σ_jk = Cov(z_j, z_k) - Cov(z_j, x) Cov(z_k, x) / Var(x)} with
     * {@code Cov(z_j, z_k) = v₀ + (min(j, k) - 1) v} and {@code Cov(z_k, x) = v₀ + (k - 1) v}. It
     * does not depend on {@code x}. For the seed chain, {@code (1/3)[[2, 1], [1, 2]]}.
     */
    public Tensor exactPosteriorCovariance() {
        double[] cov = new double[length * length];
        for (int j = 0; j < length; j++) {
            for (int k = 0; k < length; k++) {
                cov[j * length + k] = chain.marginalVariance(Math.min(j, k))
                        - chain.marginalVariance(j) * chain.marginalVariance(k) / chain.evidenceVariance();
            }
        }
        return Tensor.of(cov, length, length);
    }

    /**
     * The mean-field fixed point: the exact means ({@link #exactPosteriorMean}; Gauss-Seidel on
     * {@code Λ m = h} converges to its solution, PRML §10.1.2) and variances {@code 1 / Λ_kk} (see
     * {@link #fit}). For the seed chain,
     * {@code (1/2, 1/2)}, against exact marginal variances {@code (2/3, 2/3)}.
     *
     * @throws IllegalArgumentException if {@code x} is not finite
     */
    public GaussianChainCaviFactors fixedPoint(double x) {
        double[] precision = chain.posteriorPrecisionDiagonal();
        double[] s = new double[length];
        for (int k = 0; k < length; k++) {
            s[k] = 1 / precision[k];
        }
        return new GaussianChainCaviFactors(exactPosteriorMean(x), s);
    }

    /**
     * The exact log evidence {@code log p(x) = log N(x; 0, v₀ + (K - 1) v + v_obs)}: {@code x} is
     * a sum of independent normal increments. For the seed chain, {@code log N(x; 0, 3)}.
     *
     * @throws IllegalArgumentException if {@code x} is not finite
     */
    public double logEvidence(double x) {
        checkObservation(x);
        double var = chain.evidenceVariance();
        return -0.5 * (LOG_TWO_PI + Math.log(var)) - x * x / (2 * var);
    }

    private static double[] parameters(double[] m, double[] s) {
        double[] p = new double[m.length + s.length];
        System.arraycopy(m, 0, p, 0, m.length);
        System.arraycopy(s, 0, p, m.length, s.length);
        return p;
    }

    private void checkLength(GaussianChainCaviFactors q) {
        checkLength("factors", length, q);
    }

    private static void checkLength(String name, int length, GaussianChainCaviFactors q) {
        if (q.length() != length) {
            throw new IllegalArgumentException(NAME + " " + name + " must have " + length + " latent states, got "
                    + q.length());
        }
    }

    private static void checkObservation(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(NAME + " x must be finite, got " + x);
        }
    }

    /** The chain and the settings of its fit, each checked when given. Not thread-safe. */
    public static final class Builder {

        private final GaussianChain chain;
        private int maxSweeps = MAX_SWEEPS;
        private double tolerance = TOLERANCE;
        private GaussianChainCaviFactors initial;

        private Builder(int length, double priorVariance, double transitionVariance, double observationVariance) {
            this.chain = new GaussianChain(length, priorVariance, transitionVariance, observationVariance);
        }

        /**
         * The sweep limit (default 10,000).
         *
         * @throws IllegalArgumentException if {@code maxSweeps < 1}
         */
        public Builder maxSweeps(int maxSweeps) {
            this.maxSweeps = ElboTraceRecorder.requireMaxSweeps(NAME, maxSweeps);
            return this;
        }

        /**
         * The stopping rule's tolerance (see {@link GaussianChainCavi#fit}; default {@code 1e-12}).
         *
         * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
         */
        public Builder tolerance(double tolerance) {
            this.tolerance = ElboTraceRecorder.requireTolerance(NAME, tolerance);
            return this;
        }

        /**
         * Where CAVI starts (default: the prior marginals, see {@link GaussianChainCavi#initialFactors}).
         *
         * @throws IllegalArgumentException if {@code initial} is null or has a length other than the
         *     chain's, e.g. {@code GaussianChainCavi initialFactors must have 2 latent states, got 3}
         */
        public Builder initialFactors(GaussianChainCaviFactors initial) {
            if (initial == null) {
                throw new IllegalArgumentException(NAME + " initialFactors must not be null");
            }
            checkLength("initialFactors", chain.length(), initial);
            this.initial = initial;
            return this;
        }

        /** The chain with these settings: immutable and thread-safe. */
        public GaussianChainCavi build() {
            return new GaussianChainCavi(this);
        }
    }
}
