package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.nn.Dropout;
import io.github.elbo4j.nn.Init;
import io.github.elbo4j.nn.Linear;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.OptimizerState;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MC dropout for regression (Gal &amp; Ghahramani, ICML 2016): an MLP with {@link Dropout} on the
 * input of every layer after the first, kept on at prediction time, so that {@code T} stochastic
 * passes are draws from the approximate posterior predictive. Trained by Adam, full batch, on
 * {@code Σ_n (y_n - f(x_n))²/(2σ²) + Σ_l [(1-p_l) ||W_l||² + ||b_l||²] / (2 s²)}: the Gaussian
 * likelihood with the fixed noise sd {@code σ} and the KL approximation of the paper's appendix
 * (section 3.2 of Gal's thesis, 2016) for a {@code N(0, s²)} prior, {@code p_l} being the drop
 * probability in front of layer {@code l} (0 for the first). Immutable settings.
 */
public final class McDropout {

    private final int[] sizes;
    private final Activation activation;
    private final Dropout dropout;
    private final double noiseSd;
    private final double priorScale;
    private final Adam optimizer;
    private final boolean learnNoise;

    private McDropout(int[] sizes, Activation activation, Dropout dropout, double noiseSd, double priorScale, Adam optimizer,
            boolean learnNoise) {
        this.sizes = sizes;
        this.activation = activation;
        this.dropout = dropout;
        this.noiseSd = noiseSd;
        this.priorScale = priorScale;
        this.optimizer = optimizer;
        this.learnNoise = learnNoise;
    }

    /**
     * An MLP {@code sizes[0] -> ... -> 1} with drop probability {@code p}, the noise sd {@code noiseSd},
     * the weight prior {@code N(0, 1)} and Adam {@code 1e-2}.
     *
     * @throws IllegalArgumentException if fewer than two sizes, a size {@code < 1}, an output other
     *     than 1, {@code p} outside {@code [0, 1)} or {@code noiseSd} not finite and {@code > 0}
     */
    public static McDropout of(Activation activation, double p, double noiseSd, int... sizes) {
        if (sizes.length < 2 || sizes[sizes.length - 1] != 1) {
            throw new IllegalArgumentException("McDropout sizes must be at least 2 and end with 1 output, got "
                    + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("McDropout sizes must be >= 1, got " + Arrays.toString(sizes));
            }
        }
        if (!(noiseSd > 0) || Double.isInfinite(noiseSd)) {
            throw new IllegalArgumentException("McDropout noiseSd must be finite and > 0, got " + noiseSd);
        }
        return new McDropout(sizes.clone(), activation, Dropout.of(p), noiseSd, 1.0, Adam.lr(1e-2), false);
    }

    /**
     * The same with the prior {@code N(0, s²)} on every weight and bias.
     *
     * @throws IllegalArgumentException if {@code s} is not finite and {@code > 0}
     */
    public McDropout withPriorScale(double s) {
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("McDropout prior scale must be finite and > 0, got " + s);
        }
        return new McDropout(sizes, activation, dropout, noiseSd, s, optimizer, learnNoise);
    }

    /** The same with another Adam. */
    public McDropout withOptimizer(Adam adam) {
        return new McDropout(sizes, activation, dropout, noiseSd, priorScale, adam, learnNoise);
    }

    /**
     * The same with the noise sd a point estimate {@code σ = exp(log σ)} learned with the weights from
     * {@code initialNoiseSd}: the objective gains {@code N log σ} (the Gaussian's normalizer), and
     * {@link #fit} appends the scalar {@code log σ} to the weights it returns, which {@link #predict} reads.
     *
     * @throws IllegalArgumentException if {@code initialNoiseSd} is not finite and {@code > 0}
     */
    public McDropout withLearnedNoise(double initialNoiseSd) {
        if (!(initialNoiseSd > 0) || Double.isInfinite(initialNoiseSd)) {
            throw new IllegalArgumentException("McDropout initial noise sd must be finite and > 0, got " + initialNoiseSd);
        }
        return new McDropout(sizes, activation, dropout, initialNoiseSd, priorScale, optimizer, true);
    }

    /**
     * The network's output at {@code x} ({@code [N, in]}) for weights {@code params} (weight then bias
     * of each layer), with dropout masks from {@code rng}: {@code [N]}.
     */
    public Var forward(List<Var> params, Var x, RandomStream rng) {
        Var h = x;
        int layers = sizes.length - 1;
        for (int k = 0; k < layers; k++) {
            if (k > 0) {
                h = dropout.forward(activation.apply(h), rng, true);
            }
            h = h.matmul(params.get(2 * k)).add(params.get(2 * k + 1));
        }
        return h.reshape(-1);
    }

    /**
     * Fits to {@code x} ({@code [N, in]}) and {@code y} ({@code [N]}) by {@code steps} Adam steps from
     * PyTorch's default initialization ({@link Init#PYTORCH_DEFAULT}, seeded by {@code seed}); the
     * masks come from {@code RandomStream.of(seed).split(1)}. Returns the weights, weight then bias of
     * each layer, then the scalar {@code log σ} if the noise is learned.
     *
     * @throws IllegalArgumentException if the shapes do not fit or {@code steps < 1}
     */
    public List<Tensor> fit(Tensor x, Tensor y, int steps, long seed) {
        if (x.shape().length != 2 || x.dim(1) != sizes[0] || y.shape().length != 1 || y.dim(0) != x.dim(0)) {
            throw new IllegalArgumentException("McDropout fit needs x [N, " + sizes[0] + "] and y [N], got "
                    + Arrays.toString(x.shape()) + " and " + Arrays.toString(y.shape()));
        }
        if (steps < 1) {
            throw new IllegalArgumentException("McDropout steps must be >= 1, got " + steps);
        }
        int layers = sizes.length - 1;
        int count = 2 * layers + (learnNoise ? 1 : 0);
        double[][] values = new double[count][];
        int[][] shapes = new int[count][];
        int[] lengths = new int[count];
        for (int k = 0; k < layers; k++) {
            Linear l = Linear.of("mcdropout." + k, sizes[k], sizes[k + 1], Init.PYTORCH_DEFAULT, seed + k);
            values[2 * k] = l.weightInit().toArray();
            values[2 * k + 1] = l.biasInit().toArray();
            shapes[2 * k] = l.weightInit().shape();
            shapes[2 * k + 1] = l.biasInit().shape();
        }
        if (learnNoise) {
            values[count - 1] = new double[] {Math.log(noiseSd)};
            shapes[count - 1] = new int[0];
        }
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = values[i].length;
        }
        OptimizerState state = optimizer.init(lengths);
        RandomStream rng = RandomStream.of(seed).split(1);
        Var xs = Var.constant(x);
        double[][] grads = new double[values.length][];
        double inv = 0.5 / (priorScale * priorScale);
        for (int t = 0; t < steps; t++) {
            Tape tape = new Tape();
            Var[] leaves = new Var[values.length];
            for (int i = 0; i < values.length; i++) {
                leaves[i] = tape.variable(Tensor.of(values[i], shapes[i]));
            }
            List<Var> params = Arrays.asList(leaves).subList(0, 2 * layers);
            Var residual = forward(params, xs, rng).sub(y);
            Var loss;
            if (learnNoise) {
                Var logSigma = leaves[count - 1];
                loss = residual.mul(logSigma.neg().exp()).square().sum().mul(0.5).add(logSigma.mul(y.size()));
            } else {
                loss = residual.square().sum().mul(0.5 / (noiseSd * noiseSd));
            }
            for (int k = 0; k < layers; k++) {
                double keep = k == 0 ? 1.0 : 1.0 - dropout.p();
                loss = loss.add(leaves[2 * k].square().sum().mul(keep * inv)).add(leaves[2 * k + 1].square().sum().mul(inv));
            }
            if (!Double.isFinite(loss.item())) {
                throw new ArithmeticException("McDropout objective is " + loss.item() + " at step " + t);
            }
            Gradients g = tape.gradient(loss, leaves);
            for (int i = 0; i < values.length; i++) {
                grads[i] = g.get(i).toArray();
            }
            optimizer.update(values, grads, state, 1.0);
        }
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(Tensor.of(values[i], shapes[i]));
        }
        return List.copyOf(out);
    }

    /**
     * The predictive from {@code passes} stochastic forward passes at {@code x} with the fitted
     * {@code weights}, dropout on, masks from {@code rng}: {@code f_t(x)}, {@code t = 1..T}, with the
     * noise sd {@code σ} (fixed, or the learned one at the end of {@code weights}).
     *
     * @throws IllegalArgumentException if {@code passes < 2} or {@code weights} is not what {@link #fit} returns
     */
    public Predictive predict(List<Tensor> weights, Tensor x, int passes, RandomStream rng) {
        if (passes < 2) {
            throw new IllegalArgumentException("McDropout predict passes must be >= 2, got " + passes);
        }
        int layers = sizes.length - 1;
        if (weights.size() != 2 * layers + (learnNoise ? 1 : 0)) {
            throw new IllegalArgumentException("McDropout predict weights must hold " + (2 * layers + (learnNoise ? 1 : 0))
                    + " tensors (weight and bias per layer" + (learnNoise ? ", then log σ" : "") + "), got " + weights.size());
        }
        List<Var> params = new ArrayList<>();
        for (int i = 0; i < 2 * layers; i++) {
            params.add(Var.constant(weights.get(i)));
        }
        double sd = learnNoise ? Math.exp(weights.get(2 * layers).item()) : noiseSd;
        Var xs = Var.constant(x);
        int n = x.dim(0);
        double[] f = new double[passes * n];
        for (int t = 0; t < passes; t++) {
            System.arraycopy(forward(params, xs, rng).value().toArray(), 0, f, t * n, n);
        }
        return Predictive.of(Tensor.of(f, passes, n), sd);
    }

    /** The drop probability. */
    public double dropProbability() {
        return dropout.p();
    }

    @Override
    public String toString() {
        return "McDropout(" + Arrays.toString(sizes) + ", " + activation + ", p = " + dropout.p() + ", noise sd "
                + (learnNoise ? "learned from " : "") + noiseSd + ", prior sd " + priorScale + ")";
    }
}
