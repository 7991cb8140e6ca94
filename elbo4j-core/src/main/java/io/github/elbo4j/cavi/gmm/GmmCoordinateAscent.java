package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.infer.DivergenceException;
import java.util.Arrays;

/**
 * One restart of coordinate-ascent variational inference for the Bayesian Gaussian mixture
 * (Bishop, PRML, 2006, sec. 10.2; Blei and Jordan, Bayesian Analysis 1(1), 2006, sec. 4). After
 * an M-step from the initial responsibilities, each sweep is: the E-step {@code q(Z)} and the
 * sufficient statistics, chunk by chunk (in parallel, combined in chunk order); the M-step
 * {@code q(π)}, {@code q(μ, Λ)}; the exact ELBO
 * {@code L = Σ_k N_k E[ln π_k] - Σ_nk r_nk ln r_nk + (E[ln p(π)] - E[ln q(π)])
 * + E[ln p(X | Z, μ, Λ)] + E[ln p(μ, Λ)] - E[ln q(μ, Λ)]} (eqs. 10.70-10.77); and scikit-learn's
 * value {@code -Σ r ln r + ln Z(q(π)) + Σ_k ln Z(q(μ_k, Λ_k))}, equal to {@code L} plus the
 * constants it drops when evaluated, as here, after the M-step. Stops when
 * {@code |L_t - L_{t-1}| < tolerance · |L_t|} (never for tolerance 0) or after {@code maxSweeps}.
 */
final class GmmCoordinateAscent {

    private final GmmData data;
    private final int components;
    private final GmmPrecisionModel model;
    private final WeightPrior weightPrior;
    private final GmmPriors priors;
    private final int maxSweeps;
    private final double tolerance;
    private final GmmChunks chunks;
    private final GmmChunkBuffers[] buffers;
    /** The sweeps' pass over the rows when done elsewhere; null: on {@code chunks}. */
    private final GmmRowPass pass;

    GmmCoordinateAscent(GmmData data, int components, GmmPrecisionModel model, WeightPrior weightPrior, GmmPriors priors,
                        int maxSweeps, double tolerance, GmmChunks chunks) {
        this(data, components, model, weightPrior, priors, maxSweeps, tolerance, chunks, null);
    }

    /**
     * As the other constructor, with each sweep's E-step and statistics computed by {@code pass}
     * (the initial M-step still runs on {@code chunks}).
     */
    GmmCoordinateAscent(GmmData data, int components, GmmPrecisionModel model, WeightPrior weightPrior, GmmPriors priors,
                        int maxSweeps, double tolerance, GmmChunks chunks, GmmRowPass pass) {
        this.pass = pass;
        this.data = data;
        this.components = components;
        this.model = model;
        this.weightPrior = weightPrior;
        this.priors = priors;
        this.maxSweeps = maxSweeps;
        this.tolerance = tolerance;
        this.chunks = chunks;
        this.buffers = new GmmChunkBuffers[chunks.workers()];
        for (int w = 0; w < buffers.length; w++) {
            buffers[w] = new GmmChunkBuffers(data.columns);
        }
    }

    /** Runs the sweeps from {@code initial} ({@code [N, K]} row-major). */
    GmmRun run(double[] initial) {
        double[] resp = chunks.toChunkLayout(initial, components);
        double[] shift = new double[components * data.columns];
        for (int k = 0; k < components; k++) {
            System.arraycopy(priors.mean(), 0, shift, k * data.columns, data.columns);
        }
        GmmSufficientStatistics stats = initialStatistics(resp, shift);
        GmmComponents q = model.posterior(stats, priors);
        GmmWeightPosterior weights = weightPrior.posterior(stats.counts);
        double[] elbo = new double[maxSweeps];
        double[] sklearn = new double[maxSweeps];
        int sweep = 0;
        boolean converged = false;
        double last = Double.NaN;
        GmmSweepState state = null;
        while (sweep < maxSweeps && !converged) {
            double[] offsets = GmmResponsibilities.offsets(q, weights.expectedLogWeights());
            if (pass == null) {
                stats = sweepStatistics(resp, q, offsets, sweep + 1, last);
            } else {
                state = new GmmSweepState(q, offsets, model.diagonal());
                stats = passStatistics(state, q.mean, sweep + 1, last);
            }
            q = model.posterior(stats, priors);
            weights = weightPrior.posterior(stats.counts);
            double logWeights = 0;
            double[] expectedLog = weights.expectedLogWeights();
            for (int k = 0; k < components; k++) {
                logWeights += stats.counts[k] * expectedLog[k];
            }
            double value = logWeights - stats.sumRLogR + weights.priorMinusEntropy() + model.elboTerms(q, stats, priors);
            if (!Double.isFinite(value)) {
                throw diverged(sweep + 1, "the ELBO", last);
            }
            elbo[sweep] = value;
            sklearn[sweep] = -stats.sumRLogR + weights.logNormalizer() + model.logNormalizer(q);
            converged = sweep > 0 && Math.abs(value - last) < tolerance * Math.abs(value);
            last = value;
            sweep++;
        }
        double[] lastResponsibilities = pass == null ? chunks.toRowMajor(resp, components) : passResponsibilities(state);
        return new GmmRun(q, weights, lastResponsibilities, Arrays.copyOf(elbo, sweep),
                Arrays.copyOf(sklearn, sweep), sweep, converged);
    }

    /** The statistics of given responsibilities (chunk layout) about {@code shift} (the initial M-step's input). */
    private GmmSufficientStatistics initialStatistics(double[] resp, double[] shift) {
        GmmPartialSums[] parts = new GmmPartialSums[chunks.count()];
        chunks.forEach((c, from, to, worker) -> {
            GmmPartialSums part = new GmmPartialSums(components, data.columns, model.diagonal());
            part.accumulate(data, from, to, resp, shift, buffers[worker]);
            parts[c] = part;
        });
        return finish(parts, shift, 0, Double.NaN);
    }

    /** The E-step into {@code resp} (chunk layout) and the statistics of the new responsibilities about {@code m_k}. */
    private GmmSufficientStatistics sweepStatistics(double[] resp, GmmComponents q, double[] offsets, int sweep, double last) {
        GmmPartialSums[] parts = new GmmPartialSums[chunks.count()];
        chunks.forEach((c, from, to, worker) -> {
            GmmPartialSums part = new GmmPartialSums(components, data.columns, model.diagonal());
            part.sumRLogR = GmmResponsibilities.chunk(data, from, to, q, offsets, resp, buffers[worker]);
            part.accumulate(data, from, to, resp, q.mean, buffers[worker]);
            parts[c] = part;
        });
        return finish(parts, q.mean, sweep, last);
    }

    /** The statistics of one sweep from {@link #pass}: its total, about {@code m_k}. */
    private GmmSufficientStatistics passStatistics(GmmSweepState state, double[] mean, int sweep, double last) {
        double[] total = pass.sweep(state);
        GmmPartialSums sums = GmmPartialSums.fromArray(total, components, data.columns, model.diagonal());
        if (!sums.allFinite()) {
            throw diverged(sweep, "a sufficient statistic", last);
        }
        return sums.finish(mean);
    }

    /** The last sweep's responsibilities from {@link #pass}, checked for shape. */
    private double[] passResponsibilities(GmmSweepState state) {
        double[] r = pass.responsibilities(state);
        if (r.length != (long) data.rows * components) {
            throw new IllegalStateException("the row pass returned " + r.length + " responsibilities, expected N (" + data.rows
                    + ") x K (" + components + ")");
        }
        return r;
    }

    private static GmmSufficientStatistics finish(GmmPartialSums[] parts, double[] shift, int sweep, double last) {
        GmmPartialSums total = GmmPartialSums.combine(parts);
        if (!total.allFinite()) {
            throw diverged(sweep, "a sufficient statistic", last);
        }
        return total.finish(shift);
    }

    /** A divergence in {@code sweep} (1-based; 0 is the initial M-step) at {@code quantity}. */
    private static DivergenceException diverged(int sweep, String quantity, double last) {
        return DivergenceException.inSweep("Gaussian mixture fit", sweep, quantity, last, "rescale the data or check the priors");
    }
}
