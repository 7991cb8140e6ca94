package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.OptimizerState;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classification with a network of random weights and the softmax (categorical) likelihood
 * {@code p(y = k | x, W) = exp f_k(x; W) / Σ_j exp f_j(x; W)}, trained by Adam on minibatches of the
 * objective per training point {@code -(1/(S B)) Σ_s Σ_{n ∈ batch} log p(y_n | x_n, W_s) + R / N}:
 *
 * <ul>
 *   <li>{@link #of(BayesianMlp)}: variational inference, {@code R = KL(q || p)} (the negative ELBO over
 *       {@code N}, each minibatch an unbiased estimate of it; Blundell et al., ICML 2015, eq. 8 with
 *       equal weights), for either {@link WeightPosterior};</li>
 *   <li>{@link #mcDropout}: MC dropout, {@code R} the weight decay standing for the KL (Gal &amp;
 *       Ghahramani, ICML 2016, appendix);</li>
 *   <li>{@link #plain}: a plain network (no dropout), {@code R = -log N(W | 0, s² I)} up to a constant:
 *       the MAP estimate, a point.</li>
 * </ul>
 *
 * Each epoch visits the training points in a fresh random order in batches of {@code B} (the last one
 * shorter). Immutable settings: {@code with...} returns a copy.
 */
public final class BnnClassification {

    private final StochasticNetwork network;
    private final Adam optimizer;
    private final int batchSize;
    private final int particles;

    private BnnClassification(StochasticNetwork network, Adam optimizer, int batchSize, int particles) {
        this.network = network;
        this.optimizer = optimizer;
        this.batchSize = batchSize;
        this.particles = particles;
    }

    /**
     * Variational inference over the weights of {@code net} (its posterior family, prior and
     * estimator), Adam {@code 1e-3}, batches of 100, one draw per step.
     *
     * @throws IllegalArgumentException if the network has fewer than 2 outputs (classes)
     */
    public static BnnClassification of(BayesianMlp net) {
        int[] sizes = net.sizes();
        checkClasses(sizes);
        return new BnnClassification(StochasticNetwork.of(net), Adam.lr(1e-3), 100, 1);
    }

    /**
     * MC dropout with drop probability {@code p} in front of every layer after the first and the
     * {@code N(0, priorScale²)} prior's weight decay.
     *
     * @throws IllegalArgumentException if {@code p} is not in {@code (0, 1)}, {@code priorScale} is not
     *     finite and {@code > 0}, or the sizes are not at least 2, each {@code >= 1}, ending with
     *     {@code >= 2} classes
     */
    public static BnnClassification mcDropout(Activation activation, double p, double priorScale, int... sizes) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("BnnClassification dropout p must be in (0, 1), got " + p
                    + " (use plain(...) for a network without dropout)");
        }
        return network(activation, p, priorScale, sizes);
    }

    /**
     * A plain network fitted to the MAP estimate under the prior {@code N(0, priorScale²)} on every
     * weight and bias.
     *
     * @throws IllegalArgumentException as {@link #mcDropout} for the prior scale and sizes
     */
    public static BnnClassification plain(Activation activation, double priorScale, int... sizes) {
        return network(activation, 0.0, priorScale, sizes);
    }

    private static BnnClassification network(Activation activation, double p, double priorScale, int[] sizes) {
        if (!(priorScale > 0) || Double.isInfinite(priorScale)) {
            throw new IllegalArgumentException("BnnClassification prior scale must be finite and > 0, got " + priorScale);
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("BnnClassification sizes must be >= 1, got " + Arrays.toString(sizes));
            }
        }
        checkClasses(sizes);
        return new BnnClassification(new DropoutMlp(sizes, activation, p, priorScale), Adam.lr(1e-3), 100, 1);
    }

    private static void checkClasses(int[] sizes) {
        if (sizes.length < 2 || sizes[sizes.length - 1] < 2) {
            throw new IllegalArgumentException("BnnClassification sizes must be at least 2 and end with >= 2 classes, got "
                    + Arrays.toString(sizes));
        }
    }

    /** The same with another Adam. */
    public BnnClassification withOptimizer(Adam adam) {
        return new BnnClassification(network, adam, batchSize, particles);
    }

    /**
     * The same with minibatches of {@code size} points.
     *
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public BnnClassification withBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("BnnClassification batch size must be >= 1, got " + size);
        }
        return new BnnClassification(network, optimizer, size, particles);
    }

    /**
     * The same with {@code particles} draws per step.
     *
     * @throws IllegalArgumentException if {@code particles < 1}
     */
    public BnnClassification withParticles(int particles) {
        if (particles < 1) {
            throw new IllegalArgumentException("BnnClassification particles must be >= 1, got " + particles);
        }
        return new BnnClassification(network, optimizer, batchSize, particles);
    }

    /**
     * The softmax log-likelihood summed over draws and points,
     * {@code Σ_s Σ_n [f_{s,n,y_n} - log Σ_k exp f_{s,n,k}]}, for logits {@code [S, N, K]}.
     *
     * @throws IllegalArgumentException if the shapes do not fit or a label is outside {@code [0, K)}
     */
    public static Var logLikelihood(Var logits, int[] labels) {
        int[] s = logits.shape();
        if (s.length != 3 || s[1] != labels.length) {
            throw new IllegalArgumentException("BnnClassification logits must have shape [S, " + labels.length + ", K], got "
                    + Arrays.toString(s));
        }
        return logits.mul(oneHot(labels, s[2])).sum().sub(logits.logSumExp(2).sum());
    }

    static Tensor oneHot(int[] labels, int k) {
        double[] h = new double[labels.length * k];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("BnnClassification labels[" + i + "] = " + labels[i] + " must be in [0, " + k + ")");
            }
            h[i * k + labels[i]] = 1;
        }
        return Tensor.of(h, labels.length, k);
    }

    /**
     * Fits to {@code x} ({@code [N, in]}) and {@code labels} ({@code N} classes in {@code [0, K)}) by
     * {@code epochs} passes from the network's initialization (seeded by {@code seed}); the batch
     * order and the noise come from {@code RandomStream.of(seed).split(1)}.
     *
     * @throws IllegalArgumentException if the shapes do not fit, a label is out of range or {@code epochs < 1}
     * @throws ArithmeticException naming the step, if the objective is not finite
     */
    public ClassifierFit fit(Tensor x, int[] labels, int epochs, long seed) {
        int in = network.inputs();
        if (x.shape().length != 2 || x.dim(1) != in || x.dim(0) != labels.length) {
            throw new IllegalArgumentException("BnnClassification x must have shape [" + labels.length + ", " + in + "] (one row per label), got "
                    + Arrays.toString(x.shape()));
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("BnnClassification epochs must be >= 1, got " + epochs);
        }
        oneHot(labels, network.outputs());
        List<Tensor> init = network.init(seed);
        int k = init.size();
        double[][] values = new double[k][];
        int[][] shapes = new int[k][];
        int[] lengths = new int[k];
        for (int i = 0; i < k; i++) {
            values[i] = init.get(i).toArray();
            shapes[i] = init.get(i).shape();
            lengths[i] = values[i].length;
        }
        OptimizerState state = optimizer.init(lengths);
        RandomStream rng = RandomStream.of(seed).split(1);
        int n = labels.length;
        int perEpoch = (n + batchSize - 1) / batchSize;
        double[] trace = new double[epochs * perEpoch];
        double[][] grads = new double[k][];
        int step = 0;
        for (int e = 0; e < epochs; e++) {
            int[] order = permutation(n, rng);
            for (int b = 0; b < n; b += batchSize) {
                int[] rows = Arrays.copyOfRange(order, b, Math.min(n, b + batchSize));
                int[] y = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    y[i] = labels[rows[i]];
                }
                Tape tape = new Tape();
                List<Var> params = new ArrayList<>(k);
                for (int i = 0; i < k; i++) {
                    params.add(tape.variable(Tensor.of(values[i], shapes[i])));
                }
                Var logits = network.forward(params, Var.constant(x.indexSelect(0, rows)), particles, rng);
                Var loss = logLikelihood(logits, y).mul(-1.0 / (particles * rows.length))
                        .add(network.penalty(params, rng).mul(1.0 / n));
                double value = loss.item();
                if (!Double.isFinite(value)) {
                    throw new ArithmeticException("BnnClassification objective is " + value + " at step " + step + " (epoch " + e + ")");
                }
                trace[step++] = value;
                Gradients g = tape.gradient(loss, params.toArray(new Var[0]));
                for (int i = 0; i < k; i++) {
                    grads[i] = g.get(i).toArray();
                }
                optimizer.update(values, grads, state, 1.0);
            }
        }
        List<Tensor> fitted = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            fitted.add(Tensor.of(values[i], shapes[i]));
        }
        return new ClassifierFit(network, fitted, trace);
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates, Durstenfeld's form). */
    private static int[] permutation(int n, RandomStream rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) Math.floor(rng.nextDouble() * (i + 1));
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Override
    public String toString() {
        return "BnnClassification(" + network + ", " + optimizer + ", batch " + batchSize + ", " + particles + " particles)";
    }
}
