package io.github.elbo4j.model;

/** Records every site that reaches it into a {@link Trace}. */
public final class TraceHandler implements Handler {

    private final Trace trace = new Trace();

    @Override
    public void postprocess(Message msg) {
        trace.add(Site.of(msg));
    }

    /** The sites recorded so far. */
    public Trace trace() {
        return trace;
    }
}
