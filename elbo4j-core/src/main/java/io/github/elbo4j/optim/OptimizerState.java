package io.github.elbo4j.optim;

/**
 * The mutable state of one optimization run: the step count and per-parameter accumulator arrays
 * ("slots", e.g. Adam's first and second moments). Owned by one fit; never shared.
 */
public final class OptimizerState {

    private final double[][][] slots;
    private long step;

    /** {@code slotsPerParameter} zero arrays for each parameter array of the given sizes. */
    public OptimizerState(int slotsPerParameter, int[] sizes) {
        slots = new double[slotsPerParameter][sizes.length][];
        for (int k = 0; k < slotsPerParameter; k++) {
            for (int p = 0; p < sizes.length; p++) {
                slots[k][p] = new double[sizes[p]];
            }
        }
    }

    /** Accumulator {@code k} of parameter {@code p} (modified in place by the optimizer). */
    public double[] slot(int k, int p) {
        return slots[k][p];
    }

    /** Number of completed updates. */
    public long step() {
        return step;
    }

    /** Counts one update. */
    public void advance() {
        step++;
    }
}
