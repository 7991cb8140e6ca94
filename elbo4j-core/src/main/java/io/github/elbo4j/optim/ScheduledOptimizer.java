package io.github.elbo4j.optim;

/** An optimizer whose learning rate follows a {@link LearningRateSchedule}. */
final class ScheduledOptimizer implements Optimizer {

    private final Optimizer base;
    private final LearningRateSchedule schedule;

    ScheduledOptimizer(Optimizer base, LearningRateSchedule schedule) {
        this.base = base;
        this.schedule = schedule;
    }

    @Override
    public OptimizerState init(int[] sizes) {
        return base.init(sizes);
    }

    @Override
    public void update(double[][] params, double[][] grads, OptimizerState state, double lrScale) {
        base.update(params, grads, state, lrScale * schedule.multiplier(state.step()));
    }

    /** The base optimizer and that it is scheduled (a schedule is a function, without a name). */
    @Override
    public String toString() {
        return base + " with a learning-rate schedule";
    }
}
