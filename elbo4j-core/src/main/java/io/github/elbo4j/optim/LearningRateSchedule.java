package io.github.elbo4j.optim;

/**
 * A multiplier of the base learning rate as a function of the step {@code t = 0, 1, ...}.
 * Schedules compose by multiplication ({@link #times}).
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The multiplier at step {@code t}. */
    double multiplier(long t);

    /** Always 1. */
    static LearningRateSchedule constant() {
        return t -> 1.0;
    }

    /** {@code γ^⌊t / every⌋}: multiply by {@code gamma} every {@code every} steps. */
    static LearningRateSchedule step(long every, double gamma) {
        if (every < 1) {
            throw new IllegalArgumentException("step schedule period must be >= 1, got " + every);
        }
        return t -> Math.pow(gamma, (double) (t / every));
    }

    /** {@code γ^t}. */
    static LearningRateSchedule exponential(double gamma) {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("exponential schedule gamma must be in (0, 1], got " + gamma);
        }
        return t -> Math.pow(gamma, (double) t);
    }

    /**
     * Cosine annealing (Loshchilov &amp; Hutter, ICLR 2017, eq. 5) from 1 down to {@code floor}
     * over {@code period} steps, then {@code floor}:
     * {@code floor + (1 - floor)(1 + cos(π t / period)) / 2}.
     */
    static LearningRateSchedule cosine(long period, double floor) {
        if (period < 1) {
            throw new IllegalArgumentException("cosine schedule period must be >= 1, got " + period);
        }
        if (!(floor >= 0 && floor <= 1)) {
            throw new IllegalArgumentException("cosine schedule floor must be in [0, 1], got " + floor);
        }
        return t -> t >= period ? floor : floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * t / period));
    }

    /** Linear warm-up from {@code 1/steps} to 1 over the first {@code steps} steps, then 1. */
    static LearningRateSchedule warmup(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("warm-up length must be >= 1, got " + steps);
        }
        return t -> t >= steps ? 1.0 : (t + 1.0) / steps;
    }

    /** The product of this schedule and {@code other}. */
    default LearningRateSchedule times(LearningRateSchedule other) {
        return t -> multiplier(t) * other.multiplier(t);
    }
}
