package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.cavi.internal.CaviFits;
import io.github.elbo4j.infer.FactorPosterior;
import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted {@link GaussianMixtureVI}: the variational posterior of the restart with the highest
 * final ELBO, its ELBO history, and predictions. Immutable; every accessor returns a copy.
 */
public final class GaussianMixtureResult {

    /** Why {@link #toFit()} has no PSIS check, and what is reported instead. */
    static final String NOT_CHECKED = "the joint density would have to include the N discrete assignments z_n and "
            + "the components' q(mu_k, Lambda_k) (Normal-Wishart or Normal-Gamma: mu_k depends on Lambda_k), which this fit "
            + "does not carry as factors; reported instead: "
            + "the exact ELBO per sweep (never decreasing) and the held-out log predictive density (logPredictiveDensity)";

    private final GaussianMixtureVI settings;
    private final GmmPrecisionModel model;
    private final GmmRun run;
    private final double[] restartElbos;
    private final int restart;
    private final double droppedConstants;
    private final long dataHash;
    private final int rows;

    GaussianMixtureResult(GaussianMixtureVI settings, GmmPrecisionModel model, GmmRun run, double[] restartElbos,
                          int restart, double droppedConstants, long dataHash, int rows) {
        this.settings = settings;
        this.model = model;
        this.run = run;
        this.restartElbos = restartElbos.clone();
        this.restart = restart;
        this.droppedConstants = droppedConstants;
        this.dataHash = dataHash;
        this.rows = rows;
    }

    private int k() {
        return run.components().components;
    }

    private int dim() {
        return run.components().dimension;
    }

    /**
     * The posterior mean weights {@code E[π_k]}, {@code [K]}: {@code α_k / Σ_j α_j} for the
     * Dirichlet (Bishop, PRML, 2006, eq. B.17), {@code E[v_k] Π_{j<k} (1 - E[v_j])} with
     * {@code E[v_k] = a_k / (a_k + b_k)} and {@code v_K = 1} for the stick-breaking posterior (Blei
     * and Jordan, Bayesian Analysis 1(1), 2006, sec. 4; the sticks are independent under q).
     */
    public Tensor weights() {
        return Tensor.of(run.weights().meanWeights());
    }

    /** The posterior means {@code m_k = (β0 m0 + N_k x̄_k) / β_k} of the component means, {@code [K, D]} (Bishop, PRML, eq. 10.61). */
    public Tensor means() {
        return Tensor.of(run.components().mean, k(), dim());
    }

    /**
     * The inverse posterior mean precisions {@code E[Λ_k]⁻¹}, {@code [K, D, D]}: {@code Ψ_k / ν_k}
     * (Wishart mean {@code ν W}, Bishop, PRML, eq. B.80; Gamma mean {@code a/b}), as scikit-learn's
     * {@code covariances_}; diagonal and spherical models give diagonal matrices, the tied model
     * the same matrix {@code K} times.
     */
    public Tensor covariances() {
        return Tensor.of(model.covariances(run.components()), k(), dim(), dim());
    }

    /** The responsibilities {@code r_nk = q(z_n = k)} of the last sweep's E-step, {@code [N, K]} (Bishop, PRML, eq. 10.49). */
    public Tensor responsibilities() {
        return Tensor.of(run.responsibilities(), rows, k());
    }

    /**
     * For new rows {@code x} ({@code M×D}): the E-step with the fitted posterior,
     * {@code r_mk ∝ exp(E[ln π_k] + ½ E[ln|Λ_k|] - (D/2) ln 2π - ½ D/β_k - ½ ν_k (x_m - m_k)ᵀ W_k (x_m - m_k))}
     * (Bishop, PRML, eqs. 10.46-10.49, 10.64-10.66), {@code [M, K]}; scikit-learn's
     * {@code predict_proba}.
     *
     * @throws IllegalArgumentException if {@code x} is empty, ragged, not finite or has another number of columns
     */
    public Tensor predictProba(double[][] x) {
        return predictProba(GmmData.of("x", x));
    }

    /** As {@link #predictProba(double[][])} for a matrix tensor {@code [M, D]}. */
    public Tensor predictProba(Tensor x) {
        return predictProba(GmmData.of("x", x));
    }

    private Tensor predictProba(GmmData x) {
        x.requireColumns("x", dim());
        GmmComponents q = run.components();
        double[] resp = new double[x.rows * k()];
        double[] offsets = GmmResponsibilities.offsets(q, run.weights().expectedLogWeights());
        GmmChunkBuffers buffers = new GmmChunkBuffers(dim());
        try (GmmChunks chunks = new GmmChunks(x.rows, 1)) {
            for (int c = 0; c < chunks.count(); c++) {
                GmmResponsibilities.chunk(x, chunks.from(c), chunks.to(c), q, offsets, resp, buffers);
            }
            return Tensor.of(chunks.toRowMajor(resp, k()), x.rows, k());
        }
    }

    /** The most responsible component {@code argmax_k r_mk} of each new row (the first on ties). */
    public int[] predict(double[][] x) {
        return argmax(predictProba(x));
    }

    /** As {@link #predict(double[][])} for a matrix tensor {@code [M, D]}. */
    public int[] predict(Tensor x) {
        return argmax(predictProba(x));
    }

    private int[] argmax(Tensor proba) {
        double[] p = proba.toArray();
        int[] labels = new int[p.length / k()];
        for (int m = 0; m < labels.length; m++) {
            for (int j = 1; j < k(); j++) {
                if (p[m * k() + j] > p[m * k() + labels[m]]) {
                    labels[m] = j;
                }
            }
        }
        return labels;
    }

    /**
     * The log posterior predictive density {@code ln p(x | X) = ln Σ_k E[π_k] St(x | m_k, L_k, ν̃_k)}
     * of each new row, {@code [M]} (Bishop, PRML, eqs. 10.78-10.82: full and tied
     * {@code ν̃ = ν_k + 1 - D}, {@code L_k = ν̃ β_k / (1 + β_k) W_k}; spherical a multivariate t with
     * {@code 2 a_k} degrees of freedom; diagonal a product of univariate t's). Exact under q.
     *
     * @throws IllegalArgumentException as {@link #predictProba(double[][])}
     */
    public Tensor logPredictiveDensity(double[][] x) {
        return logPredictiveDensity(GmmData.of("x", x));
    }

    /** As {@link #logPredictiveDensity(double[][])} for a matrix tensor {@code [M, D]}. */
    public Tensor logPredictiveDensity(Tensor x) {
        return logPredictiveDensity(GmmData.of("x", x));
    }

    private Tensor logPredictiveDensity(GmmData x) {
        x.requireColumns("x", dim());
        GmmComponents q = run.components();
        return Tensor.of(model.predictive(q).logMixtureDensity(x, q, run.weights().meanWeights()));
    }

    /**
     * The exact ELBO after the last sweep, all constants included:
     * {@code E[ln p(X, Z, π, μ, Λ)] - E[ln q(Z, π, μ, Λ)]} (Bishop, PRML, eqs. 10.70-10.77).
     */
    public double elbo() {
        return run.finalElbo();
    }

    /** The exact ELBO of the kept restart before the first sweep and after each; never decreasing up to rounding. */
    public ElboTrace elboTrace() {
        return ElboTrace.exact(run.elboHistory());
    }

    /**
     * The final ELBO on scikit-learn's scale: {@code -Σ_nk r_nk ln r_nk + ln Z(q(π)) + Σ_k [ln Z_Λ(q_k) - (D/2) ln β_k]}
     * (scikit-learn 1.2 {@code BayesianGaussianMixture._compute_lower_bound}), where {@code ln Z_Λ}
     * is the Wishart log-normalizer without its {@code ln π} term (or the Gamma one) and
     * {@code ln Z(q(π))} the Dirichlet (or sticks' Beta) log-normalizer. Equals
     * {@link #elbo()} {@code +} {@link #droppedConstants()}. For full covariance and a Dirichlet
     * prior it is the number scikit-learn reports for the same posterior.
     */
    public double sklearnScaleElbo() {
        double[] h = run.sklearnHistory();
        return h[h.length - 1];
    }

    /**
     * {@link #sklearnScaleElbo()} after every sweep of the kept restart, as scikit-learn computes
     * it: the same sweeps as {@link #elboTrace()}, each value that trace's plus
     * {@link #droppedConstants()} up to rounding (the constants do not depend on {@code q}).
     */
    public ElboTrace sklearnScaleElboTrace() {
        return ElboTrace.exact(run.sklearnHistory());
    }

    /**
     * The constants scikit-learn drops: {@code (N D/2) ln 2π} of the likelihood plus the prior's
     * log-normalizers ({@code K [ln Z_Λ(prior) - (D/2) ln β0]} and {@code ln Z(prior of π)}), so
     * {@code sklearnScaleElbo() = elbo() + droppedConstants()} at a coordinate-ascent optimum.
     */
    public double droppedConstants() {
        return droppedConstants;
    }

    /** The sweeps of the kept restart. */
    public int sweeps() {
        return run.sweeps();
    }

    /** True when the kept restart stopped on the tolerance rather than on {@code maxSweeps}. */
    public boolean converged() {
        return run.converged();
    }

    /** The index (0-based) of the kept restart. */
    public int restart() {
        return restart;
    }

    /** The final ELBO of every restart. */
    public double[] restartElbos() {
        return restartElbos.clone();
    }

    /**
     * The parameters of {@code q(π)}: {@code α_k}, {@code [K]}, for the Dirichlet; the sticks'
     * {@code (a_k, b_k)}, {@code [K-1, 2]}, for the Dirichlet process.
     */
    public Tensor weightConcentration() {
        return Tensor.of(run.weights().parameters(), run.weights().parameterShape());
    }

    /** {@code β_k = β0 + N_k}, {@code [K]} (Bishop, PRML, eq. 10.60). */
    public Tensor meanPrecision() {
        return Tensor.of(run.components().meanPrecision);
    }

    /** {@code ν_k = ν0 + N_k}, {@code [K]} (Bishop, PRML, eq. 10.63); the tied model repeats {@code ν0 + N}. */
    public Tensor degreesOfFreedom() {
        return Tensor.of(run.components().degreesOfFreedom);
    }

    /**
     * The posterior inverse scales {@code Ψ_k}: full {@code [K, D, D]} ({@code W_k⁻¹}, Bishop, PRML,
     * eq. 10.62), tied {@code [D, D]}, diagonal {@code [K, D]} (twice the Gamma rates),
     * spherical {@code [K]} ({@code 2 b_k / D}); see {@link CovarianceType}.
     */
    public Tensor inverseScale() {
        return Tensor.of(run.components().inverseScale, model.inverseScaleShape(k(), dim()));
    }

    /**
     * This result as the library's one fitted-result type. The posterior holds the factor of the
     * weights, the one factor with a closed form among the families a fit can carry: {@code weights:
     * Dirichlet(α)} for the finite Dirichlet prior, or {@code sticks: Beta(a_k, b_k)} ({@code [K-1]})
     * for the Dirichlet process, the stick breaks {@code v_k} with {@code π_k = v_k Π_{j<k} (1 - v_j)}
     * and {@code v_K = 1} (with {@code K = 1} there is no weight factor: {@code π_1 = 1}). The
     * components' {@code q(μ_k, Λ_k)} (Normal-Wishart or Normal-Gamma: {@code μ_k} depends on
     * {@code Λ_k}) are in the parameters. The ELBO trace is the kept restart's exact ELBO per sweep.
     * There is no PSIS check: the joint density would have to include the {@code N} discrete
     * assignments and the components, which the fit does not carry as factors; the verdict of a
     * converged fit is {@code UNCHECKED} with that reason, and what is reported instead is the
     * exact ELBO per sweep (never decreasing) and the held-out {@link #logPredictiveDensity}.
     */
    public Fit toFit() {
        boolean sticks = settings.weightPrior().isDirichletProcess();
        Map<String, Tensor> parameters = new LinkedHashMap<>();
        parameters.put(sticks ? "stickConcentration" : "weightConcentration", weightConcentration());
        parameters.put("means", means());
        parameters.put("meanPrecision", meanPrecision());
        parameters.put("degreesOfFreedom", degreesOfFreedom());
        parameters.put("inverseScale", inverseScale());
        Map<String, FactorPosterior.Factor> factors = new LinkedHashMap<>();
        if (k() > 1 && sticks) {
            Tensor ab = weightConcentration();
            factors.put("sticks", FactorPosterior.Factor.beta(ab.slice(1, 0, 1).reshape(k() - 1), ab.slice(1, 1, 2).reshape(k() - 1)));
        } else if (k() > 1) {
            factors.put("weights", FactorPosterior.Factor.dirichlet(weightConcentration()));
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("model", "GaussianMixtureVI");
        provenance.put("components", Integer.toString(k()));
        provenance.put("weightPrior", settings.weightPrior().toString());
        provenance.put("covarianceType", settings.covarianceType().toString());
        provenance.put("maxSweeps", Integer.toString(settings.maxSweeps()));
        provenance.put("tolerance", Double.toString(settings.tolerance()));
        provenance.put("restarts", Integer.toString(settings.restarts()));
        provenance.put("keptRestart", Integer.toString(restart));
        provenance.put("initialization", settings.initialization().toString());
        provenance.put("meanPrior", settings.meanPrior().map(Arrays::toString).orElse("column means"));
        provenance.put("meanPrecisionPrior", Double.toString(settings.meanPrecisionPrior()));
        provenance.put("degreesOfFreedomPrior", settings.degreesOfFreedomPrior().isPresent()
                ? Double.toString(settings.degreesOfFreedomPrior().getAsDouble()) : "D");
        provenance.put("covariancePrior", settings.covariancePrior().map(Arrays::deepToString).orElse("sample covariance"));
        provenance.put("rows", Integer.toString(rows));
        provenance.put("dataHash", Long.toHexString(dataHash));
        String method = "coordinate ascent (CAVI), Bayesian Gaussian mixture, " + k() + " components, "
                + settings.covarianceType() + " covariance, " + settings.weightPrior() + " weights";
        Fit fit = Fit.ofCoordinateAscent(method, parameters, run.elboHistory(), run.converged(), FactorPosterior.of(factors),
                Optional.empty(), NOT_CHECKED, CaviFits.CHECK_DRAWS, settings.seed(), provenance);
        return CaviFits.withNotes(fit, List.of(String.format(Locale.ROOT,
                "kept restart %d (0-based) of %d, the highest final ELBO; %d sweeps", restart, restartElbos.length, sweeps())));
    }

    /** The configuration that produced this result. */
    public GaussianMixtureVI settings() {
        return settings;
    }

    /** A 64-bit FNV-1a hash of the data's shape and bits, for provenance. */
    public long dataHash() {
        return dataHash;
    }

    @Override
    public String toString() {
        return "GaussianMixtureResult{elbo=" + elbo() + ", sweeps=" + sweeps() + ", converged=" + converged()
                + ", restart=" + restart + ", dataHash=" + Long.toHexString(dataHash) + ", settings=" + settings + "}";
    }
}
