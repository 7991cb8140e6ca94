package io.github.elbo4j.mcmc;

import io.github.elbo4j.infer.LogDensity;

/**
 * One chain's view of the log density: counts gradient evaluations, and reads a point where the
 * model refuses its parameters (a scale that underflowed to 0 far out in unconstrained space) as
 * outside the support, {@code log π = -∞}, so the sampler sees a divergence there.
 */
final class CountingDensity {

    private final LogDensity density;
    private long evaluations;

    CountingDensity(LogDensity density) {
        this.density = density;
    }

    /** Sets {@code point.logDensity} and {@code point.gradient} at {@code point.q}. */
    void evaluate(PhasePoint point) {
        evaluations++;
        try {
            point.logDensity = density.valueAndGradient(point.q, point.gradient);
        } catch (IllegalArgumentException outsideSupport) {
            point.logDensity = Double.NEGATIVE_INFINITY;
            java.util.Arrays.fill(point.gradient, Double.NaN);
        }
    }

    long evaluations() {
        return evaluations;
    }

    LogDensity density() {
        return density;
    }
}
