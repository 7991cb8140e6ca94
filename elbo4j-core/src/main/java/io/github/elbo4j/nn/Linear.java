package io.github.elbo4j.nn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A dense affine layer {@code y = x W + b}, {@code x} of shape {@code [..., in]}, the weight
 * {@code W} of shape {@code [in, out]} and the bias {@code b} of shape {@code [out]} being the
 * real-valued params {@code name + ".weight"} and {@code name + ".bias"} of the model context.
 *
 * <p><b>Cost.</b> The leading axes are flattened into rows (a view, no copy), so a forward pass is
 * one matrix product {@code [rows, in] @ [in, out]} through BLAS {@code dgemm} plus a broadcast
 * bias add, whatever the number of batch axes; the backward pass is one {@code dgemm} for
 * {@code x̄ = ȳ Wᵀ} (none when {@code x} is a constant such as data) and one for
 * {@code W̄ = xᵀ ȳ}, and a column sum for {@code b̄} (Giles 2008, as in the autodiff matrix product).
 *
 * <p><b>Initial values.</b> Drawn once, when the layer is made, by an {@link Init} scheme from an
 * explicit seed ({@code RandomStream.of(seed).split(0)} for the weight, {@code split(1)} for the
 * bias), and kept: every forward call passes the same immutable init tensors, which a parameter
 * store reads only the first time it meets the name. The same seed gives the same bits.
 */
public final class Linear implements Layer {

    private final String name;
    private final int in;
    private final int out;
    private final Tensor weightInit;
    private final Tensor biasInit;
    private final Tensor mask;

    private Linear(String name, int in, int out, Init init, long seed, Tensor mask) {
        this.name = name;
        this.in = in;
        this.out = out;
        RandomStream root = RandomStream.of(seed);
        this.weightInit = init.weight(in, out, root.split(0));
        this.biasInit = init.bias(in, out, root.split(1));
        this.mask = mask;
    }

    /**
     * A layer with PyTorch's default initialization ({@link Init#PYTORCH_DEFAULT}) seeded by
     * {@link #seedOf(String) seedOf(name)}: the same name gives the same initial weights.
     *
     * @throws IllegalArgumentException if {@code name} is empty or {@code in} or {@code out} is below 1
     */
    public static Linear of(String name, int in, int out) {
        return of(name, in, out, Init.PYTORCH_DEFAULT, seedOf(name));
    }

    /**
     * A layer whose initial weight and bias are drawn by {@code init} from {@code seed}.
     *
     * @throws IllegalArgumentException if {@code name} is empty or {@code in} or {@code out} is below 1
     */
    public static Linear of(String name, int in, int out, Init init, long seed) {
        validate(name, in, out);
        return new Linear(name, in, out, init, seed, null);
    }

    /** A layer whose weight is multiplied element-wise by the constant 0/1 {@code mask} [in, out] in every forward pass (MADE). */
    static Linear masked(String name, int in, int out, Init init, long seed, Tensor mask) {
        validate(name, in, out);
        return new Linear(name, in, out, init, seed, mask);
    }

    /**
     * The default seed of a layer named {@code name}: the 64-bit FNV-1a hash of its UTF-8 bytes
     * (Fowler, Noll &amp; Vo), fixed across runs and JVMs, so differently named layers start from
     * different weights.
     */
    public static long seedOf(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte c : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= c & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * {@code x W + b} for {@code x} of shape {@code [..., in]} (rank >= 1): shape {@code [..., out]}.
     *
     * @throws IllegalArgumentException naming this layer, the expected and the actual shape, if the
     *     last axis of {@code x} is not {@code in}
     */
    @Override
    public Var forward(ModelContext m, Var x) {
        int[] shape = x.shape();
        if (shape.length == 0 || shape[shape.length - 1] != in) {
            throw new IllegalArgumentException("Linear '" + name + "' input must have shape [..., " + in + "], got "
                    + Arrays.toString(shape));
        }
        Var w = m.param(weightName(), weightInit);
        Var b = m.param(biasName(), biasInit);
        if (mask != null) {
            w = w.mul(mask);
        }
        Var rows = shape.length == 2 ? x : x.reshape(-1, in);
        Var y = rows.matmul(w).add(b);
        if (shape.length == 2) {
            return y;
        }
        int[] outShape = shape.clone();
        outShape[outShape.length - 1] = out;
        return y.reshape(outShape);
    }

    /** The layer's name, the prefix of its parameter names. */
    public String name() {
        return name;
    }

    /** The size of the input's last axis. */
    public int in() {
        return in;
    }

    /** The size of the output's last axis. */
    public int out() {
        return out;
    }

    /** {@code name + ".weight"}, the param of shape {@code [in, out]}. */
    public String weightName() {
        return name + ".weight";
    }

    /** {@code name + ".bias"}, the param of shape {@code [out]}. */
    public String biasName() {
        return name + ".bias";
    }

    /** The initial weight {@code [in, out]}, drawn once when the layer was made. */
    public Tensor weightInit() {
        return weightInit;
    }

    /** The initial bias {@code [out]}, drawn once when the layer was made. */
    public Tensor biasInit() {
        return biasInit;
    }

    /** The constant 0/1 mask {@code [in, out]} multiplied into the weight, present for the layers of a {@link Made}. */
    public Optional<Tensor> mask() {
        return Optional.ofNullable(mask);
    }

    @Override
    public String toString() {
        return "Linear[" + name + ": " + in + " -> " + out + (mask == null ? "" : ", masked") + "]";
    }

    private static void validate(String name, int in, int out) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Linear name must be non-empty, got \"\"");
        }
        if (in < 1) {
            throw new IllegalArgumentException("Linear '" + name + "' in must be >= 1, got " + in);
        }
        if (out < 1) {
            throw new IllegalArgumentException("Linear '" + name + "' out must be >= 1, got " + out);
        }
    }
}
