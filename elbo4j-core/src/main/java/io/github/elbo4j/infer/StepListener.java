package io.github.elbo4j.infer;

/** Observes a fit step by step (progress bars, logging). Called on the fitting thread. */
@FunctionalInterface
public interface StepListener {

    /** After step {@code step}: its ELBO estimate, the gradient's L2 norm and the step's wall time. */
    void onStep(long step, double elbo, double gradientNorm, long nanos);

    /**
     * After every window of {@code W} steps of stochastic VI when {@link Svi.Builder#signalToNoiseWindow}
     * asked for it: the gradient's signal-to-noise ratio per parameter over the window (Rainforth et
     * al., ICML 2018). Default: ignored.
     */
    default void onSignalToNoise(SignalToNoise snr) {
    }
}
