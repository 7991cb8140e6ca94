package io.github.elbo4j.nn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A masked autoencoder for distribution estimation (MADE; Germain, Gregor, Murray &amp; Larochelle,
 * ICML 2015): an MLP from {@code [..., d]} to {@code [..., k d]} whose weights are multiplied by
 * constant 0/1 masks so that output {@code i} depends only on inputs {@code j < i} (0-based): the
 * autoregressive conditioner of an inverse autoregressive flow (Kingma et al., NeurIPS 2016), e.g.
 * with {@code k = 2} for a shift and a log-scale per dimension.
 *
 * <p><b>Degrees</b> (the paper's sec. 4, deterministic variant): input {@code j} has degree
 * {@code j + 1} (natural order), hidden unit {@code u} of every hidden layer has degree
 * {@code (u mod (d - 1)) + 1}, cycling through {@code 1..d-1}, and output column {@code c} has degree
 * {@code (c mod d) + 1}. A weight from a unit of degree {@code a} to a hidden unit of degree {@code b}
 * is kept when {@code b >= a} (eq. 12), to an output of degree {@code b} when {@code b > a}
 * (eq. 13), so output degree {@code i + 1} sees exactly the inputs of degree {@code <= i}.
 *
 * <p><b>Layout.</b> The output's last axis holds {@code k} blocks of {@code d}: column
 * {@code c = j d + i} is parameter {@code j} of dimension {@code i}; {@code out.reshape(..., k, d)}
 * separates them. Layer {@code l} is the masked {@link Linear} {@code name + "." + l}, seeded by
 * {@code RandomStream.of(seed).split(l).seed()}; the masks are built once, with the layers.
 * A hidden layer narrower than {@code d - 1} lacks some degrees, and then the outputs cannot see
 * the inputs of those degrees (still autoregressive).
 */
public final class Made implements Layer {

    private final String name;
    private final int dim;
    private final int multiplier;
    private final Activation activation;
    private final List<Linear> layers;

    private Made(String name, int dim, int multiplier, Activation activation, List<Linear> layers) {
        this.name = name;
        this.dim = dim;
        this.multiplier = multiplier;
        this.activation = activation;
        this.layers = List.copyOf(layers);
    }

    /**
     * A MADE for dimension {@code dim} with ReLU hidden layers of the given sizes and {@code multiplier}
     * outputs per dimension, PyTorch's default initialization seeded by {@link Linear#seedOf(String)
     * Linear.seedOf(name)}; e.g. {@code Made.of("iaf", 5, 2, 40, 40)}.
     *
     * @throws IllegalArgumentException if {@code dim < 2}, {@code multiplier < 1} or a hidden size is below 1
     */
    public static Made of(String name, int dim, int multiplier, int... hidden) {
        return of(name, dim, multiplier, Activation.RELU, Init.PYTORCH_DEFAULT, Linear.seedOf(name), hidden);
    }

    /**
     * A MADE with {@code activation} after every hidden layer and weights drawn by {@code init},
     * layer {@code l} from the seed {@code RandomStream.of(seed).split(l).seed()}.
     *
     * @throws IllegalArgumentException if {@code dim < 2}, {@code multiplier < 1} or a hidden size is below 1
     */
    public static Made of(String name, int dim, int multiplier, Activation activation, Init init, long seed, int... hidden) {
        if (dim < 2) {
            throw new IllegalArgumentException("Made '" + name + "' dim must be >= 2 (one input has nothing to condition on), got " + dim);
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("Made '" + name + "' multiplier must be >= 1, got " + multiplier);
        }
        for (int l = 0; l < hidden.length; l++) {
            if (hidden[l] < 1) {
                throw new IllegalArgumentException("Made '" + name + "' hidden[" + l + "] must be >= 1, got " + hidden[l]
                        + " in " + Arrays.toString(hidden));
            }
        }
        RandomStream root = RandomStream.of(seed);
        List<Linear> layers = new ArrayList<>();
        int[] below = inputDegrees(dim);
        for (int l = 0; l <= hidden.length; l++) {
            boolean output = l == hidden.length;
            int[] above = output ? outputDegrees(dim, multiplier) : hiddenDegrees(dim, hidden[l]);
            Tensor mask = mask(below, above, output);
            layers.add(Linear.masked(name + "." + l, below.length, above.length, init, root.split(l).seed(), mask));
            below = above;
        }
        return new Made(name, dim, multiplier, activation, layers);
    }

    /** Outputs {@code [..., multiplier · dim]} of {@code x} {@code [..., dim]}; column {@code j d + i} depends on {@code x[..., :i]} only. */
    @Override
    public Var forward(ModelContext m, Var x) {
        Var h = x;
        for (int l = 0; l < layers.size(); l++) {
            h = layers.get(l).forward(m, h);
            if (l + 1 < layers.size()) {
                h = activation.apply(h);
            }
        }
        return h;
    }

    /** The name, prefix of every layer's name. */
    public String name() {
        return name;
    }

    /** The dimension {@code d} of the input. */
    public int dim() {
        return dim;
    }

    /** The number {@code k} of outputs per input dimension. */
    public int multiplier() {
        return multiplier;
    }

    /** The activation after each hidden layer. */
    public Activation activation() {
        return activation;
    }

    /** The masked layers in order, the last one the output layer; each carries its {@link Linear#mask()}. */
    public List<Linear> layers() {
        return layers;
    }

    /** The degree of each input, {@code 1..d} in order. */
    static int[] inputDegrees(int dim) {
        int[] deg = new int[dim];
        for (int j = 0; j < dim; j++) {
            deg[j] = j + 1;
        }
        return deg;
    }

    /** The degree of each of {@code size} hidden units, {@code (u mod (d - 1)) + 1}. */
    static int[] hiddenDegrees(int dim, int size) {
        int[] deg = new int[size];
        for (int u = 0; u < size; u++) {
            deg[u] = u % (dim - 1) + 1;
        }
        return deg;
    }

    /** The degree of each output column, {@code (c mod d) + 1}. */
    static int[] outputDegrees(int dim, int multiplier) {
        int[] deg = new int[dim * multiplier];
        for (int c = 0; c < deg.length; c++) {
            deg[c] = c % dim + 1;
        }
        return deg;
    }

    /** {@code M[a, b] = 1} if {@code above[b] >= below[a]} (hidden) or {@code above[b] > below[a]} (output), else 0. */
    private static Tensor mask(int[] below, int[] above, boolean output) {
        double[] m = new double[below.length * above.length];
        for (int a = 0; a < below.length; a++) {
            for (int b = 0; b < above.length; b++) {
                boolean keep = output ? above[b] > below[a] : above[b] >= below[a];
                m[a * above.length + b] = keep ? 1.0 : 0.0;
            }
        }
        return Tensor.of(m, below.length, above.length);
    }

    @Override
    public String toString() {
        return "Made[" + name + ": dim " + dim + ", multiplier " + multiplier + ", " + layers.size() + " layers]";
    }
}
