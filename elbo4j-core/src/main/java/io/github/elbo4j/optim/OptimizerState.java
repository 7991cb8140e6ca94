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

    private OptimizerState(double[][][] slots, long step) {
        this.slots = slots;
        this.step = step;
    }

    /** Restores a saved state: {@code slots[k][p]} is accumulator {@code k} of parameter {@code p}. */
    public static OptimizerState restore(double[][][] slots, long step) {
        if (step < 0) {
            throw new IllegalArgumentException("OptimizerState step must be >= 0, got " + step);
        }
        return new OptimizerState(deepCopy(slots), step);
    }

    /** An independent copy (for a step that must not change its input state). */
    public OptimizerState copy() {
        return new OptimizerState(deepCopy(slots), step);
    }

    /** A copy of all accumulators, {@code [slot][parameter][element]}. */
    public double[][][] slots() {
        return deepCopy(slots);
    }

    private static double[][][] deepCopy(double[][][] a) {
        double[][][] c = new double[a.length][][];
        for (int k = 0; k < a.length; k++) {
            c[k] = new double[a[k].length][];
            for (int p = 0; p < a[k].length; p++) {
                c[k][p] = a[k][p].clone();
            }
        }
        return c;
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
