package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.OptimizerState;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bayes by Backprop for regression (Blundell, Cornebise, Kavukcuoglu &amp; Wierstra, ICML 2015):
 * {@code y_n ~ N(f(x_n; W), σ²)} with a {@link BayesianMlp} {@code f} of one output, trained by
 * Adam on the negative ELBO
 * {@code -(1/S) Σ_s Σ_n log N(y_n | f(x_n; W_s), σ²) + KL(q || p)}, full batch, {@code S} draws
 * per step. The noise sd is fixed, or a point estimate {@code σ = exp(log σ)} learned with the rest.
 *
 * <p>Each step records the objective on a fresh {@link Tape} and steps the parameters' arrays in
 * place with {@link Adam}: no model context, trace or handler. Immutable settings: {@code with...}
 * returns a copy.
 */
public final class BnnRegression {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final BayesianMlp network;
    private final double noiseSd;
    private final boolean learnNoise;
    private final Adam optimizer;
    private final int particles;

    private BnnRegression(BayesianMlp network, double noiseSd, boolean learnNoise, Adam optimizer, int particles) {
        this.network = network;
        this.noiseSd = noiseSd;
        this.learnNoise = learnNoise;
        this.optimizer = optimizer;
        this.particles = particles;
    }

    /**
     * Regression with {@code network} (one output) and the fixed noise sd {@code noiseSd}; Adam with
     * learning rate {@code 1e-2}, one draw per step.
     *
     * @throws IllegalArgumentException if the network's output is not one unit or {@code noiseSd} is
     *     not finite and {@code > 0}
     */
    public static BnnRegression of(BayesianMlp network, double noiseSd) {
        int[] sizes = network.sizes();
        if (sizes[sizes.length - 1] != 1) {
            throw new IllegalArgumentException("BnnRegression network must have 1 output, got sizes "
                    + Arrays.toString(sizes));
        }
        checkNoise(noiseSd);
        return new BnnRegression(network, noiseSd, false, Adam.lr(1e-2), 1);
    }

    /** The same with the noise sd learned as a point estimate, starting from {@code initialNoiseSd}. */
    public BnnRegression withLearnedNoise(double initialNoiseSd) {
        checkNoise(initialNoiseSd);
        return new BnnRegression(network, initialNoiseSd, true, optimizer, particles);
    }

    /** The same with another Adam. */
    public BnnRegression withOptimizer(Adam adam) {
        return new BnnRegression(network, noiseSd, learnNoise, adam, particles);
    }

    /**
     * The same with {@code particles} draws per step.
     *
     * @throws IllegalArgumentException if {@code particles < 1}
     */
    public BnnRegression withParticles(int particles) {
        if (particles < 1) {
            throw new IllegalArgumentException("BnnRegression particles must be >= 1, got " + particles);
        }
        return new BnnRegression(network, noiseSd, learnNoise, optimizer, particles);
    }

    /**
     * Fits to inputs {@code x} ({@code [N, in]}) and targets {@code y} ({@code [N]}) by {@code steps}
     * Adam steps from {@code network.init(seed)}, drawing the noise of every step from
     * {@code RandomStream.of(seed).split(1)}.
     *
     * @throws IllegalArgumentException if the shapes do not fit or {@code steps < 1}
     * @throws ArithmeticException naming the step and the last finite ELBO, if the objective is not finite
     */
    public BnnFit fit(Tensor x, Tensor y, int steps, long seed) {
        int in = network.sizes()[0];
        if (x.shape().length != 2 || x.dim(1) != in) {
            throw new IllegalArgumentException("BnnRegression x must have shape [N, " + in + "], got "
                    + Arrays.toString(x.shape()));
        }
        if (y.shape().length != 1 || y.dim(0) != x.dim(0)) {
            throw new IllegalArgumentException("BnnRegression y must have shape [" + x.dim(0) + "], got "
                    + Arrays.toString(y.shape()));
        }
        if (steps < 1) {
            throw new IllegalArgumentException("BnnRegression steps must be >= 1, got " + steps);
        }
        List<Tensor> init = network.init(seed);
        int k = init.size();
        double[][] values = new double[k + 1][];
        int[][] shapes = new int[k + 1][];
        for (int i = 0; i < k; i++) {
            values[i] = init.get(i).toArray();
            shapes[i] = init.get(i).shape();
        }
        values[k] = new double[] {Math.log(noiseSd)};
        shapes[k] = new int[0];
        int count = learnNoise ? k + 1 : k;
        double[][] stepped = Arrays.copyOf(values, count);
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = values[i].length;
        }
        OptimizerState state = optimizer.init(sizes);
        RandomStream rng = RandomStream.of(seed).split(1);
        Var xs = Var.constant(x);
        double[] trace = new double[steps];
        double[][] grads = new double[count][];
        for (int t = 0; t < steps; t++) {
            Tape tape = new Tape();
            Var[] leaves = new Var[count];
            List<Var> params = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                leaves[i] = tape.variable(Tensor.of(values[i], shapes[i]));
                params.add(leaves[i]);
            }
            Var logSigma = learnNoise ? tape.variable(Tensor.scalar(values[k][0])) : Var.constant(values[k][0]);
            if (learnNoise) {
                leaves[k] = logSigma;
            }
            Var negElbo = negativeElbo(params, xs, y, logSigma, rng);
            double value = negElbo.item();
            if (!Double.isFinite(value)) {
                throw new ArithmeticException("BnnRegression objective is " + value + " at step " + t
                        + "; last finite ELBO " + (t > 0 ? trace[t - 1] : Double.NaN));
            }
            trace[t] = -value;
            Gradients g = tape.gradient(negElbo, leaves);
            for (int i = 0; i < count; i++) {
                grads[i] = g.get(i).toArray();
            }
            optimizer.update(stepped, grads, state, 1.0);
        }
        List<Tensor> fitted = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            fitted.add(Tensor.of(values[i], shapes[i]));
        }
        return new BnnFit(network, fitted, Math.exp(values[k][0]), trace);
    }

    /**
     * The one-batch estimate of the negative ELBO,
     * {@code -(1/S) Σ_s Σ_n [-(y_n - f_sn)²/(2σ²) - log σ - log(2π)/2] + KL(q || p)}, at the
     * parameters {@code params} (four per layer, as {@link BayesianMlp} orders them) and {@code log σ}.
     */
    public Var negativeElbo(List<Var> params, Var x, Tensor y, Var logSigma, RandomStream rng) {
        Var f = network.forward(params, x, particles, rng).reshape(particles, -1);
        Var z = f.sub(y).mul(logSigma.neg().exp());
        double n = y.size();
        Var logLik = z.square().sum().mul(-0.5 / particles).sub(logSigma.mul(n)).sub(n * HALF_LOG_TWO_PI);
        return network.klDivergence(params, rng).sub(logLik);
    }

    private static void checkNoise(double sd) {
        if (!(sd > 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("BnnRegression noise sd must be finite and > 0, got " + sd);
        }
    }

    /** The network. */
    public BayesianMlp network() {
        return network;
    }

    @Override
    public String toString() {
        return "BnnRegression(" + network + ", noise sd " + (learnNoise ? "learned from " : "") + noiseSd + ", "
                + optimizer + ", " + particles + " particles)";
    }
}
