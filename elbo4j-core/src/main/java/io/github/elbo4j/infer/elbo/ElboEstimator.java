package io.github.elbo4j.infer.elbo;

/**
 * A Monte Carlo estimator of the evidence lower bound
 * {@code ELBO(q) = E_q[log p(x, z) - log q(z)] <= log p(x)} (Blei, Kucukelbir &amp; McAuliffe, JASA
 * 2017, eq. 13) and of a surrogate loss whose gradient estimates {@code -∇ELBO}. A closed set.
 */
public sealed interface ElboEstimator permits TraceElbo, ScoreFunctionElbo, ImportanceWeightedElbo, RenyiElbo,
        SticksTheLandingElbo, AnalyticKlElbo, PerDatumImportanceWeightedElbo, TraceEnumElbo {

    /** One estimate from one run of the guide and the model replayed against it. */
    ElboStep estimate(ElboInputs inputs);

    /** The estimator a new fit should use: this one, or a copy with its running state reset. */
    default ElboEstimator fresh() {
        return this;
    }

    /**
     * True when the estimator sums out the model's discrete latent sites by enumeration
     * ({@link TraceEnumElbo}): the automatic guides then leave those sites out.
     */
    default boolean enumeratesDiscreteSites() {
        return false;
    }

    /**
     * The reparameterized ELBO with every discrete latent site of finite support that the guide
     * does not draw summed out exactly by parallel enumeration ({@link TraceEnumElbo}).
     */
    static ElboEstimator traceEnum() {
        return new TraceEnumElbo();
    }

    /** The reparameterized ELBO. */
    static ElboEstimator trace() {
        return new TraceElbo();
    }

    /** Score-function (REINFORCE) terms for non-reparameterizable guide sites, with a running-average baseline. */
    static ElboEstimator scoreFunction() {
        return ScoreFunctionElbo.withBaseline(0.9);
    }

    /** The importance-weighted bound over the fit's particles. */
    static ElboEstimator importanceWeighted() {
        return new ImportanceWeightedElbo();
    }

    /** The importance-weighted bound per datum of the plate {@code plate} over the fit's particles (a VAE's IWAE objective). */
    static ElboEstimator importanceWeighted(String plate) {
        return new PerDatumImportanceWeightedElbo(plate);
    }

    /** The Rényi bound of order {@code alpha} over the fit's particles. */
    static ElboEstimator renyi(double alpha) {
        return new RenyiElbo(alpha);
    }

    /** The reparameterized ELBO with the guide's score term dropped (lower variance near the optimum). */
    static ElboEstimator sticksTheLanding() {
        return new SticksTheLandingElbo();
    }

    /** Closed-form KL terms where the guide and prior pair has one, Monte Carlo elsewhere. */
    static ElboEstimator analyticKl() {
        return new AnalyticKlElbo();
    }
}
