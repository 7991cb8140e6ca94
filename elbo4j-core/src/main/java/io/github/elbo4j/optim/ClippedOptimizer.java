package io.github.elbo4j.optim;

/** An optimizer applied to clipped gradients ({@link GradientClipping}). */
final class ClippedOptimizer implements Optimizer {

    private final Optimizer base;
    private final GradientClipping clipping;

    ClippedOptimizer(Optimizer base, GradientClipping clipping) {
        this.base = base;
        this.clipping = clipping;
    }

    @Override
    public OptimizerState init(int[] sizes) {
        return base.init(sizes);
    }

    @Override
    public void update(double[][] params, double[][] grads, OptimizerState state, double lrScale) {
        base.update(params, clipping.apply(grads), state, lrScale);
    }
}
