package io.github.elbo4j.amortized;

import io.github.elbo4j.tensor.Tensor;
import java.util.Optional;

/**
 * How a {@link Vae} is trained: minibatches of {@code batchSize} in epochs over a seeded shuffle,
 * Adam with {@code learningRate}, the objective (the ELBO with the Gaussian KL in closed form, or
 * with {@code importanceSamples = K > 1} the importance-weighted bound per datum), and optionally a
 * held-out set scored after every epoch by its ELBO per datum, with early stopping after
 * {@code patience} epochs without improvement. Defaults: those of the PyTorch MNIST example
 * (batch 128, Adam 1e-3, 20 epochs, one draw, the ELBO).
 *
 * @param batchSize         minibatch size
 * @param epochs            number of epochs
 * @param learningRate      Adam's step size
 * @param importanceSamples K: 1 for the ELBO, more for the importance-weighted bound
 * @param heldOut           data scored after every epoch (optional)
 * @param patience          epochs without a better held-out score before stopping ({@link Integer#MAX_VALUE}: never)
 * @param seed              seed of the shuffles and draws
 * @param listener          called after every epoch with the training ELBO per datum
 */
public record VaeTraining(int batchSize, int epochs, double learningRate, int importanceSamples, Optional<Tensor> heldOut,
                          int patience, long seed, EpochTrainer.EpochListener listener) {

    /** Validates every setting, naming it. */
    public VaeTraining {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (importanceSamples < 1) {
            throw new IllegalArgumentException("importanceSamples must be >= 1, got " + importanceSamples);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        }
        java.util.Objects.requireNonNull(heldOut, "heldOut");
        java.util.Objects.requireNonNull(listener, "listener");
    }

    /** The defaults: batch 128, 20 epochs, Adam 1e-3, the ELBO, no held-out set, seed 1. */
    public static VaeTraining defaults() {
        return new VaeTraining(128, 20, 1e-3, 1, Optional.empty(), Integer.MAX_VALUE, 1, (e, t, h, s) -> { });
    }

    /** With minibatches of {@code b}. */
    public VaeTraining withBatchSize(int b) {
        return new VaeTraining(b, epochs, learningRate, importanceSamples, heldOut, patience, seed, listener);
    }

    /** With {@code n} epochs. */
    public VaeTraining withEpochs(int n) {
        return new VaeTraining(batchSize, n, learningRate, importanceSamples, heldOut, patience, seed, listener);
    }

    /** With Adam's step size {@code lr}. */
    public VaeTraining withLearningRate(double lr) {
        return new VaeTraining(batchSize, epochs, lr, importanceSamples, heldOut, patience, seed, listener);
    }

    /** Training by the importance-weighted bound with {@code k} draws per datum ({@code k = 1}: the ELBO). */
    public VaeTraining withImportanceSamples(int k) {
        return new VaeTraining(batchSize, epochs, learningRate, k, heldOut, patience, seed, listener);
    }

    /** Scoring {@code data} after every epoch; early stopping after {@code patienceEpochs} epochs without improvement. */
    public VaeTraining withHeldOut(Tensor data, int patienceEpochs) {
        return new VaeTraining(batchSize, epochs, learningRate, importanceSamples, Optional.of(data), patienceEpochs, seed, listener);
    }

    /** With the seed {@code s}. */
    public VaeTraining withSeed(long s) {
        return new VaeTraining(batchSize, epochs, learningRate, importanceSamples, heldOut, patience, s, listener);
    }

    /** Calling {@code l} after every epoch. */
    public VaeTraining withListener(EpochTrainer.EpochListener l) {
        return new VaeTraining(batchSize, epochs, learningRate, importanceSamples, heldOut, patience, seed, l);
    }
}
