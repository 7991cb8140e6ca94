package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A multilayer perceptron of Bayesian dense layers with an activation between them (none after
 * the last), a {@link WeightPosterior} family for the weights ({@link BayesLinear}'s factorised
 * Gaussian by default, or {@link MatrixGaussianLinear}'s matrix-variate Gaussian), a
 * {@link WeightPrior} on every weight and bias, and the estimator of the forward pass (weight sampling
 * or the local reparameterization trick). Immutable: {@code with...} returns a copy.
 *
 * <p>The variational parameters are a list of four tensors per layer, in the order the posterior
 * family names: {@code μ_W [in, out], ρ_W [in, out], μ_b [out], ρ_b [out]} (factorised,
 * {@code σ = softplus(ρ)}) or {@code M [in+1, out], ρ_A [in+1], L [out, out], ρ_B [out]}
 * (matrix Gaussian).
 */
public final class BayesianMlp {

    private final int[] sizes;
    private final Activation activation;
    private final WeightPrior prior;
    private final boolean local;
    private final double initialLocScale;
    private final double initialRho;
    private final WeightPosterior posterior;
    private final List<BayesLinear> layers;
    private final List<MatrixGaussianLinear> matrixLayers;

    private BayesianMlp(int[] sizes, Activation activation, WeightPrior prior, boolean local, double initialLocScale,
            double initialRho, WeightPosterior posterior) {
        if (posterior == WeightPosterior.MATRIX_GAUSSIAN && !(prior instanceof NormalPrior)) {
            throw new IllegalArgumentException("BayesianMlp posterior MATRIX_GAUSSIAN needs a NormalPrior (its KL is in "
                    + "closed form), got " + prior + "; use FACTORISED_GAUSSIAN for this prior");
        }
        this.posterior = posterior;
        this.sizes = sizes;
        this.activation = activation;
        this.prior = prior;
        this.local = local;
        this.initialLocScale = initialLocScale;
        this.initialRho = initialRho;
        List<BayesLinear> l = new ArrayList<>();
        List<MatrixGaussianLinear> m = new ArrayList<>();
        for (int k = 0; k + 1 < sizes.length; k++) {
            l.add(BayesLinear.of(sizes[k], sizes[k + 1]));
            m.add(MatrixGaussianLinear.of(sizes[k], sizes[k + 1]));
        }
        this.layers = List.copyOf(l);
        this.matrixLayers = List.copyOf(m);
    }

    /**
     * A network {@code sizes[0] -> sizes[1] -> ... }, the prior {@code N(0, 1)}, weight sampling,
     * initial {@code μ ~ N(0, 0.1²)} and {@code ρ = -5} (the peers' settings).
     *
     * @throws IllegalArgumentException if there are fewer than two sizes or one is {@code < 1}
     */
    public static BayesianMlp of(Activation activation, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("BayesianMlp needs at least 2 sizes (input and output), got "
                    + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("BayesianMlp sizes must be >= 1, got " + Arrays.toString(sizes));
            }
        }
        return new BayesianMlp(sizes.clone(), activation, NormalPrior.of(1.0), false, 0.1, -5.0,
                WeightPosterior.FACTORISED_GAUSSIAN);
    }

    /**
     * The same network with another prior.
     *
     * @throws IllegalArgumentException if the posterior is {@link WeightPosterior#MATRIX_GAUSSIAN} and
     *     the prior is not a {@link NormalPrior}
     */
    public BayesianMlp withPrior(WeightPrior prior) {
        return new BayesianMlp(sizes, activation, prior, local, initialLocScale, initialRho, posterior);
    }

    /** The same network with the local reparameterization trick on ({@code true}) or weight sampling. */
    public BayesianMlp withLocalReparameterization(boolean on) {
        return new BayesianMlp(sizes, activation, prior, on, initialLocScale, initialRho, posterior);
    }

    /**
     * The same network with another posterior family.
     *
     * @throws IllegalArgumentException if {@code posterior} is {@link WeightPosterior#MATRIX_GAUSSIAN}
     *     and the prior is not a {@link NormalPrior}
     */
    public BayesianMlp withPosterior(WeightPosterior posterior) {
        return new BayesianMlp(sizes, activation, prior, local, initialLocScale, initialRho, posterior);
    }

    /**
     * The same network with initial means drawn from {@code N(0, locScale²)} and every {@code ρ}
     * set to {@code rho}.
     *
     * @throws IllegalArgumentException if {@code locScale < 0} or a value is not finite
     */
    public BayesianMlp withInit(double locScale, double rho) {
        if (!(locScale >= 0) || Double.isInfinite(locScale)) {
            throw new IllegalArgumentException("BayesianMlp init locScale must be finite and >= 0, got " + locScale);
        }
        if (!Double.isFinite(rho)) {
            throw new IllegalArgumentException("BayesianMlp init rho must be finite, got " + rho);
        }
        return new BayesianMlp(sizes, activation, prior, local, locScale, rho, posterior);
    }

    /**
     * Initial variational parameters: for each layer, {@code μ_W} then {@code μ_b} drawn from
     * {@code N(0, locScale²)} with a stream seeded by {@code seed}; every {@code ρ} constant. For the
     * matrix Gaussian, {@code M = [μ_W; μ_b]} (the same draws), {@code L = 0} and
     * {@code ρ_A = ρ_B = softplus⁻¹(sqrt(softplus(ρ)))}, so that every weight starts with the same sd
     * {@code a_i B_jj = softplus(ρ)} as in the factorised family.
     */
    public List<Tensor> init(long seed) {
        RandomStream rng = RandomStream.of(seed);
        List<Tensor> out = new ArrayList<>();
        if (posterior == WeightPosterior.MATRIX_GAUSSIAN) {
            double half = Math.sqrt(Math.log1p(Math.exp(initialRho)));
            double rho = Math.log(Math.expm1(half));
            for (BayesLinear l : layers) {
                double[] w = new double[(l.in() + 1) * l.out()];
                rng.fillGaussian(w);
                out.add(Tensor.of(w, l.in() + 1, l.out()).mul(initialLocScale));
                out.add(Tensor.full(rho, l.in() + 1));
                out.add(Tensor.zeros(l.out(), l.out()));
                out.add(Tensor.full(rho, l.out()));
            }
            return List.copyOf(out);
        }
        for (BayesLinear l : layers) {
            double[] w = new double[l.in() * l.out()];
            double[] b = new double[l.out()];
            rng.fillGaussian(w);
            rng.fillGaussian(b);
            out.add(Tensor.of(w, l.in(), l.out()).mul(initialLocScale));
            out.add(Tensor.full(initialRho, l.in(), l.out()));
            out.add(Tensor.of(b, l.out()).mul(initialLocScale));
            out.add(Tensor.full(initialRho, l.out()));
        }
        return List.copyOf(out);
    }

    /**
     * {@code S = particles} draws of the network's output at {@code x} ({@code [N, in]}):
     * shape {@code [S, N, out]}; each layer draws from {@code rng} as {@link BayesLinear#forward}
     * says, first layer first.
     *
     * @throws IllegalArgumentException if {@code params} is not four tensors per layer of the
     *     layer's shapes, or {@code x} is not {@code [N, in]}
     */
    public Var forward(List<Var> params, Var x, int particles, RandomStream rng) {
        checkCount(params.size());
        Var h = x;
        for (int k = 0; k < layers.size(); k++) {
            Var p0 = params.get(4 * k);
            Var p1 = params.get(4 * k + 1);
            Var p2 = params.get(4 * k + 2);
            Var p3 = params.get(4 * k + 3);
            h = switch (posterior) {
                case FACTORISED_GAUSSIAN -> layers.get(k).forward(h, p0, p1, p2, p3, particles, rng, local);
                case MATRIX_GAUSSIAN -> matrixLayers.get(k).forward(h, p0, p1, p2, p3, particles, rng, local);
            };
            if (k + 1 < layers.size()) {
                h = activation.apply(h);
            }
        }
        return h;
    }

    /**
     * {@code KL(q || p)} summed over every weight and bias: exact or estimated, as the prior says
     * (factorised), or {@link MatrixGaussianLinear#klDivergence}'s closed form per layer.
     */
    public Var klDivergence(List<Var> params, RandomStream rng) {
        checkCount(params.size());
        Var kl = null;
        for (int k = 0; k < layers.size(); k++) {
            Var layerKl;
            if (posterior == WeightPosterior.MATRIX_GAUSSIAN) {
                layerKl = matrixLayers.get(k).klDivergence(params.get(4 * k), params.get(4 * k + 1), params.get(4 * k + 2),
                        params.get(4 * k + 3), (NormalPrior) prior);
            } else {
                Var w = prior.klDivergence(params.get(4 * k), params.get(4 * k + 1).softplus(), rng);
                Var b = prior.klDivergence(params.get(4 * k + 2), params.get(4 * k + 3).softplus(), rng);
                layerKl = w.add(b);
            }
            kl = kl == null ? layerKl : kl.add(layerKl);
        }
        return kl;
    }

    private void checkCount(int n) {
        if (n != 4 * layers.size()) {
            throw new IllegalArgumentException("BayesianMlp params must hold 4 tensors per layer (" + 4 * layers.size()
                    + " for " + layers.size() + " layers), got " + n);
        }
    }

    /** The layer sizes, input first. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** The layers as factorised layers (their sizes; the matrix-Gaussian family uses {@link MatrixGaussianLinear} of the same sizes). */
    public List<BayesLinear> layers() {
        return layers;
    }

    /** The activation between layers. */
    public Activation activation() {
        return activation;
    }

    /** The prior of every weight and bias. */
    public WeightPrior prior() {
        return prior;
    }

    /** The posterior family of the weights. */
    public WeightPosterior posterior() {
        return posterior;
    }

    /** Whether the forward pass uses the local reparameterization trick. */
    public boolean localReparameterization() {
        return local;
    }

    @Override
    public String toString() {
        return "BayesianMlp(" + Arrays.toString(sizes) + ", " + activation + ", " + posterior + ", " + prior
                + (local ? ", local reparameterization)" : ", weight sampling)");
    }
}
