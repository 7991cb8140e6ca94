package io.github.elbo4j.cavi.gmm;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The options of a {@link GaussianMixtureVI}, each checked when set. Defaults: 1 component, weight
 * prior {@code dirichletProcess(1/K)}, {@link CovarianceType#FULL}, at most 1000 sweeps,
 * tolerance {@code 1e-8} (relative ELBO change), 1 restart, seed 0, all available processors,
 * k-means++ initialization, and scikit-learn's data-dependent priors ({@code m0} the column
 * means, {@code β0 = 1}, {@code ν0 = D}, {@code Ψ0} the sample covariance). {@link #build()}
 * takes a snapshot, so a builder can be changed and built again.
 */
public final class GaussianMixtureBuilder {

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

    GaussianMixtureBuilder() {
    }

    private GaussianMixtureBuilder(GaussianMixtureBuilder o) {
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

    /** The number of components {@code K >= 1} (for a Dirichlet process, the truncation level). */
    public GaussianMixtureBuilder components(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("components must be >= 1, got " + k);
        }
        this.components = k;
        return this;
    }

    /** The prior on the weights. */
    public GaussianMixtureBuilder weightPrior(WeightPrior prior) {
        this.weightPrior = Optional.of(nonNull("weightPrior", prior));
        return this;
    }

    /** The covariance structure. */
    public GaussianMixtureBuilder covarianceType(CovarianceType type) {
        this.covarianceType = nonNull("covarianceType", type);
        return this;
    }

    /** The most sweeps per restart, {@code >= 1}. */
    public GaussianMixtureBuilder maxSweeps(int sweeps) {
        if (sweeps < 1) {
            throw new IllegalArgumentException("maxSweeps must be >= 1, got " + sweeps);
        }
        this.maxSweeps = sweeps;
        return this;
    }

    /**
     * Stop when {@code |L_t - L_{t-1}| < tolerance · |L_t|}; finite and {@code >= 0} (0: always run
     * maxSweeps, as scikit-learn's {@code tol = 0}).
     */
    public GaussianMixtureBuilder tolerance(double tol) {
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tol);
        }
        this.tolerance = tol;
        return this;
    }

    /** Independent k-means++ starts, {@code >= 1}; the one with the highest final ELBO is kept. */
    public GaussianMixtureBuilder restarts(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("restarts must be >= 1, got " + count);
        }
        this.restarts = count;
        return this;
    }

    /** The seed of every random draw. */
    public GaussianMixtureBuilder seed(long s) {
        this.seed = s;
        return this;
    }

    /** The most threads a sweep uses, {@code >= 1}; the result does not depend on it. */
    public GaussianMixtureBuilder threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + count);
        }
        this.threads = count;
        return this;
    }

    /** How each restart starts. */
    public GaussianMixtureBuilder initialization(GmmInitialization init) {
        this.initialization = nonNull("initialization", init);
        return this;
    }

    /** The prior mean {@code m0} of every {@code μ_k}, length {@code D}, finite. */
    public GaussianMixtureBuilder meanPrior(double... mean) {
        nonNull("meanPrior", mean);
        for (int d = 0; d < mean.length; d++) {
            if (!Double.isFinite(mean[d])) {
                throw new IllegalArgumentException("meanPrior[" + d + "] must be finite, got " + mean[d]);
            }
        }
        this.meanPrior = Optional.of(mean.clone());
        return this;
    }

    /** {@code β0}: the prior precision of {@code μ_k} in units of {@code Λ_k}; finite and {@code > 0}. */
    public GaussianMixtureBuilder meanPrecisionPrior(double beta0) {
        if (!(beta0 > 0) || Double.isInfinite(beta0)) {
            throw new IllegalArgumentException("meanPrecisionPrior must be finite and > 0, got " + beta0);
        }
        this.meanPrecisionPrior = beta0;
        return this;
    }

    /** {@code ν0}: finite; at fit time {@code > D - 1} (full, tied) or {@code > 0} (diagonal, spherical). */
    public GaussianMixtureBuilder degreesOfFreedomPrior(double nu0) {
        if (!Double.isFinite(nu0)) {
            throw new IllegalArgumentException("degreesOfFreedomPrior must be finite, got " + nu0);
        }
        this.degreesOfFreedomPrior = OptionalDouble.of(nu0);
        return this;
    }

    /**
     * {@code Ψ0 = W0⁻¹}, symmetric {@code D×D}: positive definite for full and tied; the diagonal
     * model uses its diagonal, the spherical one the mean of its diagonal (both must be {@code > 0}).
     */
    public GaussianMixtureBuilder covariancePrior(double[][] psi0) {
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
        return new GaussianMixtureVI(new GaussianMixtureBuilder(this));
    }

    private static <T> T nonNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    int components() {
        return components;
    }

    WeightPrior resolvedWeightPrior() {
        return weightPrior.orElseGet(() -> WeightPrior.dirichletProcess(1.0 / components));
    }

    CovarianceType covarianceType() {
        return covarianceType;
    }

    int maxSweeps() {
        return maxSweeps;
    }

    double tolerance() {
        return tolerance;
    }

    int restarts() {
        return restarts;
    }

    long seed() {
        return seed;
    }

    int threads() {
        return threads;
    }

    GmmInitialization initialization() {
        return initialization;
    }

    Optional<double[]> meanPrior() {
        return meanPrior.map(double[]::clone);
    }

    double meanPrecisionPrior() {
        return meanPrecisionPrior;
    }

    OptionalDouble degreesOfFreedomPrior() {
        return degreesOfFreedomPrior;
    }

    Optional<double[][]> covariancePrior() {
        return covariancePrior.map(m -> {
            double[][] copy = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                copy[i] = m[i].clone();
            }
            return copy;
        });
    }

    @Override
    public String toString() {
        return "GaussianMixtureVI{components=" + components + ", weightPrior=" + resolvedWeightPrior()
                + ", covarianceType=" + covarianceType + ", maxSweeps=" + maxSweeps + ", tolerance=" + tolerance
                + ", restarts=" + restarts + ", seed=" + seed + ", threads=" + threads + ", initialization=" + initialization
                + ", meanPrior=" + meanPrior.map(Arrays::toString).orElse("column means")
                + ", meanPrecisionPrior=" + meanPrecisionPrior
                + ", degreesOfFreedomPrior=" + (degreesOfFreedomPrior.isPresent() ? degreesOfFreedomPrior.getAsDouble() : "D")
                + ", covariancePrior=" + covariancePrior.map(Arrays::deepToString).orElse("sample covariance") + "}";
    }
}
