package io.github.elbo4j.model;

/** Multiplies the log-density of every sample site by a positive factor (e.g. KL annealing, subsampling). */
public final class ScaleHandler implements Handler {

    private final double factor;

    /** Scales by {@code factor > 0}. */
    public ScaleHandler(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be finite and > 0, got " + factor);
        }
        this.factor = factor;
    }

    @Override
    public void process(Message msg) {
        if (msg.type() == SiteType.SAMPLE) {
            msg.scaleBy(factor);
        }
    }
}
