package io.github.elbo4j.cavi.conjugate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.cavi.internal.CaviFits;
import io.github.elbo4j.cavi.internal.ElboTraceRecorder;
import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variational Bayesian linear regression fitted by CAVI (Bishop 2006, PRML, §10.3, with the noise
 * precision given a Gamma prior as well; Murphy 2012, MLAPP, §21.5.2), optionally with automatic
 * relevance determination, one precision per weight (Tipping 2001, JMLR 1:211-244, and Bishop
 * 2006, PRML, §7.2.1, with the precisions integrated variationally as in Bishop &amp; Tipping 2000,
 * "Variational relevance vector machines", UAI):
 * <pre>
 * y | w, β ~ N(X w, β⁻¹ I_N)     w | α ~ N(0, diag(α)⁻¹)     β ~ Gamma(c₀, d₀)
 * shared:  α_1 = ... = α_M = α ~ Gamma(a₀, b₀)        ARD:  α_j ~ Gamma(a₀, b₀) independently
 * q(w, α, β) = N(w | m_N, S_N) Π_g Gamma(α_g | a_g, b_g) Gamma(β | c_N, d_N)
 * </pre>
 * ({@code g} runs over the one shared precision or the {@code M} ARD precisions; Gamma rates.) The
 * lower bound recorded after every sweep is exact: with {@code E[log t] = ψ(a) - log b} and
 * {@code E[t] = a/b} under {@code Gamma(a, b)}, {@code fit = ‖y - X m_N‖² + tr(XᵀX S_N)} and
 * {@code |g|} the number of weights sharing {@code α_g} ({@code M}, or 1 under ARD), it is the sum of
 * <pre>
 * E[log p(y | w, β)] = N/2 (E[log β] - log 2π) - E[β]/2 · fit
 * E[log p(w | α)]    = Σ_g |g|/2 (E[log α_g] - log 2π) - E[α_g]/2 Σ_{j∈g} (m_j² + (S_N)_jj)
 * E[log p(α_g)]      = a₀ log b₀ - log Γ(a₀) + (a₀ - 1) E[log α_g] - b₀ E[α_g]    (each g)
 * E[log p(β)]        = c₀ log d₀ - log Γ(c₀) + (c₀ - 1) E[log β] - d₀ E[β]
 * H[q(w)]            = ½ log|S_N| + M/2 (1 + log 2π)
 * H[Gamma(a, b)]     = a - log b + log Γ(a) + (1 - a) ψ(a)                        (each α_g, and β)
 * </pre>
 * With {@code β} fixed and one shared {@code α} these are Bishop 2006, PRML, eqs. 10.107-10.112;
 * the {@code β} and ARD terms are the same Gamma and Gaussian expectations. An intercept is a
 * column of ones in {@code X} (shrunk by the prior like any weight). The products {@code XᵀX} and {@code X m} go through
 * {@link Tensor#matmul} (BLAS for large sizes), {@code S_N} through {@link LinearAlgebra}'s Cholesky
 * factorization.
 *
 * <pre>{@code
 * LinearRegressionViResult fit = LinearRegressionVi.builder().ard(true).build().fit(x, y);
 * LinearRegressionViPrediction p = fit.predict(xNew);
 * }</pre>
 */
public final class LinearRegressionVi {

    private static final String NAME = "LinearRegressionVi";

    private final double weightShape;
    private final double weightRate;
    private final double noiseShape;
    private final double noiseRate;
    private final boolean ard;
    private final int maxSweeps;
    private final double tolerance;
    private final LinearRegressionCoordinateAscent ascent;

    private LinearRegressionVi(Builder b) {
        this.weightShape = b.weightShape;
        this.weightRate = b.weightRate;
        this.noiseShape = b.noiseShape;
        this.noiseRate = b.noiseRate;
        this.ard = b.ard;
        this.maxSweeps = b.maxSweeps;
        this.tolerance = b.tolerance;
        this.ascent = new LinearRegressionCoordinateAscent(weightShape, weightRate, noiseShape, noiseRate, ard);
    }

    /**
     * A builder with the defaults: {@code Gamma(10⁻⁶, 10⁻⁶)} priors on the weight and noise
     * precisions (broad: nearly flat over the log precision), one shared weight precision, at most
     * 1000 sweeps and tolerance {@code 10⁻¹⁰} (each stated on its method).
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fits {@code q(w) q(α) q(β)} to {@code y ≈ X w} by CAVI. It starts from the priors,
     * {@code q(α_g) = Gamma(a₀, b₀)}, {@code q(β) = Gamma(c₀, d₀)}, and
     * {@code q(w) = N(0, (b₀/a₀) I)}; each sweep updates, with {@code E[α_j] = a_j/b_j},
     * {@code E[β] = c_N/d_N}:
     * <pre>
     * q(w):  S_N = (diag(E[α]) + E[β] XᵀX)⁻¹,  m_N = E[β] S_N Xᵀ y
     * q(α):  shared a = a₀ + M/2,  b = b₀ + ½ (m_Nᵀm_N + tr S_N)
     *        ARD    a_j = a₀ + ½,  b_j = b₀ + ½ (m_j² + (S_N)_jj)
     * q(β):  c_N = c₀ + N/2,  d_N = d₀ + ½ (‖y - X m_N‖² + tr(XᵀX S_N))
     * </pre>
     * (Bishop 2006, PRML, §10.3.1, with {@code E[β]} for the known {@code β} there; the
     * {@code q(β)} update is the same calculation as {@code b_N}'s), then records the exact lower
     * bound (class documentation). It stops when every entry of
     * {@code m_N}, {@code E[α]} and {@code E[β]} moved by at most {@code tolerance · (1 + |value|)}
     * in a sweep (the rest of {@code q} is a function of these), or after {@code maxSweeps}.
     *
     * @param x the design matrix {@code [N, M]}, {@code N, M >= 1}
     * @param y the targets {@code [N]}
     * @throws IllegalArgumentException if {@code x} is not a non-empty matrix, {@code y} does not
     *     have shape {@code [N]}, an entry is not finite, e.g.
     *     {@code LinearRegressionVi y[3] must be finite, got NaN}, or {@code XᵀX}, {@code Xᵀy} or
     *     {@code yᵀy} overflows
     */
    public LinearRegressionViResult fit(Tensor x, Tensor y) {
        LinearRegressionData data = LinearRegressionData.of(x, y);
        int m = data.m();
        LinearRegressionCoordinateAscent.Factors q = ascent.initial(data);
        ElboTraceRecorder recorder = new ElboTraceRecorder(NAME, maxSweeps, tolerance, ascent.elbo(data, q),
                LinearRegressionCoordinateAscent.parameters(q));
        boolean stop = false;
        while (!stop) {
            q = ascent.sweep(data, q);
            stop = recorder.record(ascent.elbo(data, q), LinearRegressionCoordinateAscent.parameters(q));
        }
        double[] fullShape = new double[m];
        double[] fullRate = new double[m];
        for (int j = 0; j < m; j++) {
            fullShape[j] = q.shape()[ard ? j : 0];
            fullRate[j] = q.rate()[ard ? j : 0];
        }
        return new LinearRegressionViResult(Tensor.of(q.mean()), Tensor.of(q.cov(), m, m), Tensor.of(fullShape),
                Tensor.of(fullRate), q.noiseShape(), q.noiseRate(), ard, recorder.elboTrace(), recorder.converged());
    }

    /**
     * The joint density this class fits, in the Model API (precisions, Gamma rates):
     * <pre>
     * alpha ~ Gamma(a₀, b₀)                          shared: a scalar;  ARD: [M] independent (one event)
     * w     ~ N(0, diag(alpha)⁻¹)                    [M], scales alpha^(-1/2) (the shared one for every weight)
     * beta  ~ Gamma(c₀, d₀)
     * y_n   ~ N(x_n · w, beta⁻¹), n = 1..N, in plate "rows"     scale beta^(-1/2)
     * </pre>
     * the integrand of the lower bound in the class documentation. Works with a leading particle
     * axis (latents of shape {@code [P, 1] + siteShape}, the 1 for the plate, as
     * {@code w.reshape(-1, M).matmul(xᵀ)} expects); this is what {@link #toFit} checks {@code q}
     * against.
     *
     * @throws IllegalArgumentException for data that {@link #fit} rejects
     */
    public Model model(Tensor x, Tensor y) {
        LinearRegressionData data = LinearRegressionData.of(x, y);
        int m = data.m();
        Var xt = Var.constant(x.transpose());
        Var zeros = Var.constant(Tensor.zeros(m));
        Tensor targets = data.y();
        return ctx -> {
            Var alpha = ard ? ctx.sample("alpha", Gamma.of(weightShape, weightRate).expand(m).toEvent(1))
                    : ctx.sample("alpha", Gamma.of(weightShape, weightRate));
            Var perWeight = ard ? alpha : alpha.reshape(withTrailingOne(alpha.shape()));
            Var w = ctx.sample("w", Normal.of(zeros, perWeight.pow(-0.5)).toEvent(1));
            Var beta = ctx.sample("beta", Gamma.of(noiseShape, noiseRate));
            Var mean = w.reshape(-1, m).matmul(xt);
            ctx.plate("rows", data.n(), p -> ctx.observe("y", Normal.of(mean, beta.reshape(-1, 1).pow(-0.5)), targets));
        };
    }

    /**
     * {@code result} as the library's one fitted-result type: the factors
     * {@code alpha: Gamma(a, b)} ({@code [M]} under ARD, a scalar otherwise),
     * {@code w: MultivariateNormal(m_N, S_N)} and {@code beta: Gamma(c_N, d_N)}, the exact ELBO per
     * sweep, and the PSIS check of the factors against {@link #model} with 1000 draws from
     * {@code seed}. This method lives here rather than on the result because the check needs the
     * priors and the data, which the result does not hold.
     *
     * @throws IllegalArgumentException for data that {@link #fit} rejects, if {@code result} was
     *     fitted with the other precision structure (ARD or shared), or if it was not fitted to these
     *     data by this model (its final ELBO differs from the ELBO of its factors here)
     */
    public Fit toFit(LinearRegressionViResult result, Tensor x, Tensor y, long seed) {
        LinearRegressionData data = LinearRegressionData.of(x, y);
        if (result.ard() != ard) {
            throw new IllegalArgumentException(NAME + " result was fitted with ard = " + result.ard()
                    + " but this model has ard = " + ard + "; convert it with the model that fitted it");
        }
        if (result.weightMean().dim(0) != data.m()) {
            throw new IllegalArgumentException(NAME + " result has " + result.weightMean().dim(0) + " weights but x has "
                    + data.m() + " columns; pass the data the result was fitted to");
        }
        CaviFits.requireSameElbo(NAME, result.elboTrace(), ascent.elbo(data, ascent.of(data, result)));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model", NAME);
        settings.put("ard", Boolean.toString(ard));
        settings.put("weightPrecisionShape", Double.toString(weightShape));
        settings.put("weightPrecisionRate", Double.toString(weightRate));
        settings.put("noisePrecisionShape", Double.toString(noiseShape));
        settings.put("noisePrecisionRate", Double.toString(noiseRate));
        settings.put("maxSweeps", Integer.toString(maxSweeps));
        settings.put("tolerance", Double.toString(tolerance));
        settings.put("rows", Integer.toString(data.n()));
        settings.put("columns", Integer.toString(data.m()));
        settings.put("dataHash", CaviFits.dataHash(x, y));
        String method = "coordinate ascent (CAVI), Bayesian linear regression" + (ard ? " with ARD" : "")
                + ", q(alpha) q(w) q(beta) = Gamma MultivariateNormal Gamma";
        return CaviFits.closedForm(method, result.parametersByName(), result.elboTrace(), result.converged(), result.factorPosterior(),
                model(x, y),
                seed, settings);
    }

    private static int[] withTrailingOne(int[] shape) {
        int[] out = Arrays.copyOf(shape, shape.length + 1);
        out[shape.length] = 1;
        return out;
    }

    /** Settings of {@link LinearRegressionVi}; each setter validates its argument. Not thread-safe. */
    public static final class Builder {

        private double weightShape = 1e-6;
        private double weightRate = 1e-6;
        private double noiseShape = 1e-6;
        private double noiseRate = 1e-6;
        private boolean ard;
        private int maxSweeps = 1000;
        private double tolerance = 1e-10;

        private Builder() {
        }

        /**
         * The prior {@code Gamma(shape, rate)} of each weight precision {@code α} (or {@code α_j});
         * default {@code Gamma(10⁻⁶, 10⁻⁶)}.
         *
         * @throws IllegalArgumentException if a parameter is not finite and {@code > 0}, e.g.
         *     {@code LinearRegressionVi weightPrecisionShape must be > 0 and finite, got 0.0}
         */
        public Builder weightPrecisionPrior(double shape, double rate) {
            this.weightShape = requirePositive("weightPrecisionShape", shape);
            this.weightRate = requirePositive("weightPrecisionRate", rate);
            return this;
        }

        /**
         * The prior {@code Gamma(shape, rate)} of the noise precision {@code β}; default
         * {@code Gamma(10⁻⁶, 10⁻⁶)}.
         *
         * @throws IllegalArgumentException if a parameter is not finite and {@code > 0}
         */
        public Builder noisePrecisionPrior(double shape, double rate) {
            this.noiseShape = requirePositive("noisePrecisionShape", shape);
            this.noiseRate = requirePositive("noisePrecisionRate", rate);
            return this;
        }

        /** One precision per weight (automatic relevance determination) instead of one shared (default false). */
        public Builder ard(boolean ard) {
            this.ard = ard;
            return this;
        }

        /**
         * The sweep limit (default 1000).
         *
         * @throws IllegalArgumentException if {@code maxSweeps < 1}
         */
        public Builder maxSweeps(int maxSweeps) {
            this.maxSweeps = ElboTraceRecorder.requireMaxSweeps(NAME, maxSweeps);
            return this;
        }

        /**
         * The stopping rule's tolerance (see {@link LinearRegressionVi#fit}; default {@code 10⁻¹⁰}).
         *
         * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
         */
        public Builder tolerance(double tolerance) {
            this.tolerance = ElboTraceRecorder.requireTolerance(NAME, tolerance);
            return this;
        }

        /** The model with these settings: immutable and thread-safe. */
        public LinearRegressionVi build() {
            return new LinearRegressionVi(this);
        }

        private static double requirePositive(String name, double value) {
            if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(NAME + " " + name + " must be > 0 and finite, got " + value);
            }
            return value;
        }
    }
}
