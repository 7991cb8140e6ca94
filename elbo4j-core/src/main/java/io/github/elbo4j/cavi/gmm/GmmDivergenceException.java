package io.github.elbo4j.cavi.gmm;

/**
 * A Gaussian-mixture fit stopped because a quantity of a sweep (a sufficient statistic or the
 * ELBO) was NaN or infinite, e.g. because the data's squares overflow. Carries the sweep, the
 * quantity and the last finite ELBO; nothing half-fitted is returned as a success.
 */
public final class GmmDivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int sweep;
    private final String quantity;
    private final double lastFiniteElbo;

    /** A divergence in {@code sweep} (1-based; 0 is the initial M-step) at {@code quantity}. */
    public GmmDivergenceException(int sweep, String quantity, double lastFiniteElbo) {
        super("Gaussian mixture fit diverged in sweep " + sweep + ": " + quantity + " is not finite (last finite ELBO "
                + lastFiniteElbo + "); rescale the data or check the priors");
        this.sweep = sweep;
        this.quantity = quantity;
        this.lastFiniteElbo = lastFiniteElbo;
    }

    /** The sweep (1-based; 0 for the initial M-step) with the non-finite value. */
    public int sweep() {
        return sweep;
    }

    /** What was not finite, e.g. {@code "a sufficient statistic"} or {@code "the ELBO"}. */
    public String quantity() {
        return quantity;
    }

    /** The ELBO of the last sweep that was finite ({@code NaN} if none was). */
    public double lastFiniteElbo() {
        return lastFiniteElbo;
    }
}
