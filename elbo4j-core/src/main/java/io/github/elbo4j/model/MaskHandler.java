package io.github.elbo4j.model;

import io.github.elbo4j.tensor.Tensor;

/** Masks the log-density of every sample site element-wise (1 keeps, 0 drops), e.g. missing data. */
public final class MaskHandler implements Handler {

    private final Tensor mask;

    /** Applies {@code mask}, which must broadcast against the sites' batch shapes. */
    public MaskHandler(Tensor mask) {
        this.mask = mask;
    }

    @Override
    public void process(Message msg) {
        if (msg.type() == SiteType.SAMPLE) {
            msg.applyMask(mask);
        }
    }
}
