package io.github.elbo4j.bench;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.nn.Linear;
import io.github.elbo4j.nn.Mlp;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward plus backward of the MNIST VAE's networks (Kingma &amp; Welling's shapes, as in PyTorch's
 * {@code examples/vae}): the encoder {@code 784 -> 400 (ReLU) -> 40} (the 40 being 20 means and 20
 * log-scales) and the decoder {@code 20 -> 400 (ReLU) -> 784}, on a minibatch of {@code batch}
 * rows, through {@link Mlp} with its params as leaves of a fresh tape each call (as the SVI step
 * serves them). Each {@link Linear} is one {@code dgemm} forward and two backward ({@code W̄} and the
 * input's adjoint; the encoder's data input gets none), so this measures the BLAS that
 * {@code dev.ludovic.netlib} loaded ({@link BlasProbe} names it) plus the tape's element-wise work.
 *
 * <ul>
 *   <li>{@code encoder}: {@code Σ c ⊙ enc(x)} and its gradient in the encoder's params;
 *   <li>{@code decoder}: {@code Σ c ⊙ dec(z)} and its gradient in the decoder's params and {@code z};
 *   <li>{@code encoderDecoder}: the VAE's reconstruction path, {@code z = μ + e^{log σ} ε} from the
 *       encoder, the Bernoulli negative log-likelihood {@code Σ softplus(ℓ) - x ℓ} of the decoder's
 *       logits {@code ℓ}, and its gradient in all params (no KL term, no optimizer step).
 * </ul>
 *
 * <p>Run: {@code java -jar elbo4j-bench/target/benchmarks.jar VaeLayersBenchmark}; the PyTorch
 * comparison belongs with the VAE work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class VaeLayersBenchmark {

    /** Rows of the minibatch. */
    @Param({"128"})
    public int batch;

    Mlp encoder;
    Mlp decoder;
    Tensor x;
    Tensor z;
    Tensor eps;
    Tensor encoderCotangent;
    Tensor decoderCotangent;

    /** The networks (PyTorch's default initialization) and fixed random inputs, made before any timing. */
    @Setup
    public void setup() {
        encoder = Mlp.of("encoder", Activation.RELU, 784, 400, 40);
        decoder = Mlp.of("decoder", Activation.RELU, 20, 400, 784);
        x = RandomInputs.tensor(1, batch, 784).apply(ElementwiseFunction.SIGMOID);
        z = RandomInputs.tensor(2, batch, 20);
        eps = RandomInputs.tensor(3, batch, 20);
        encoderCotangent = RandomInputs.tensor(4, batch, 40);
        decoderCotangent = RandomInputs.tensor(5, batch, 784);
    }

    /** Leaves for every param of {@code nets} on {@code tape}, by name, from the layers' inits. */
    private static Map<String, Var> leaves(Tape tape, List<Var> all, Mlp... nets) {
        Map<String, Var> params = new HashMap<>();
        for (Mlp net : nets) {
            for (Linear l : net.layers()) {
                Var w = tape.variable(l.weightInit());
                Var b = tape.variable(l.biasInit());
                params.put(l.weightName(), w);
                params.put(l.biasName(), b);
                all.add(w);
                all.add(b);
            }
        }
        return params;
    }

    /** The encoder on the data minibatch, forward and backward. */
    @Benchmark
    public Gradients encoder() {
        Tape tape = new Tape();
        List<Var> wrt = new ArrayList<>();
        ModelContext m = ModelContext.of(new SubstituteHandler(leaves(tape, wrt, encoder)));
        Var loss = encoder.forward(m, Var.constant(x)).mul(encoderCotangent).sum();
        return tape.gradient(loss, wrt.toArray(new Var[0]));
    }

    /** The decoder on a tracked {@code z}, forward and backward. */
    @Benchmark
    public Gradients decoder() {
        Tape tape = new Tape();
        List<Var> wrt = new ArrayList<>();
        ModelContext m = ModelContext.of(new SubstituteHandler(leaves(tape, wrt, decoder)));
        Var zv = tape.variable(z);
        wrt.add(zv);
        Var loss = decoder.forward(m, zv).mul(decoderCotangent).sum();
        return tape.gradient(loss, wrt.toArray(new Var[0]));
    }

    /** Encoder, reparameterized draw, decoder and Bernoulli reconstruction loss, forward and backward. */
    @Benchmark
    public Gradients encoderDecoder() {
        Tape tape = new Tape();
        List<Var> wrt = new ArrayList<>();
        ModelContext m = ModelContext.of(new SubstituteHandler(leaves(tape, wrt, encoder, decoder)));
        Var h = encoder.forward(m, Var.constant(x));
        Var zv = h.slice(1, 0, 20).add(h.slice(1, 20, 40).exp().mul(eps));
        Var logits = decoder.forward(m, zv);
        Var loss = logits.softplus().sub(logits.mul(x)).sum();
        return tape.gradient(loss, wrt.toArray(new Var[0]));
    }
}
