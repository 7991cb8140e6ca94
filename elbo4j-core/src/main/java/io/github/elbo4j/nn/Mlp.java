package io.github.elbo4j.nn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.random.RandomStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A multilayer perceptron: {@link Linear} layers of sizes {@code sizes[0] -> sizes[1] -> ... ->
 * sizes[L]} with an {@link Activation} after every layer but the last (which gets the output
 * activation, {@link Activation#IDENTITY} unless set with {@link #withOutputActivation}). Layer
 * {@code k} is named {@code name + "." + k}, so its params are {@code name.k.weight} and
 * {@code name.k.bias}, and is seeded by {@code RandomStream.of(seed).split(k).seed()}. Each layer
 * is one matrix product over all the leading batch axes.
 */
public final class Mlp implements Layer {

    private final String name;
    private final List<Linear> layers;
    private final Activation activation;
    private final Activation outputActivation;

    private Mlp(String name, List<Linear> layers, Activation activation, Activation outputActivation) {
        this.name = name;
        this.layers = List.copyOf(layers);
        this.activation = activation;
        this.outputActivation = outputActivation;
    }

    /**
     * An MLP with PyTorch's default initialization seeded by {@link Linear#seedOf(String) Linear.seedOf(name)},
     * e.g. {@code Mlp.of("encoder", Activation.RELU, 784, 400, 40)}.
     *
     * @throws IllegalArgumentException if fewer than two sizes are given or a size is below 1
     */
    public static Mlp of(String name, Activation activation, int... sizes) {
        return of(name, activation, Init.PYTORCH_DEFAULT, Linear.seedOf(name), sizes);
    }

    /**
     * An MLP whose layers are initialized by {@code init}, layer {@code k} from the seed
     * {@code RandomStream.of(seed).split(k).seed()}.
     *
     * @throws IllegalArgumentException if fewer than two sizes are given or a size is below 1
     */
    public static Mlp of(String name, Activation activation, Init init, long seed, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("Mlp '" + name + "' sizes must have at least 2 entries (input and output), got "
                    + Arrays.toString(sizes));
        }
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] < 1) {
                throw new IllegalArgumentException("Mlp '" + name + "' sizes[" + k + "] must be >= 1, got " + sizes[k]
                        + " in " + Arrays.toString(sizes));
            }
        }
        RandomStream root = RandomStream.of(seed);
        List<Linear> layers = new ArrayList<>();
        for (int k = 0; k + 1 < sizes.length; k++) {
            layers.add(Linear.of(name + "." + k, sizes[k], sizes[k + 1], init, root.split(k).seed()));
        }
        return new Mlp(name, layers, activation, Activation.IDENTITY);
    }

    /** The same layers (same initial weights) with {@code output} applied after the last one. */
    public Mlp withOutputActivation(Activation output) {
        return new Mlp(name, layers, activation, output);
    }

    /** {@code x} of shape {@code [..., sizes[0]]} through every layer: shape {@code [..., sizes[L]]}. */
    @Override
    public Var forward(ModelContext m, Var x) {
        Var h = x;
        for (int k = 0; k < layers.size(); k++) {
            h = layers.get(k).forward(m, h);
            h = (k + 1 < layers.size() ? activation : outputActivation).apply(h);
        }
        return h;
    }

    /** The name, prefix of every layer's name. */
    public String name() {
        return name;
    }

    /** The layers in order (an unmodifiable list). */
    public List<Linear> layers() {
        return layers;
    }

    /** The activation between layers. */
    public Activation activation() {
        return activation;
    }

    /** The activation after the last layer ({@link Activation#IDENTITY} by default). */
    public Activation outputActivation() {
        return outputActivation;
    }

    /** The input size {@code sizes[0]}. */
    public int in() {
        return layers.get(0).in();
    }

    /** The output size {@code sizes[L]}. */
    public int out() {
        return layers.get(layers.size() - 1).out();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Mlp[" + name + ": " + in());
        for (Linear l : layers) {
            s.append(" -> ").append(l.out());
        }
        return s.append(", ").append(activation).append("]").toString();
    }
}
