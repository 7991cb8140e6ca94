package io.github.elbo4j.model;

import io.github.elbo4j.tensor.Tensor;

/** An open plate as its body sees it: its frame and the indices of this run's subsample. */
public final class Plate {

    private final PlateFrame frame;
    private final Tensor indexValues;
    private int[] indices;                        // converted from indexValues on first use

    Plate(PlateFrame frame, Tensor indexValues) {
        this.frame = frame;
        this.indexValues = indexValues;
    }

    /** Name, size, subsample size and batch axis. */
    public PlateFrame frame() {
        return frame;
    }

    /** The indices into the full data of this run's subsample (all of them without subsampling). */
    public int[] indices() {
        return asInts().clone();
    }

    /** The rows of {@code data} along {@code axis} that belong to this run's subsample. */
    public Tensor subsample(Tensor data, int axis) {
        return indexValues.size() == frame.size() ? data : data.indexSelect(axis, asInts());
    }

    private int[] asInts() {
        if (indices == null) {
            double[] d = indexValues.toArray();
            int[] idx = new int[d.length];
            for (int i = 0; i < d.length; i++) {
                idx[i] = (int) d[i];
            }
            indices = idx;
        }
        return indices;
    }

    /** The subsample of {@code data} along its first axis. */
    public Tensor subsample(Tensor data) {
        return subsample(data, 0);
    }
}
