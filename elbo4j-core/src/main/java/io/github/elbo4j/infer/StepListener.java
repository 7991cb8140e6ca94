package io.github.elbo4j.infer;

/** Observes a fit step by step (progress bars, logging). Called on the fitting thread. */
@FunctionalInterface
public interface StepListener {

    /** After step {@code step}: its ELBO estimate, the gradient's L2 norm and the step's wall time. */
    void onStep(long step, double elbo, double gradientNorm, long nanos);
}
