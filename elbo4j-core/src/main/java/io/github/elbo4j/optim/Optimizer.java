package io.github.elbo4j.optim;

/**
 * A first-order optimizer that MINIMIZES a loss: given the loss's gradients it updates parameter
 * arrays in place. State (moments, step count) lives in an {@link OptimizerState} owned by the
 * caller, so one optimizer value can drive many independent fits.
 */
public interface Optimizer {

    /** Fresh state for parameter arrays of the given sizes. */
    OptimizerState init(int[] sizes);

    /**
     * One update: modifies {@code params} in place from {@code grads} (read only) and advances
     * {@code state}. {@code lrScale} multiplies the base learning rate (schedules, step-size search).
     */
    void update(double[][] params, double[][] grads, OptimizerState state, double lrScale);

    /** This optimizer with its learning rate multiplied by {@code schedule.multiplier(step)}. */
    default Optimizer withSchedule(LearningRateSchedule schedule) {
        return new ScheduledOptimizer(this, schedule);
    }

    /** This optimizer applied to clipped gradients. */
    default Optimizer withClipping(GradientClipping clipping) {
        return new ClippedOptimizer(this, clipping);
    }
}
