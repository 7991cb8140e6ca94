package io.github.elbo4j.infer;

import java.util.Map;
import io.github.elbo4j.tensor.Tensor;

/**
 * A fit stopped because its loss, a gradient or (for coordinate ascent) a sweep's statistic
 * became NaN or infinite. Carries the step or sweep, the site, parameter or quantity where the
 * non-finite value appeared, the last finite ELBO and the parameters of the last good step
 * (empty for coordinate ascent); nothing half-fitted is returned as a success.
 */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long step;
    private final String site;
    private final double lastFiniteElbo;
    private final transient Map<String, Tensor> lastGoodParameters;

    /** A divergence at {@code step} in {@code site}. */
    public DivergenceException(long step, String site, double lastFiniteElbo, Map<String, Tensor> lastGoodParameters) {
        this("fit diverged at step " + step + ": non-finite value at " + site + " (last finite ELBO "
                + lastFiniteElbo + "); try a smaller learning rate, gradient clipping or a better initialization",
                step, site, lastFiniteElbo, lastGoodParameters);
    }

    private DivergenceException(String message, long step, String site, double lastFiniteElbo,
            Map<String, Tensor> lastGoodParameters) {
        super(message);
        this.step = step;
        this.site = site;
        this.lastFiniteElbo = lastFiniteElbo;
        this.lastGoodParameters = Map.copyOf(lastGoodParameters);
    }

    /**
     * A coordinate-ascent divergence: {@code quantity} (e.g. {@code "a sufficient statistic"})
     * was not finite in {@code sweep}. The message reads
     * "{@code fit} diverged in sweep s: quantity is not finite (last finite ELBO e); advice".
     */
    public static DivergenceException inSweep(String fit, long sweep, String quantity, double lastFiniteElbo, String advice) {
        return new DivergenceException(fit + " diverged in sweep " + sweep + ": " + quantity
                + " is not finite (last finite ELBO " + lastFiniteElbo + "); " + advice, sweep, quantity, lastFiniteElbo, Map.of());
    }

    /** The step (0-based) whose loss or gradient was not finite. */
    public long step() {
        return step;
    }

    /** The model/guide site or parameter where it appeared, e.g. {@code "site 'y'"} or {@code "gradient of param 'auto_loc'"}. */
    public String site() {
        return site;
    }

    /** The ELBO of the last step that was finite ({@code NaN} if none was). */
    public double lastFiniteElbo() {
        return lastFiniteElbo;
    }

    /** The constrained parameters after the last good step. */
    public Map<String, Tensor> lastGoodParameters() {
        return lastGoodParameters;
    }
}
