package io.github.elbo4j.amortized;

/**
 * How a {@link SemiSupervisedVae} is trained: Adam with {@code learningRate}; each step takes a
 * minibatch of {@code batchSize} unlabeled and one of {@code labeledBatchSize} labeled examples,
 * each stream walking through its own seeded shuffle per pass; an epoch is one pass over the
 * unlabeled data ({@code ⌈N_u / batchSize⌉} steps; over the labeled data when there is none). The
 * classification weight is {@code α = alphaFraction · N} (eq. 9 of Kingma et al. 2014, who use
 * {@code alphaFraction = 0.1}), {@code N} the number of training examples.
 *
 * @param batchSize        unlabeled minibatch size
 * @param labeledBatchSize labeled minibatch size
 * @param epochs           number of epochs
 * @param learningRate     Adam's step size
 * @param alphaFraction    {@code α / N}, the weight of {@code E_labeled[log q(y|x)]} per training example
 * @param seed             seed of the shuffles and the draws of {@code ε}
 * @param listener         called after every epoch with the mean minibatch estimate of {@code J^α / N}
 */
public record SemiSupervisedVaeTraining(int batchSize, int labeledBatchSize, int epochs, double learningRate, double alphaFraction,
                                        long seed, EpochTrainer.EpochListener listener) {

    /** Validates every setting, naming it. */
    public SemiSupervisedVaeTraining {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (labeledBatchSize < 1) {
            throw new IllegalArgumentException("labeledBatchSize must be >= 1, got " + labeledBatchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(alphaFraction >= 0) || Double.isInfinite(alphaFraction)) {
            throw new IllegalArgumentException("alphaFraction must be finite and >= 0, got " + alphaFraction);
        }
        java.util.Objects.requireNonNull(listener, "listener");
    }

    /** The defaults: unlabeled batch 100, labeled batch 100, 20 epochs, Adam 3e-4 (the paper's), {@code α = 0.1 N}, seed 1. */
    public static SemiSupervisedVaeTraining defaults() {
        return new SemiSupervisedVaeTraining(100, 100, 20, 3e-4, 0.1, 1, (e, t, h, s) -> { });
    }

    /** With unlabeled minibatches of {@code b}. */
    public SemiSupervisedVaeTraining withBatchSize(int b) {
        return new SemiSupervisedVaeTraining(b, labeledBatchSize, epochs, learningRate, alphaFraction, seed, listener);
    }

    /** With labeled minibatches of {@code b}. */
    public SemiSupervisedVaeTraining withLabeledBatchSize(int b) {
        return new SemiSupervisedVaeTraining(batchSize, b, epochs, learningRate, alphaFraction, seed, listener);
    }

    /** With {@code n} epochs. */
    public SemiSupervisedVaeTraining withEpochs(int n) {
        return new SemiSupervisedVaeTraining(batchSize, labeledBatchSize, n, learningRate, alphaFraction, seed, listener);
    }

    /** With Adam's step size {@code lr}. */
    public SemiSupervisedVaeTraining withLearningRate(double lr) {
        return new SemiSupervisedVaeTraining(batchSize, labeledBatchSize, epochs, lr, alphaFraction, seed, listener);
    }

    /** With {@code α = fraction · N}. */
    public SemiSupervisedVaeTraining withAlphaFraction(double fraction) {
        return new SemiSupervisedVaeTraining(batchSize, labeledBatchSize, epochs, learningRate, fraction, seed, listener);
    }

    /** With the seed {@code s}. */
    public SemiSupervisedVaeTraining withSeed(long s) {
        return new SemiSupervisedVaeTraining(batchSize, labeledBatchSize, epochs, learningRate, alphaFraction, s, listener);
    }

    /** Calling {@code l} after every epoch (its held-out score is NaN). */
    public SemiSupervisedVaeTraining withListener(EpochTrainer.EpochListener l) {
        return new SemiSupervisedVaeTraining(batchSize, labeledBatchSize, epochs, learningRate, alphaFraction, seed, l);
    }
}
