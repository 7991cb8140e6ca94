package io.github.elbo4j.infer;

import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.PlateFrame;
import io.github.elbo4j.model.SubsampleHandler;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;

/**
 * How stochastic VI picks the minibatch of a subsampled plate ({@code m.plate(name, size, batch, ...)})
 * at each step. {@link #random()} (the default) draws a fresh uniform subset every step;
 * {@link #windows()} takes a random run of consecutive rows (for data read from a file);
 * {@link #epochs()} walks through a seeded shuffle of the data, as neural-network training does:
 * epoch {@code e} is a permutation of {@code 0..size-1} drawn from the stream {@code (seed, plate, e)},
 * cut into {@code ⌈size / batch⌉} minibatches; the last one is completed with the first
 * indices of the same permutation, so every minibatch has the plate's size and every datum is seen
 * at least once per epoch. Step {@code t} uses minibatch {@code t mod ⌈size / batch⌉} of epoch
 * {@code ⌊t / ⌈size / batch⌉⌋}, so a resumed fit continues the same schedule.
 */
public sealed interface Subsampling {

    /** A fresh uniform subset per step (sampling without replacement within a step). */
    static Subsampling random() {
        return new Random();
    }

    /** Seeded shuffles, one per epoch, cut into minibatches. */
    static Subsampling epochs() {
        return new Epochs();
    }

    /**
     * A cyclic window of consecutive rows per step: rows {@code (s + j) mod size}, {@code j < batch},
     * with {@code s} uniform on {@code 0..size-1} from the stream {@code (seed, plate, step)}. Every
     * row is in the window with probability {@code batch / size}, so the plate's scale
     * {@code size / batch} keeps the estimate unbiased; a step reads one or two runs of consecutive
     * rows, which is what data read from a file wants ({@code io.github.elbo4j.data.RowFile}), and
     * costs {@code O(batch)} memory, not {@code O(size)}. Rows next to each other land in the same
     * minibatches, so store them in random order (shuffle the file once).
     */
    static Subsampling windows() {
        return new Windows();
    }

    /** The handler that gives step {@code step}'s plates their indices, or null for the plates' own random subsets. */
    Handler handlerAt(long step, RandomStream schedule);

    /** See {@link Subsampling#random()}. */
    record Random() implements Subsampling {
        @Override
        public Handler handlerAt(long step, RandomStream schedule) {
            return null;
        }

        @Override
        public String toString() {
            return "random";
        }
    }

    /** See {@link Subsampling#windows()}. */
    record Windows() implements Subsampling {

        /** The indices of {@code plate} at step {@code step}: see {@link Subsampling#windows()}. */
        public static Tensor indices(PlateFrame plate, long step, RandomStream schedule) {
            int n = plate.size();
            int b = plate.subsampleSize();
            int start = schedule.split(plate.name().hashCode()).split(step).nextInt(n);
            double[] idx = new double[b];
            for (int j = 0; j < b; j++) {
                int r = start + j;
                idx[j] = r >= n ? r - n : r;
            }
            return Tensor.of(idx);
        }

        @Override
        public Handler handlerAt(long step, RandomStream schedule) {
            return new SubsampleHandler(f -> f.subsampleSize() < f.size() ? indices(f, step, schedule) : null);
        }

        @Override
        public String toString() {
            return "windows";
        }
    }

    /**
     * See {@link Subsampling#epochs()}. Each instance keeps the current epoch's permutation of each
     * plate it has served, keyed by the epoch's stream, so a step costs {@code O(batch)} and an
     * epoch {@code O(size)} once, not every step; the permutation is a function of the key alone, so
     * the memo never changes a result, and it is safe across threads. It holds {@code size} integers
     * per plate for as long as the instance lives (a fit's settings).
     */
    final class Epochs implements Subsampling {

        /** One plate's permutation for the epoch whose stream has key {@code key}. */
        private record Shuffle(long key, int n, int[] permutation) {
        }

        private final java.util.concurrent.ConcurrentHashMap<String, Shuffle> current = new java.util.concurrent.ConcurrentHashMap<>();

        /** Minibatches per epoch of a plate: {@code ⌈size / subsampleSize⌉}. */
        public static long batchesPerEpoch(PlateFrame f) {
            return (f.size() + f.subsampleSize() - 1) / f.subsampleSize();
        }

        /** The indices of {@code plate} at step {@code step}: see {@link Subsampling#epochs()}. */
        public static Tensor indices(PlateFrame plate, long step, RandomStream schedule) {
            return indices(plate, step, permutation(plate.size(), epochStream(plate, step, schedule)));
        }

        private static RandomStream epochStream(PlateFrame plate, long step, RandomStream schedule) {
            return schedule.split(plate.name().hashCode()).split(step / batchesPerEpoch(plate));
        }

        private static Tensor indices(PlateFrame plate, long step, int[] perm) {
            int n = plate.size();
            int b = plate.subsampleSize();
            int first = (int) (step % batchesPerEpoch(plate)) * b;
            double[] idx = new double[b];
            for (int i = 0; i < b; i++) {
                idx[i] = perm[(first + i) % n];
            }
            return Tensor.of(idx);
        }

        /** As {@link #indices(PlateFrame, long, RandomStream)}, with the epoch's permutation drawn once and kept. */
        private Tensor memoized(PlateFrame plate, long step, RandomStream schedule) {
            RandomStream stream = epochStream(plate, step, schedule);
            Shuffle s = current.get(plate.name());
            if (s == null || s.key() != stream.seed() || s.n() != plate.size()) {
                s = new Shuffle(stream.seed(), plate.size(), permutation(plate.size(), stream));
                current.put(plate.name(), s);
            }
            return indices(plate, step, s.permutation());
        }

        /** A uniform permutation of {@code 0..n-1} (Fisher–Yates; Knuth, TAOCP vol. 2, Algorithm 3.4.2P). */
        private static int[] permutation(int n, RandomStream rng) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }

        @Override
        public Handler handlerAt(long step, RandomStream schedule) {
            return new SubsampleHandler(f -> f.subsampleSize() < f.size() ? memoized(f, step, schedule) : null);
        }

        /** Every {@code Epochs} is the same schedule: the memo is not part of its value. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Epochs;
        }

        @Override
        public int hashCode() {
            return Epochs.class.hashCode();
        }

        @Override
        public String toString() {
            return "epochs";
        }
    }
}
