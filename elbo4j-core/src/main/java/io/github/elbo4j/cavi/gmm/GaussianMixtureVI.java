package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A Bayesian Gaussian mixture fitted by coordinate-ascent variational inference (CAVI):
 * {@code z_n ~ Categorical(π)}, {@code x_n | z_n = k ~ N(μ_k, Λ_k⁻¹)}, a Normal-Wishart or
 * Normal-Gamma prior on {@code (μ_k, Λ_k)} (see {@link CovarianceType}) and a finite Dirichlet or
 * truncated Dirichlet-process prior on {@code π} (see {@link WeightPrior}); the variational family
 * is {@code q(Z) q(π) q(μ, Λ)} (Bishop, "Pattern Recognition and Machine Learning", 2006, sec.
 * 10.2; Blei and Jordan, "Variational inference for Dirichlet process mixtures", Bayesian Analysis
 * 1(1), 2006). Every sweep is an exact coordinate-ascent step, so the exact ELBO, recorded after
 * each sweep, never decreases.
 *
 * <pre>{@code
 * GaussianMixtureResult r = GaussianMixtureVI.builder().components(10)
 *         .weightPrior(WeightPrior.dirichletProcess(1.0)).build().fit(data);
 * }</pre>
 *
 * <p>Immutable and thread-safe: one configuration can fit many data sets. The same seed gives the
 * same bits for any number of threads.
 */
public final class GaussianMixtureVI {

    /** A snapshot no one else holds: never changed after construction. */
    private final Builder settings;

    private GaussianMixtureVI(Builder settings) {
        this.settings = settings;
    }

    /** A builder with the defaults stated on its methods. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fits the mixture to the rows of {@code data} ({@code N×D}): for each restart, the
     * initialization, an M-step, then sweeps until the relative ELBO change is at most the
     * tolerance or {@code maxSweeps} is reached; the restart with the highest final ELBO is kept.
     *
     * @throws IllegalArgumentException for data that is empty, ragged or not finite, e.g.
     *     {@code data[3][1] must be finite, got NaN}, fewer rows than components with k-means++,
     *     or a prior that does not fit the data
     * @throws io.github.elbo4j.infer.DivergenceException if a sweep produces a non-finite value
     */
    public GaussianMixtureResult fit(double[][] data) {
        return fit(GmmData.of("data", data));
    }

    /** As {@link #fit(double[][])} for a matrix tensor {@code [N, D]}. */
    public GaussianMixtureResult fit(Tensor data) {
        return fit(GmmData.of("data", data));
    }

    /**
     * As {@link #fit(double[][])}, with each sweep's pass over the rows (the E-step and the
     * sufficient statistics, the cost that grows with {@code N}) done by {@code pass}, e.g. on a
     * cluster: per sweep the fit hands the pass a {@link GmmSweepState} and gets back the summed
     * block statistics, then does the M-step and the ELBO here. {@code data} (the same rows, in the
     * same order) still serves what runs once per restart: the default priors (column means,
     * sample covariance), the k-means++ initialization and the initial M-step. With a pass that adds
     * the block sums in block order from zero the result has the bits of {@link #fit(double[][])}.
     *
     * @throws IllegalArgumentException as {@link #fit(double[][])}, or if {@code pass} is null or
     *     runs over another number of rows than {@code data} has
     */
    public GaussianMixtureResult fit(double[][] data, GmmRowPass pass) {
        if (pass == null) {
            throw new IllegalArgumentException("pass must not be null");
        }
        GmmData checked = GmmData.of("data", data);
        if (pass.rows() != checked.rows) {
            throw new IllegalArgumentException("pass runs over " + pass.rows() + " rows, data has " + checked.rows);
        }
        return fit(checked, pass);
    }

    private GaussianMixtureResult fit(GmmData data) {
        return fit(data, null);
    }

    private GaussianMixtureResult fit(GmmData data, GmmRowPass pass) {
        int k = settings.components;
        GmmInitialization init = settings.initialization;
        if (init.isRandom() && data.rows < k) {
            throw new IllegalArgumentException("data has " + data.rows + " rows, fewer than components = " + k
                    + "; k-means++ needs at least one row per component");
        }
        GmmPriors priors = GmmPriors.resolve(data, settings.covarianceType, meanPrior(), settings.meanPrecisionPrior,
                settings.degreesOfFreedomPrior, covariancePrior());
        GmmPrecisionModel model = GmmPrecisionModel.of(settings.covarianceType);
        WeightPrior weightPrior = weightPrior();
        RandomStream root = RandomStream.of(settings.seed);
        double[] finals = new double[settings.restarts];
        GmmRun best = null;
        int bestIndex = 0;
        try (GmmChunks chunks = new GmmChunks(data.rows, settings.threads)) {
            GmmCoordinateAscent ascent = new GmmCoordinateAscent(data, k, model, weightPrior, priors,
                    settings.maxSweeps, settings.tolerance, chunks, pass);
            for (int r = 0; r < finals.length; r++) {
                GmmRun run = ascent.run(init.responsibilities(data, k, root.split(r)));
                finals[r] = run.finalElbo();
                if (best == null || run.finalElbo() > best.finalElbo()) {
                    best = run;
                    bestIndex = r;
                }
            }
        }
        double constants = 0.5 * data.rows * data.columns * GmmPrecisionModel.LN_2PI + model.priorLogNormalizer(priors, k)
                + best.weights().priorLogNormalizer();
        return new GaussianMixtureResult(this, model, best, finals, bestIndex, constants, data.hash(), data.rows);
    }

    /** The number of mixture components {@code K} (the truncation level for a Dirichlet process). */
    public int components() {
        return settings.components;
    }

    /** The weight prior; unset, {@code dirichletProcess(1/K)} (scikit-learn's default). */
    public WeightPrior weightPrior() {
        return settings.weightPrior.orElseGet(() -> WeightPrior.dirichletProcess(1.0 / settings.components));
    }

    /** The covariance structure. */
    public CovarianceType covarianceType() {
        return settings.covarianceType;
    }

    /** The most sweeps per restart. */
    public int maxSweeps() {
        return settings.maxSweeps;
    }

    /** The relative ELBO change at which a restart stops. */
    public double tolerance() {
        return settings.tolerance;
    }

    /** The number of restarts. */
    public int restarts() {
        return settings.restarts;
    }

    /** The seed: restart {@code r} draws from {@code RandomStream.of(seed).split(r)}. */
    public long seed() {
        return settings.seed;
    }

    /** The most threads a sweep uses. */
    public int threads() {
        return settings.threads;
    }

    /** How each restart starts. */
    public GmmInitialization initialization() {
        return settings.initialization;
    }

    /** The mean prior {@code m0}, if set (else the data's column means). */
    public Optional<double[]> meanPrior() {
        return settings.meanPrior.map(double[]::clone);
    }

    /** The mean precision prior {@code β0}. */
    public double meanPrecisionPrior() {
        return settings.meanPrecisionPrior;
    }

    /** The degrees-of-freedom prior {@code ν0}, if set (else {@code D}). */
    public OptionalDouble degreesOfFreedomPrior() {
        return settings.degreesOfFreedomPrior;
    }

    /** The covariance prior {@code Ψ0}, if set (else the data's sample covariance). */
    public Optional<double[][]> covariancePrior() {
        return settings.covariancePrior.map(m -> {
            double[][] copy = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                copy[i] = m[i].clone();
            }
            return copy;
        });
    }

    @Override
    public String toString() {
        Builder s = settings;
        return "GaussianMixtureVI{components=" + s.components + ", weightPrior=" + weightPrior()
                + ", covarianceType=" + s.covarianceType + ", maxSweeps=" + s.maxSweeps + ", tolerance=" + s.tolerance
                + ", restarts=" + s.restarts + ", seed=" + s.seed + ", threads=" + s.threads + ", initialization=" + s.initialization
                + ", meanPrior=" + s.meanPrior.map(Arrays::toString).orElse("column means")
                + ", meanPrecisionPrior=" + s.meanPrecisionPrior
                + ", degreesOfFreedomPrior=" + (s.degreesOfFreedomPrior.isPresent() ? s.degreesOfFreedomPrior.getAsDouble() : "D")
                + ", covariancePrior=" + s.covariancePrior.map(Arrays::deepToString).orElse("sample covariance") + "}";
    }

    /**
     * The settings of a {@link GaussianMixtureVI}, each checked when set; the defaults are stated on
     * each method. {@link #build()} takes a snapshot, so a builder can be changed and built again.
     * Not thread-safe (the {@link GaussianMixtureVI} it builds is).
     */
    public static final class Builder {

        private int components = 1;
        private Optional<WeightPrior> weightPrior = Optional.empty();
        private CovarianceType covarianceType = CovarianceType.FULL;
        private int maxSweeps = 1000;
        private double tolerance = 1e-8;
        private int restarts = 1;
        private long seed;
        private int threads = Runtime.getRuntime().availableProcessors();
        private GmmInitialization initialization = GmmInitialization.kMeansPlusPlus();
        private Optional<double[]> meanPrior = Optional.empty();
        private double meanPrecisionPrior = 1;
        private OptionalDouble degreesOfFreedomPrior = OptionalDouble.empty();
        private Optional<double[][]> covariancePrior = Optional.empty();

        private Builder() {
        }

        private Builder(Builder o) {
            components = o.components;
            weightPrior = o.weightPrior;
            covarianceType = o.covarianceType;
            maxSweeps = o.maxSweeps;
            tolerance = o.tolerance;
            restarts = o.restarts;
            seed = o.seed;
            threads = o.threads;
            initialization = o.initialization;
            meanPrior = o.meanPrior;
            meanPrecisionPrior = o.meanPrecisionPrior;
            degreesOfFreedomPrior = o.degreesOfFreedomPrior;
            covariancePrior = o.covariancePrior;
        }

        /** The number of components {@code K >= 1} (for a Dirichlet process, the truncation level); default 1. */
        public Builder components(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("components must be >= 1, got " + k);
            }
            this.components = k;
            return this;
        }

        /** The prior on the weights (default {@code WeightPrior.dirichletProcess(1/K)}, scikit-learn's). */
        public Builder weightPrior(WeightPrior prior) {
            this.weightPrior = Optional.of(nonNull("weightPrior", prior));
            return this;
        }

        /** The covariance structure (default {@link CovarianceType#FULL}). */
        public Builder covarianceType(CovarianceType type) {
            this.covarianceType = nonNull("covarianceType", type);
            return this;
        }

        /** The most sweeps per restart, {@code >= 1} (default 1000). */
        public Builder maxSweeps(int sweeps) {
            if (sweeps < 1) {
                throw new IllegalArgumentException("maxSweeps must be >= 1, got " + sweeps);
            }
            this.maxSweeps = sweeps;
            return this;
        }

        /**
         * Stop when {@code |L_t - L_{t-1}| < tolerance · |L_t|}; finite and {@code >= 0} (0: always run
         * maxSweeps, as scikit-learn's {@code tol = 0}); default {@code 1e-8}.
         */
        public Builder tolerance(double tol) {
            if (!(tol >= 0) || Double.isInfinite(tol)) {
                throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tol);
            }
            this.tolerance = tol;
            return this;
        }

        /** Independent k-means++ starts, {@code >= 1}; the one with the highest final ELBO is kept (default 1). */
        public Builder restarts(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("restarts must be >= 1, got " + count);
            }
            this.restarts = count;
            return this;
        }

        /** The seed of every random draw (default 0). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** The most threads a sweep uses, {@code >= 1}; the result does not depend on it (default: the available processors). */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + count);
            }
            this.threads = count;
            return this;
        }

        /** How each restart starts (default {@link GmmInitialization#kMeansPlusPlus()}). */
        public Builder initialization(GmmInitialization init) {
            this.initialization = nonNull("initialization", init);
            return this;
        }

        /** The prior mean {@code m0} of every {@code μ_k}, length {@code D}, finite (default: the data's column means). */
        public Builder meanPrior(double... mean) {
            nonNull("meanPrior", mean);
            for (int d = 0; d < mean.length; d++) {
                if (!Double.isFinite(mean[d])) {
                    throw new IllegalArgumentException("meanPrior[" + d + "] must be finite, got " + mean[d]);
                }
            }
            this.meanPrior = Optional.of(mean.clone());
            return this;
        }

        /** {@code β0}: the prior precision of {@code μ_k} in units of {@code Λ_k}; finite and {@code > 0} (default 1). */
        public Builder meanPrecisionPrior(double beta0) {
            if (!(beta0 > 0) || Double.isInfinite(beta0)) {
                throw new IllegalArgumentException("meanPrecisionPrior must be finite and > 0, got " + beta0);
            }
            this.meanPrecisionPrior = beta0;
            return this;
        }

        /** {@code ν0}: finite; at fit time {@code > D - 1} (full, tied) or {@code > 0} (diagonal, spherical); default {@code D}. */
        public Builder degreesOfFreedomPrior(double nu0) {
            if (!Double.isFinite(nu0)) {
                throw new IllegalArgumentException("degreesOfFreedomPrior must be finite, got " + nu0);
            }
            this.degreesOfFreedomPrior = OptionalDouble.of(nu0);
            return this;
        }

        /**
         * {@code Ψ0 = W0⁻¹}, symmetric {@code D×D}: positive definite for full and tied; the diagonal
         * model uses its diagonal, the spherical one the mean of its diagonal (both must be {@code > 0}).
         * Default: the data's sample covariance.
         */
        public Builder covariancePrior(double[][] psi0) {
            nonNull("covariancePrior", psi0);
            double[][] copy = new double[psi0.length][];
            for (int i = 0; i < psi0.length; i++) {
                copy[i] = nonNull("covariancePrior row " + i, psi0[i]).clone();
            }
            this.covariancePrior = Optional.of(copy);
            return this;
        }

        /**
         * The configured fit.
         *
         * @throws IllegalArgumentException if {@code restarts > 1} with a fixed initialization
         */
        public GaussianMixtureVI build() {
            if (restarts > 1 && !initialization.isRandom()) {
                throw new IllegalArgumentException("restarts must be 1 with a fixed initialization (" + initialization
                        + "), got " + restarts);
            }
            return new GaussianMixtureVI(new Builder(this));
        }

        private static <T> T nonNull(String name, T value) {
            if (value == null) {
                throw new IllegalArgumentException(name + " must not be null");
            }
            return value;
        }
    }
}
