package io.github.elbo4j.model;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.function.Function;

/**
 * Gives subsampled plates their indices from a schedule (the minibatches of a seeded shuffle per
 * epoch, a fixed chunk of held-out data) instead of a fresh uniform subset per run. The schedule
 * returns null for a plate it leaves alone; the indices it returns must be {@code subsampleSize}
 * distinct-or-not integers in {@code [0, size)}, checked here with an error naming the plate.
 */
public final class SubsampleHandler implements Handler {

    private final Function<PlateFrame, Tensor> schedule;

    /** Indices for each plate from {@code schedule} (null: the plate's own random subsample). */
    public SubsampleHandler(Function<PlateFrame, Tensor> schedule) {
        this.schedule = schedule;
    }

    @Override
    public void process(Message msg) {
        if (msg.type() != SiteType.PLATE || msg.value().isPresent()) {
            return;
        }
        PlateFrame f = msg.declaredPlate().orElseThrow();
        Tensor idx = schedule.apply(f);
        if (idx == null) {
            return;
        }
        if (idx.rank() != 1 || idx.size() != f.subsampleSize()) {
            throw new IllegalArgumentException("plate '" + f.name() + "' needs " + f.subsampleSize()
                    + " subsample indices, the schedule gave shape " + java.util.Arrays.toString(idx.shape()));
        }
        double lo = idx.min().item();
        double hi = idx.max().item();
        if (lo < 0 || hi >= f.size()) {
            throw new IllegalArgumentException("plate '" + f.name() + "' subsample indices must lie in [0, " + f.size()
                    + "), the schedule gave " + (lo < 0 ? lo : hi));
        }
        msg.setValue(Var.constant(idx));
    }
}
