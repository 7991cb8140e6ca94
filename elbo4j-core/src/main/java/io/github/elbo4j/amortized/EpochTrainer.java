package io.github.elbo4j.amortized;

import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.SviState;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Minibatch training in epochs on top of stochastic VI ({@link Svi#advance}): {@code stepsPerEpoch}
 * steps per epoch (with {@link io.github.elbo4j.infer.Subsampling#epochs()} one pass over a seeded
 * shuffle of the data), then an optional held-out score of the current parameters (e.g. the
 * held-out ELBO per datum, higher is better), and early stopping when the score has not improved
 * for {@code patience} epochs; the parameters of the best-scoring epoch are kept (the last epoch's
 * without a held-out score). Deterministic for a given seed; the time per epoch counts the
 * training steps only.
 */
public final class EpochTrainer {

    /** Observes training epoch by epoch. */
    @FunctionalInterface
    public interface EpochListener {
        /** After epoch {@code epoch} (from 1): the mean step ELBO estimate, the held-out score (NaN without one) and the epoch's training time. */
        void onEpoch(int epoch, double trainElbo, double heldOut, double seconds);
    }

    /**
     * The outcome of a training run.
     *
     * @param parameters  the kept parameters (constrained): the best epoch's by the held-out score, else the last
     * @param last        the state after the last epoch run (to continue training)
     * @param trainElbo   per epoch, the mean of the steps' ELBO estimates (each a full-data estimate from one minibatch)
     * @param heldOut     per epoch, the held-out score (NaN without one)
     * @param seconds     per epoch, the wall time of its training steps
     * @param bestEpoch   the epoch (from 1) whose parameters were kept
     * @param stoppedEarly true when the held-out score stopped improving before the last epoch
     */
    public record Run(Map<String, Tensor> parameters, SviState last, double[] trainElbo, double[] heldOut, double[] seconds,
                      int bestEpoch, boolean stoppedEarly) {

        /** Number of epochs run. */
        public int epochs() {
            return trainElbo.length;
        }
    }

    private final Svi svi;
    private final long stepsPerEpoch;
    private final int epochs;
    private final ToDoubleFunction<Map<String, Tensor>> heldOut;
    private final int patience;
    private final EpochListener listener;

    private EpochTrainer(Builder b) {
        this.svi = b.svi;
        this.stepsPerEpoch = b.stepsPerEpoch;
        this.epochs = b.epochs;
        this.heldOut = b.heldOut;
        this.patience = b.patience;
        this.listener = b.listener;
    }

    /** Training of {@code svi} (configured for stochastic VI) with {@code stepsPerEpoch} steps per epoch. */
    public static Builder builder(Svi svi, long stepsPerEpoch) {
        return new Builder(svi, stepsPerEpoch);
    }

    /** Runs the epochs from the fit's initial state. */
    public Run run() {
        return run(svi.init());
    }

    /** Runs the epochs from {@code start}. */
    public Run run(SviState start) {
        double[] train = new double[epochs];
        double[] held = new double[epochs];
        double[] secs = new double[epochs];
        Arrays.fill(held, Double.NaN);
        SviState state = start;
        Map<String, Tensor> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        int run = 0;
        boolean early = false;
        for (int e = 0; e < epochs; e++) {
            long began = System.nanoTime();
            double[] sum = {0};
            state = svi.advance(state, stepsPerEpoch, (t, elbo, g, nanos) -> sum[0] += elbo);
            secs[e] = (System.nanoTime() - began) / 1e9;
            train[e] = sum[0] / stepsPerEpoch;
            run = e + 1;
            Map<String, Tensor> params = state.parameters().values();
            if (heldOut != null) {
                held[e] = heldOut.applyAsDouble(params);
                if (held[e] > bestScore) {
                    bestScore = held[e];
                    best = params;
                    bestEpoch = e + 1;
                }
            } else {
                best = params;
                bestEpoch = e + 1;
            }
            listener.onEpoch(e + 1, train[e], held[e], secs[e]);
            if (heldOut != null && e + 1 - bestEpoch >= patience && e + 1 < epochs) {
                early = true;
                break;
            }
        }
        return new Run(best, state, Arrays.copyOf(train, run), Arrays.copyOf(held, run), Arrays.copyOf(secs, run), bestEpoch, early);
    }

    /** The settings of an {@link EpochTrainer}, each validated when set. */
    public static final class Builder {
        private final Svi svi;
        private final long stepsPerEpoch;
        private int epochs = 10;
        private ToDoubleFunction<Map<String, Tensor>> heldOut;
        private int patience = Integer.MAX_VALUE;
        private EpochListener listener = (e, t, h, s) -> { };

        private Builder(Svi svi, long stepsPerEpoch) {
            if (svi == null) {
                throw new IllegalArgumentException("svi must not be null");
            }
            if (stepsPerEpoch < 1) {
                throw new IllegalArgumentException("stepsPerEpoch must be >= 1, got " + stepsPerEpoch);
            }
            this.svi = svi;
            this.stepsPerEpoch = stepsPerEpoch;
        }

        /** Number of epochs (default 10). */
        public Builder epochs(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + n);
            }
            this.epochs = n;
            return this;
        }

        /** A held-out score of the constrained parameters after each epoch, higher is better (default: none). */
        public Builder heldOut(ToDoubleFunction<Map<String, Tensor>> score) {
            if (score == null) {
                throw new IllegalArgumentException("heldOut must not be null");
            }
            this.heldOut = score;
            return this;
        }

        /** Stop when the held-out score has not improved for {@code epochs} epochs (default: never). */
        public Builder patience(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("patience must be >= 1 epoch, got " + epochs);
            }
            this.patience = epochs;
            return this;
        }

        /** Called after every epoch (default: none). */
        public Builder listener(EpochListener l) {
            if (l == null) {
                throw new IllegalArgumentException("listener must not be null");
            }
            this.listener = l;
            return this;
        }

        /** The configured trainer. */
        public EpochTrainer build() {
            return new EpochTrainer(this);
        }
    }
}
