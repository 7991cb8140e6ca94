package io.github.elbo4j.infer;

import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.Message;
import io.github.elbo4j.model.SiteType;

/** Remembers the deepest plate a run opened, even when the run fails afterwards (for {@link PrototypeRun}). */
final class PlateDepthRecorder implements Handler {

    private int deepest;

    @Override
    public void process(Message msg) {
        if (msg.type() == SiteType.PLATE) {
            msg.declaredPlate().ifPresent(p -> deepest = Math.max(deepest, -p.dim()));
        }
    }

    /** The deepest nesting seen so far (0 when no plate was opened). */
    int deepest() {
        return deepest;
    }
}
