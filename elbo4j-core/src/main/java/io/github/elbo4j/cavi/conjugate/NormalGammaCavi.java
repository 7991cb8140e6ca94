package io.github.elbo4j.cavi.conjugate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.cavi.internal.CaviFits;
import io.github.elbo4j.cavi.internal.ElboTraceRecorder;
import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.FactorPosterior;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A normal sample with unknown mean and precision, fitted by mean-field CAVI (Bishop 2006, PRML,
 * §10.1.3; Murphy 2012, MLAPP, §21.5.1):
 * <pre>
 * x_n | μ, τ ~ N(μ, τ⁻¹)  (n = 1..N),   μ | τ ~ N(μ₀, (λ₀τ)⁻¹),   τ ~ Gamma(a₀, b₀)
 * q(μ, τ) = N(μ | μ_N, λ_N⁻¹) Gamma(τ | a_N, b_N)
 * </pre>
 * The posterior is Normal-Gamma and known exactly ({@link #exactPosterior}, {@link #logEvidence}),
 * so the mean-field answer can be compared with it: at the fixed point {@code μ_N} and
 * {@code E_q[τ]} are exact, and {@code Var_q[μ]} underestimates the Student-t variance of the
 * exact marginal by the factor {@code (α_N - 1) / α_N} with {@code α_N = a₀ + N/2}
 * ({@link #fixedPoint}).
 *
 * <pre>{@code
 * NormalGammaCaviParameters prior = new NormalGammaCaviParameters(0, 1, 2, 2);
 * NormalGammaCavi model = NormalGammaCavi.of(prior);
 * NormalGammaCaviResult r = model.fit(data);
 * double underestimate = r.factors().muVariance() / model.exactPosterior(data).meanMarginalVariance();
 * NormalGammaCaviResult twoSweeps = NormalGammaCavi.builder(prior).maxSweeps(2).tolerance(0).build().fit(data);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class NormalGammaCavi {

    private static final int MAX_SWEEPS = 1000;
    private static final double TOLERANCE = 1e-10;
    private static final String NAME = "NormalGammaCavi";
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final NormalGammaCaviParameters prior;
    private final int maxSweeps;
    private final double tolerance;
    private final NormalGammaCaviFactors initial;

    private NormalGammaCavi(Builder b) {
        this.prior = b.prior;
        this.maxSweeps = b.maxSweeps;
        this.tolerance = b.tolerance;
        this.initial = b.initial != null ? b.initial : priorFactors(b.prior);
    }

    /**
     * A builder for the model with prior {@code NG(μ, τ | μ₀, λ₀, a₀, b₀)}; the defaults of the
     * fit's settings are stated on the builder's methods.
     *
     * @throws IllegalArgumentException if {@code prior} is null
     */
    public static Builder builder(NormalGammaCaviParameters prior) {
        if (prior == null) {
            throw new IllegalArgumentException(NAME + " prior must not be null");
        }
        return new Builder(prior);
    }

    /** The model with prior {@code NG(μ, τ | μ₀, λ₀, a₀, b₀)} and every default: {@code builder(prior).build()}. */
    public static NormalGammaCavi of(NormalGammaCaviParameters prior) {
        return builder(prior).build();
    }

    /** The prior {@code (μ₀, λ₀, a₀, b₀)}. */
    public NormalGammaCaviParameters prior() {
        return prior;
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
     * CAVI from {@link #initialFactors}. Each sweep updates {@code q(μ)} given {@code E[τ] = a_N / b_N},
     * then {@code q(τ)} given {@code q(μ)} (Bishop 2006, PRML, eqs. 10.26-10.30):
     * <pre>
     * μ_N = (λ₀μ₀ + N x̄) / (λ₀ + N)            λ_N = (λ₀ + N) E[τ]
     * a_N = a₀ + (N + 1)/2                      b_N = b₀ + ½ E_μ[Σ_n (x_n - μ)² + λ₀(μ - μ₀)²]
     * E_μ[Σ_n (x_n - μ)²] = Σ_n (x_n - x̄)² + N (x̄ - μ_N)² + N/λ_N
     * E_μ[(μ - μ₀)²]      = (μ_N - μ₀)² + 1/λ_N
     * </pre>
     * and records the exact ELBO ({@link #elbo}). It stops when {@code μ_N, λ_N, a_N, b_N} each
     * moved by at most {@code tolerance · (1 + |value|)} in a sweep, or after {@code maxSweeps}
     * ({@link Builder#tolerance}, {@link Builder#maxSweeps}).
     *
     * @throws IllegalArgumentException if {@code data} is empty, holds a non-finite value, e.g.
     *     {@code NormalGammaCavi data[2] must be finite, got NaN}, or overflows its sum of squares
     */
    public NormalGammaCaviResult fit(double[] data) {
        Summary s = Summary.of(data);
        NormalGammaCaviFactors q = initial;
        ElboTraceRecorder recorder = new ElboTraceRecorder(NAME, maxSweeps, tolerance, elbo(s, q), parameters(q));
        boolean stop = false;
        while (!stop) {
            q = sweep(s, q);
            stop = recorder.record(elbo(s, q), parameters(q));
        }
        return new NormalGammaCaviResult(q, recorder.elboTrace(), recorder.converged());
    }

    /**
     * The starting point of {@link #fit}: the factors given to {@link Builder#initialFactors}, by
     * default {@code q(τ)} the prior {@code Gamma(a₀, b₀)} and {@code q(μ) = N(μ₀, (λ₀ a₀/b₀)⁻¹)},
     * the prior of {@code μ} at {@code τ = E[τ]}.
     */
    public NormalGammaCaviFactors initialFactors() {
        return initial;
    }

    private static NormalGammaCaviFactors priorFactors(NormalGammaCaviParameters prior) {
        return new NormalGammaCaviFactors(prior.mean(), prior.precisionScale() * prior.expectedPrecision(),
                prior.shape(), prior.rate());
    }

    private NormalGammaCaviFactors sweep(Summary s, NormalGammaCaviFactors q) {
        double lambda0 = prior.precisionScale();
        double kappa = lambda0 + s.n;
        double muMean = (lambda0 * prior.mean() + s.n * s.mean) / kappa;
        double muPrecision = kappa * q.tauMean();
        double tauShape = prior.shape() + (s.n + 1) / 2.0;
        double dataSquares = s.squares + s.n * square(s.mean - muMean) + s.n / muPrecision;
        double priorSquares = lambda0 * (square(muMean - prior.mean()) + 1 / muPrecision);
        double tauRate = prior.rate() + 0.5 * (dataSquares + priorSquares);
        return new NormalGammaCaviFactors(muMean, muPrecision, tauShape, tauRate);
    }

    /**
     * The ELBO of {@code q = N(μ | μ_N, λ_N⁻¹) Gamma(τ | a_N, b_N)}, with
     * {@code E[log τ] = ψ(a_N) - log b_N} and {@code E[τ] = a_N / b_N}:
     * <pre>
     * E[log p(x | μ, τ)] = N/2 (E[log τ] - log 2π) - E[τ]/2 (Σ_n (x_n - μ_N)² + N/λ_N)
     * E[log p(μ | τ)]    = ½ (log λ₀ + E[log τ] - log 2π) - λ₀E[τ]/2 ((μ_N - μ₀)² + 1/λ_N)
     * E[log p(τ)]        = a₀ log b₀ - log Γ(a₀) + (a₀ - 1) E[log τ] - b₀ E[τ]
     * H[q(μ)]            = ½ (1 + log 2π - log λ_N)
     * H[q(τ)]            = a_N - log b_N + log Γ(a_N) + (1 - a_N) ψ(a_N)
     * </pre>
     * summed (Blei et al. 2017, JASA, eq. 13; Bishop 2006, PRML, eqs. B.30 for {@code E[log τ]},
     * B.31 and 1.110 for the entropies). Equals {@code log p(x) - KL(q ‖ p(μ, τ | x))}.
     *
     * @throws IllegalArgumentException if {@code data} is empty or holds a non-finite value
     */
    public double elbo(double[] data, NormalGammaCaviFactors q) {
        return elbo(Summary.of(data), q);
    }

    private double elbo(Summary s, NormalGammaCaviFactors q) {
        double eLogTau = SpecialFunctions.digamma(q.tauShape()) - Math.log(q.tauRate());
        double eTau = q.tauMean();
        double lambda0 = prior.precisionScale();
        double dataSquares = s.squares + s.n * square(s.mean - q.muMean()) + s.n / q.muPrecision();
        double likelihood = s.n / 2.0 * (eLogTau - LOG_TWO_PI) - eTau / 2 * dataSquares;
        double meanPrior = 0.5 * (Math.log(lambda0) + eLogTau - LOG_TWO_PI)
                - lambda0 * eTau / 2 * (square(q.muMean() - prior.mean()) + 1 / q.muPrecision());
        double precisionPrior = prior.shape() * Math.log(prior.rate()) - SpecialFunctions.lgamma(prior.shape())
                + (prior.shape() - 1) * eLogTau - prior.rate() * eTau;
        double meanEntropy = 0.5 * (1 + LOG_TWO_PI - Math.log(q.muPrecision()));
        double precisionEntropy = q.tauShape() - Math.log(q.tauRate()) + SpecialFunctions.lgamma(q.tauShape())
                + (1 - q.tauShape()) * SpecialFunctions.digamma(q.tauShape());
        return likelihood + meanPrior + precisionPrior + meanEntropy + precisionEntropy;
    }

    /**
     * The joint density this class fits, in the Model API:
     * <pre>
     * tau ~ Gamma(a₀, b₀)   (rate b₀)
     * mu  ~ N(μ₀, (λ₀ tau)⁻¹)                  scale (λ₀ tau)^(-1/2)
     * x_n ~ N(mu, tau⁻¹), n = 1..N, in plate "data"   scale tau^(-1/2)
     * </pre>
     * the integrand of {@link #elbo}. Works with a leading particle axis ({@code tau} and
     * {@code mu} of shape {@code [P, 1]}, the 1 for the plate); this is what {@link #toFit} checks
     * {@code q} against.
     *
     * @throws IllegalArgumentException if {@code data} is empty or holds a non-finite value
     */
    public Model model(double[] data) {
        Summary.of(data);
        Tensor x = Tensor.of(data.clone());
        double mu0 = prior.mean();
        double lambda0 = prior.precisionScale();
        double a0 = prior.shape();
        double b0 = prior.rate();
        return m -> {
            Var tau = m.sample("tau", Gamma.of(a0, b0));
            Var mu = m.sample("mu", Normal.of(Var.constant(mu0), tau.mul(lambda0).pow(-0.5)));
            m.plate("data", x.size(), p -> m.observe("x", Normal.of(mu.reshape(-1, 1), tau.reshape(-1, 1).pow(-0.5)), x));
        };
    }

    /**
     * {@code result} as the library's one fitted-result type: the factors
     * {@code tau: Gamma(a_N, b_N)} (rate) and {@code mu: N(μ_N, λ_N^(-1/2))} (scale), the exact ELBO
     * per sweep, and the PSIS check of the factors against {@link #model} with 1000 draws from
     * {@code seed}. With few data the check sees what the class documentation derives: {@code q(μ)}
     * is narrower than the Student-t marginal. This method lives here rather than on the result
     * because the check needs the prior and the data, which the result does not hold.
     *
     * @throws IllegalArgumentException if {@code data} is empty or holds a non-finite value, or if
     *     {@code result} was not fitted to these data by this model (its final ELBO differs from the
     *     ELBO of its factors here)
     */
    public Fit toFit(NormalGammaCaviResult result, double[] data, long seed) {
        NormalGammaCaviFactors q = result.factors();
        CaviFits.requireSameElbo(NAME, result.elboTrace(), elbo(data, q));
        Map<String, Tensor> parameters = new LinkedHashMap<>();
        parameters.put("muMean", Tensor.scalar(q.muMean()));
        parameters.put("muPrecision", Tensor.scalar(q.muPrecision()));
        parameters.put("tauShape", Tensor.scalar(q.tauShape()));
        parameters.put("tauRate", Tensor.scalar(q.tauRate()));
        Map<String, FactorPosterior.Factor> factors = new LinkedHashMap<>();
        factors.put("tau", FactorPosterior.Factor.gamma(Tensor.scalar(q.tauShape()), Tensor.scalar(q.tauRate())));
        factors.put("mu", FactorPosterior.Factor.normal(Tensor.scalar(q.muMean()), Tensor.scalar(Math.sqrt(q.muVariance()))));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model", NAME);
        settings.put("priorMean", Double.toString(prior.mean()));
        settings.put("priorPrecisionScale", Double.toString(prior.precisionScale()));
        settings.put("priorShape", Double.toString(prior.shape()));
        settings.put("priorRate", Double.toString(prior.rate()));
        settings.put("observations", Integer.toString(data.length));
        settings.put("dataHash", CaviFits.dataHash(Tensor.of(data)));
        return CaviFits.closedForm("coordinate ascent (CAVI), Normal-Gamma, q(tau) q(mu) = Gamma Normal", parameters,
                result.elboTrace(), result.converged(), FactorPosterior.of(factors), model(data), seed, settings);
    }

    /**
     * The exact posterior {@code NG(μ, τ | μ_N, κ_N, α_N, β_N)}, by completing the square in
     * {@code μ} in {@code p(x | μ, τ) p(μ | τ) p(τ)} (the conjugacy of Bishop 2006, PRML, §2.3.6;
     * checked against updating one observation at a time):
     * <pre>
     * κ_N = λ₀ + N     μ_N = (λ₀μ₀ + N x̄) / κ_N     α_N = a₀ + N/2
     * β_N = b₀ + ½ Σ_n (x_n - x̄)² + λ₀ N (x̄ - μ₀)² / (2 κ_N)
     * </pre>
     *
     * @throws IllegalArgumentException if {@code data} is empty or holds a non-finite value
     */
    public NormalGammaCaviParameters exactPosterior(double[] data) {
        Summary s = Summary.of(data);
        double lambda0 = prior.precisionScale();
        double kappa = lambda0 + s.n;
        double mean = (lambda0 * prior.mean() + s.n * s.mean) / kappa;
        double shape = prior.shape() + s.n / 2.0;
        double rate = prior.rate() + 0.5 * s.squares + lambda0 * s.n * square(s.mean - prior.mean()) / (2 * kappa);
        return new NormalGammaCaviParameters(mean, kappa, shape, rate);
    }

    /**
     * The exact log evidence, the ratio of the Normal-Gamma normalizers of prior and posterior
     * times {@code (2π)^{-N/2}} (Murphy 2012, MLAPP, §5.3.2: evidence = normalizer ratio for
     * conjugate models):
     * <pre>
     * log p(x) = log Γ(α_N) - log Γ(a₀) + a₀ log b₀ - α_N log β_N + ½ log(λ₀ / κ_N) - (N/2) log 2π
     * </pre>
     * with {@code κ_N, α_N, β_N} as in {@link #exactPosterior}.
     *
     * @throws IllegalArgumentException if {@code data} is empty or holds a non-finite value
     */
    public double logEvidence(double[] data) {
        NormalGammaCaviParameters post = exactPosterior(data);
        int n = data.length;
        return SpecialFunctions.lgamma(post.shape()) - SpecialFunctions.lgamma(prior.shape())
                + prior.shape() * Math.log(prior.rate()) - post.shape() * Math.log(post.rate())
                + 0.5 * Math.log(prior.precisionScale() / post.precisionScale()) - n / 2.0 * LOG_TWO_PI;
    }

    /**
     * The CAVI fixed point in closed form. With {@code κ_N, μ_N, α_N, β_N} the exact posterior's
     * ({@link #exactPosterior}), the updates of {@link #fit} give {@code b_N = β_N + (λ₀ + N) / (2λ_N) = β_N + b_N / (2 a_N)}, whose solution is
     * <pre>
     * μ_N = μ_N(exact)    a_N = α_N + ½    b_N = β_N a_N / α_N    λ_N = κ_N α_N / β_N
     * </pre>
     * so {@code E_q[τ] = α_N / β_N} is exact and {@code Var_q[μ] = β_N / (κ_N α_N)} is the exact
     * marginal variance {@code β_N / (κ_N (α_N - 1))} times {@code (α_N - 1) / α_N} (a derivation
     * of Bishop 2006, PRML, §10.1.3's remark that mean-field VI underestimates the posterior
     * variance).
     *
     * @throws IllegalArgumentException if {@code data} is empty or holds a non-finite value
     */
    public NormalGammaCaviFactors fixedPoint(double[] data) {
        NormalGammaCaviParameters post = exactPosterior(data);
        double tauShape = post.shape() + 0.5;
        return new NormalGammaCaviFactors(post.mean(), post.precisionScale() * post.shape() / post.rate(),
                tauShape, post.rate() * tauShape / post.shape());
    }

    private static double[] parameters(NormalGammaCaviFactors q) {
        return new double[] {q.muMean(), q.muPrecision(), q.tauShape(), q.tauRate()};
    }

    private static double square(double x) {
        return x * x;
    }

    /** {@code N}, {@code x̄} and {@code Σ (x_n - x̄)²}, by two passes for accuracy. */
    private record Summary(int n, double mean, double squares) {

        static Summary of(double[] data) {
            if (data.length == 0) {
                throw new IllegalArgumentException(NAME + " data must not be empty, got length 0");
            }
            double sum = 0;
            for (int i = 0; i < data.length; i++) {
                if (!Double.isFinite(data[i])) {
                    throw new IllegalArgumentException(NAME + " data[" + i + "] must be finite, got " + data[i]);
                }
                sum += data[i];
            }
            double mean = sum / data.length;
            double squares = 0;
            for (double x : data) {
                squares += (x - mean) * (x - mean);
            }
            if (!Double.isFinite(mean) || !Double.isFinite(squares)) {
                throw new IllegalArgumentException(NAME + " data must have a finite mean and sum of squares, got "
                        + mean + " and " + squares + " (rescale the data)");
            }
            return new Summary(data.length, mean, squares);
        }
    }

    /** The settings of a {@link NormalGammaCavi} fit, each checked when set. Not thread-safe. */
    public static final class Builder {

        private final NormalGammaCaviParameters prior;
        private int maxSweeps = MAX_SWEEPS;
        private double tolerance = TOLERANCE;
        private NormalGammaCaviFactors initial;

        private Builder(NormalGammaCaviParameters prior) {
            this.prior = prior;
        }

        /**
         * The sweep limit (default 1000).
         *
         * @throws IllegalArgumentException if {@code maxSweeps < 1}, e.g.
         *     {@code NormalGammaCavi maxSweeps must be >= 1, got 0}
         */
        public Builder maxSweeps(int maxSweeps) {
            this.maxSweeps = ElboTraceRecorder.requireMaxSweeps(NAME, maxSweeps);
            return this;
        }

        /**
         * The stopping rule's tolerance (see {@link NormalGammaCavi#fit}; default {@code 1e-10}).
         *
         * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
         */
        public Builder tolerance(double tolerance) {
            this.tolerance = ElboTraceRecorder.requireTolerance(NAME, tolerance);
            return this;
        }

        /**
         * Where CAVI starts (default: the prior's factors, see {@link NormalGammaCavi#initialFactors}).
         *
         * @throws IllegalArgumentException if {@code initial} is null
         */
        public Builder initialFactors(NormalGammaCaviFactors initial) {
            if (initial == null) {
                throw new IllegalArgumentException(NAME + " initialFactors must not be null");
            }
            this.initial = initial;
            return this;
        }

        /** The model with these settings: immutable and thread-safe. */
        public NormalGammaCavi build() {
            return new NormalGammaCavi(this);
        }
    }
}
