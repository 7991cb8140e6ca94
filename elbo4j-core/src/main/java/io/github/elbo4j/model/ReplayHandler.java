package io.github.elbo4j.model;

/**
 * Gives latent sample sites (and plate subsamples) the values recorded in another trace, as a
 * model is replayed against its guide's draws. Sites absent from the trace run as usual.
 */
public final class ReplayHandler implements Handler {

    private final Trace guide;

    /** Replays the values of {@code trace}. */
    public ReplayHandler(Trace trace) {
        this.guide = trace;
    }

    @Override
    public void process(Message msg) {
        if ((msg.type() == SiteType.SAMPLE && !msg.isObserved()) || msg.type() == SiteType.PLATE) {
            guide.get(msg.name()).ifPresent(s -> msg.setValue(s.value()));
        }
    }
}
