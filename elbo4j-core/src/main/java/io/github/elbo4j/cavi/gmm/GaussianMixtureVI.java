package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
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

    private final GaussianMixtureBuilder settings;

    GaussianMixtureVI(GaussianMixtureBuilder settings) {
        this.settings = settings;
    }

    /** A builder with the defaults listed on {@link GaussianMixtureBuilder}. */
    public static GaussianMixtureBuilder builder() {
        return new GaussianMixtureBuilder();
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

    private GaussianMixtureResult fit(GmmData data) {
        int k = settings.components();
        GmmInitialization init = settings.initialization();
        if (init.isRandom() && data.rows < k) {
            throw new IllegalArgumentException("data has " + data.rows + " rows, fewer than components = " + k
                    + "; k-means++ needs at least one row per component");
        }
        GmmPriors priors = GmmPriors.resolve(data, settings.covarianceType(), settings.meanPrior(),
                settings.meanPrecisionPrior(), settings.degreesOfFreedomPrior(), settings.covariancePrior());
        GmmPrecisionModel model = GmmPrecisionModel.of(settings.covarianceType());
        WeightPrior weightPrior = settings.resolvedWeightPrior();
        RandomStream root = RandomStream.of(settings.seed());
        double[] finals = new double[settings.restarts()];
        GmmRun best = null;
        int bestIndex = 0;
        try (GmmChunks chunks = new GmmChunks(data.rows, settings.threads())) {
            GmmCoordinateAscent ascent = new GmmCoordinateAscent(data, k, model, weightPrior, priors,
                    settings.maxSweeps(), settings.tolerance(), chunks);
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
        return settings.components();
    }

    /** The weight prior; unset, {@code dirichletProcess(1/K)} (scikit-learn's default). */
    public WeightPrior weightPrior() {
        return settings.resolvedWeightPrior();
    }

    /** The covariance structure. */
    public CovarianceType covarianceType() {
        return settings.covarianceType();
    }

    /** The most sweeps per restart. */
    public int maxSweeps() {
        return settings.maxSweeps();
    }

    /** The relative ELBO change at which a restart stops. */
    public double tolerance() {
        return settings.tolerance();
    }

    /** The number of restarts. */
    public int restarts() {
        return settings.restarts();
    }

    /** The seed: restart {@code r} draws from {@code RandomStream.of(seed).split(r)}. */
    public long seed() {
        return settings.seed();
    }

    /** The most threads a sweep uses. */
    public int threads() {
        return settings.threads();
    }

    /** How each restart starts. */
    public GmmInitialization initialization() {
        return settings.initialization();
    }

    /** The mean prior {@code m0}, if set (else the data's column means). */
    public Optional<double[]> meanPrior() {
        return settings.meanPrior();
    }

    /** The mean precision prior {@code β0}. */
    public double meanPrecisionPrior() {
        return settings.meanPrecisionPrior();
    }

    /** The degrees-of-freedom prior {@code ν0}, if set (else {@code D}). */
    public OptionalDouble degreesOfFreedomPrior() {
        return settings.degreesOfFreedomPrior();
    }

    /** The covariance prior {@code Ψ0}, if set (else the data's sample covariance). */
    public Optional<double[][]> covariancePrior() {
        return settings.covariancePrior();
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
