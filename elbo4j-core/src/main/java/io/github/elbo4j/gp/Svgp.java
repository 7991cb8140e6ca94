package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.Optimizer;
import io.github.elbo4j.optim.OptimizerState;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sparse variational GP (Hensman, Fusi &amp; Lawrence, "Gaussian processes for big data", UAI
 * 2013; Hensman, Matthews &amp; Ghahramani, "Scalable variational Gaussian process classification",
 * AISTATS 2015): {@code f ~ GP(0, k)}, {@code y_n ~ p(y | f(x_n))} with any {@link Likelihood},
 * {@code m} inducing inputs {@code Z} (learned or fixed) and the whitened variational family
 * {@code u = L v}, {@code q(v) = N(m, S Sᵀ)} (objective in {@code SvgpObjective}). Trained by
 * minibatch stochastic variational inference: each epoch visits the data in a fresh random order,
 * in batches of {@code B}; each step ascends the unbiased ELBO estimate whose data term is scaled by
 * {@code N/B}, with the project's {@link Optimizer} (Adam by default) on {@code m}, {@code S},
 * and, when learned, {@code Z} and the kernel's and likelihood's unconstrained hyperparameters.
 * Memory per step is {@code O(m² + mB)}, never {@code N×N}; time per epoch {@code O(N m²)}.
 *
 * <p>Immutable settings: each {@code with...} returns a copy. {@code q} starts at the prior,
 * {@code m = 0}, {@code S = I} (GPflow's default for the whitened case).
 */
public final class Svgp {

    private final Kernel kernel;
    private final Likelihood likelihood;
    private final Tensor inducing;
    private final boolean learnInducing;
    private final boolean learnHyperparameters;
    private final int batchSize;
    private final int epochs;
    private final Optimizer optimizer;
    private final double jitter;

    private Svgp(Kernel kernel, Likelihood likelihood, Tensor inducing, boolean learnInducing,
            boolean learnHyperparameters, int batchSize, int epochs, Optimizer optimizer, double jitter) {
        this.kernel = kernel;
        this.likelihood = likelihood;
        this.inducing = inducing;
        this.learnInducing = learnInducing;
        this.learnHyperparameters = learnHyperparameters;
        this.batchSize = batchSize;
        this.epochs = epochs;
        this.optimizer = optimizer;
        this.jitter = jitter;
    }

    /**
     * An SVGP with {@code kernel}, {@code likelihood} and initial inducing inputs {@code inducing}
     * ({@code [m, d]}); learns {@code Z} and the hyperparameters, batch size 256, 100 epochs, Adam
     * with learning rate 0.01, jitter {@code 1e-6} on {@code K_uu}.
     *
     * @throws IllegalArgumentException if {@code inducing} is not a finite {@code [m, d]} matrix or its
     *     {@code d} does not match the kernel's ARD dimension
     */
    public static Svgp of(Kernel kernel, Likelihood likelihood, Tensor inducing) {
        checkInducing("Svgp", inducing, inducing.rank() == 2 ? inducing.dim(1) : -1, kernel);
        return new Svgp(kernel, likelihood, inducing, true, true, 256, 100, Adam.lr(0.01), 1e-6);
    }

    /** The same with the inducing inputs held fixed ({@code learn = false}) or learned. */
    public Svgp withLearnedInducing(boolean learn) {
        return new Svgp(kernel, likelihood, inducing, learn, learnHyperparameters, batchSize, epochs, optimizer, jitter);
    }

    /** The same with the kernel's and likelihood's hyperparameters held fixed or learned. */
    public Svgp withLearnedHyperparameters(boolean learn) {
        return new Svgp(kernel, likelihood, inducing, learnInducing, learn, batchSize, epochs, optimizer, jitter);
    }

    /**
     * The same with minibatches of {@code batchSize} points.
     *
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public Svgp withBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("Svgp batch size must be >= 1, got " + batchSize);
        }
        return new Svgp(kernel, likelihood, inducing, learnInducing, learnHyperparameters, batchSize, epochs, optimizer,
                jitter);
    }

    /**
     * The same with {@code epochs} passes over the data.
     *
     * @throws IllegalArgumentException if {@code epochs < 1}
     */
    public Svgp withEpochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("Svgp epochs must be >= 1, got " + epochs);
        }
        return new Svgp(kernel, likelihood, inducing, learnInducing, learnHyperparameters, batchSize, epochs, optimizer,
                jitter);
    }

    /** The same with another optimizer. */
    public Svgp withOptimizer(Optimizer optimizer) {
        return new Svgp(kernel, likelihood, inducing, learnInducing, learnHyperparameters, batchSize, epochs, optimizer,
                jitter);
    }

    /**
     * The same with jitter {@code ε} added to the diagonal of {@code K_uu}.
     *
     * @throws IllegalArgumentException if {@code jitter} is negative or not finite
     */
    public Svgp withJitter(double jitter) {
        return new Svgp(kernel, likelihood, inducing, learnInducing, learnHyperparameters, batchSize, epochs, optimizer,
                Jitter.check("Svgp", jitter));
    }

    /**
     * Fits to inputs {@code x} ({@code [N, d]}) and targets {@code y} ({@code [N]}); the visiting order
     * of every epoch comes from {@code RandomStream.of(seed)}.
     *
     * @throws IllegalArgumentException on mismatched shapes or targets outside the likelihood's support
     * @throws ArithmeticException naming the step and the last finite ELBO if the objective is not finite
     */
    public SvgpFit fit(Tensor x, Tensor y, long seed) {
        ExactGp.checkData("Svgp", x, y);
        checkInducing("Svgp", inducing, x.dim(1), kernel);
        likelihood.checkTargets(y);
        int n = x.dim(0);
        int m = inducing.dim(0);
        List<double[]> values = new ArrayList<>();
        values.add(new double[m]);
        values.add(Tensor.eye(m).toArray());
        int hyper = -1;
        if (learnHyperparameters) {
            hyper = values.size();
            values.add(kernel.parameters().toArray());
            values.add(likelihood.parameters().toArray());
        }
        int z = -1;
        if (learnInducing) {
            z = values.size();
            values.add(inducing.toArray());
        }
        double[][] params = values.toArray(double[][]::new);
        int[] sizes = new int[params.length];
        for (int i = 0; i < params.length; i++) {
            sizes[i] = params[i].length;
        }
        OptimizerState state = optimizer.init(sizes);
        RandomStream order = RandomStream.of(seed);
        int batch = Math.min(batchSize, n);
        int stepsPerEpoch = (n + batch - 1) / batch;
        double[] trace = new double[epochs * stepsPerEpoch];
        double[][] grads = new double[params.length][];
        int[] perm = new int[n];
        int step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(perm, order);
            for (int start = 0; start < n; start += batch) {
                int[] idx = Arrays.copyOfRange(perm, start, Math.min(n, start + batch));
                Tape tape = new Tape();
                Var[] leaves = new Var[params.length];
                for (int i = 0; i < params.length; i++) {
                    leaves[i] = tape.variable(Tensor.of(params[i], shapeOf(i, hyper, z, m)));
                }
                Var ku = hyper >= 0 ? leaves[hyper] : Var.constant(kernel.parameters());
                Var lu = hyper >= 0 ? leaves[hyper + 1] : Var.constant(likelihood.parameters());
                Var zv = z >= 0 ? leaves[z] : Var.constant(inducing);
                Var elbo = SvgpObjective.elbo(kernel, likelihood, ku, lu, zv, leaves[0], leaves[1],
                        x.indexSelect(0, idx), y.indexSelect(0, idx), (double) n / idx.length, jitter);
                double value = elbo.item();
                if (!Double.isFinite(value)) {
                    throw new ArithmeticException("Svgp ELBO is " + value + " at step " + step + " (epoch " + epoch
                            + "); last finite ELBO " + (step > 0 ? trace[step - 1] : Double.NaN)
                            + ": lower the learning rate or raise the jitter");
                }
                trace[step++] = value;
                Gradients g = tape.gradient(elbo.neg(), leaves);
                for (int i = 0; i < params.length; i++) {
                    grads[i] = g.get(i).toArray();
                }
                optimizer.update(params, grads, state, 1.0);
            }
        }
        Kernel k = hyper >= 0 ? kernel.withParameters(Tensor.of(params[hyper])) : kernel;
        Likelihood lik = hyper >= 0 ? likelihood.withParameters(Tensor.of(params[hyper + 1])) : likelihood;
        Tensor zf = z >= 0 ? Tensor.of(params[z], inducing.shape()) : inducing;
        Tensor scale = io.github.elbo4j.tensor.LinearAlgebra.tril(Tensor.of(params[1], m, m), 0);
        return new SvgpFit(k, lik, zf, Tensor.of(params[0]), scale, jitter, trace);
    }

    private int[] shapeOf(int i, int hyper, int z, int m) {
        if (i == 0) {
            return new int[] {m};
        }
        if (i == 1) {
            return new int[] {m, m};
        }
        if (i == z) {
            return inducing.shape();
        }
        return new int[] {i == hyper ? kernel.parameterCount() : likelihood.parameterCount()};
    }

    /** A fresh uniform permutation of {@code 0..n-1} into {@code perm} (Fisher-Yates). */
    private static void shuffle(int[] perm, RandomStream rng) {
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        for (int i = perm.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
    }

    /**
     * Checks inducing inputs: a finite {@code [m, d]} matrix, {@code m >= 1}, with {@code d} the data's
     * columns and the kernel's ARD dimension.
     *
     * @throws IllegalArgumentException naming both shapes
     */
    static void checkInducing(String owner, Tensor z, int columns, Kernel kernel) {
        if (z.rank() != 2 || z.dim(0) < 1) {
            throw new IllegalArgumentException(owner + " inducing inputs must have shape [m, d] with m >= 1, got "
                    + Arrays.toString(z.shape()));
        }
        if (z.dim(1) != columns) {
            throw new IllegalArgumentException(owner + " inducing inputs have " + z.dim(1)
                    + " columns but the inputs x have " + columns + " (inducing shape " + Arrays.toString(z.shape())
                    + ")");
        }
        if (kernel.inputDimension().isPresent() && kernel.inputDimension().getAsInt() != z.dim(1)) {
            throw new IllegalArgumentException(owner + " inducing inputs have " + z.dim(1) + " columns but the kernel "
                    + kernel + " has " + kernel.inputDimension().getAsInt() + " ARD lengthscales");
        }
        if (!z.allFinite()) {
            throw new IllegalArgumentException(owner + " inducing inputs must be finite");
        }
    }

    @Override
    public String toString() {
        return "Svgp(" + kernel + ", " + likelihood + ", m=" + inducing.dim(0) + ", batch " + batchSize + ", "
                + epochs + " epochs, " + optimizer + ")";
    }
}
