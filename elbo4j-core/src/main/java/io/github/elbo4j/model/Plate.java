package io.github.elbo4j.model;

import io.github.elbo4j.tensor.Tensor;

/** An open plate as its body sees it: its frame and the indices of this run's subsample. */
public final class Plate {

    private final PlateFrame frame;
    private final int[] indices;

    Plate(PlateFrame frame, int[] indices) {
        this.frame = frame;
        this.indices = indices;
    }

    /** Name, size, subsample size and batch axis. */
    public PlateFrame frame() {
        return frame;
    }

    /** The indices into the full data of this run's subsample (all of them without subsampling). */
    public int[] indices() {
        return indices.clone();
    }

    /** The rows of {@code data} along {@code axis} that belong to this run's subsample. */
    public Tensor subsample(Tensor data, int axis) {
        return indices.length == frame.size() ? data : data.indexSelect(axis, indices);
    }

    /** The subsample of {@code data} along its first axis. */
    public Tensor subsample(Tensor data) {
        return subsample(data, 0);
    }
}
