package io.github.elbo4j.infer;

import io.github.elbo4j.infer.elbo.ParameterStore;
import io.github.elbo4j.optim.OptimizerState;

/**
 * The state of a stochastic-VI run between two steps: the step count, the parameters
 * (unconstrained) and the optimizer's accumulators. A value: {@link Svi#update} returns a new
 * state and never changes the one it is given (NumPyro's {@code SVIState}); the random stream of
 * step {@code t} is derived from the seed and {@code t}, so a state resumed from a saved fit
 * continues with the same draws as an uninterrupted run.
 *
 * @param step       the number of steps taken
 * @param parameters the parameters after {@code step} steps (treated as immutable: never modified after construction)
 * @param optimizer  the optimizer's accumulators (treated as immutable likewise; absent before the first step)
 * @param lrScale    the factor on the optimizer's learning rate (step-size decay of the stopping rule)
 */
public record SviState(long step, ParameterStore parameters, OptimizerState optimizer, double lrScale) {

    /** Validates the step and the scale. */
    public SviState {
        if (step < 0) {
            throw new IllegalArgumentException("SviState step must be >= 0, got " + step);
        }
        if (!(lrScale > 0) || Double.isInfinite(lrScale)) {
            throw new IllegalArgumentException("SviState lrScale must be finite and > 0, got " + lrScale);
        }
    }
}
