package io.github.elbo4j.infer;

import io.github.elbo4j.tensor.Tensor;
import java.util.List;

/**
 * The signal-to-noise ratio of the loss gradient per parameter block (Rainforth, Kosiorek, Le,
 * Maddison, Igl, Wood &amp; Teh, "Tighter variational bounds are not necessarily better", ICML 2018,
 * eq. 9): for each element {@code i} of a parameter, {@code SNR_i = |E g_i| / sd(g_i)}, estimated
 * from {@code n} gradient draws by their mean and their sample sd (divisor {@code n - 1}, Welford's
 * running update: Welford, Technometrics 4(3), 1962). A block whose SNR is far below 1 gets mostly
 * noise: its optimizer walks at random. The draws are either independent evaluations at fixed
 * parameters ({@link Svi#signalToNoise}) or the {@code W} steps of a window of stochastic VI
 * ({@link Svi.Builder#signalToNoiseWindow}), where the parameters drift a little within the window.
 *
 * @param step    the step at the end of the window (or the state's step for fixed parameters)
 * @param samples the number of gradient draws {@code n}
 * @param blocks  one per named parameter (e.g. {@code auto_loc}, {@code auto_scale}), in store order
 */
public record SignalToNoise(long step, int samples, List<Block> blocks) {

    /** Copies the list. */
    public SignalToNoise {
        blocks = List.copyOf(blocks);
    }

    /**
     * The gradient moments of one parameter (gradients of the loss {@code -ELBO} in the
     * parameter's unconstrained coordinates, the ones the optimizer moves).
     *
     * @param name the parameter's name
     * @param mean the mean gradient, the parameter's shape
     * @param sd   the sample sd of the gradient, the parameter's shape
     */
    public record Block(String name, Tensor mean, Tensor sd) {

        /** {@code |E g_i| / sd(g_i)} per element (infinite where the gradient does not vary, NaN where it is always 0). */
        public Tensor snr() {
            return mean.map(Math::abs).div(sd);
        }

        /**
         * One number for the block: {@code ‖E g‖₂ / √(Σ_i Var g_i)}, the SNR of the block's gradient
         * vector (the ratio of the mean's length to the root of the total variance; for one element it
         * is {@code |E g| / sd(g)}).
         */
        public double blockSnr() {
            return Math.sqrt(mean.square().sum().item() / sd.square().sum().item());
        }
    }

    /** The block of parameter {@code name}. */
    public Block block(String name) {
        return blocks.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no parameter named '" + name + "'; the blocks are " + blocks.stream().map(Block::name).toList()));
    }
}
