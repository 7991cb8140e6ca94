package io.github.elbo4j.bench;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
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
 * Forward and backward of one large element-wise product, {@code y = x·w} with {@code size} elements,
 * through the tape ({@link #tape}) and as plain Java loops that allocate their own outputs
 * ({@link #loop}): {@code y = x·w}, then {@code dx = g·w}, {@code dw = g·x} for a fixed random
 * cotangent {@code g}. Per-operation overhead is negligible at this size, so this measures whether
 * the tape's kernels stream memory as fast as hand-written code. Goal: the tape within 2× of the
 * loop.
 *
 * <p>Byte-count model (the runner reports GB/s with it): the minimum traffic of the arithmetic,
 * 64 bytes per element for both variants: forward reads {@code x, w} and writes {@code y}
 * (24 B), backward reads {@code g, x, w} and writes {@code dx, dw} (40 B). Zeroing of fresh arrays
 * and re-reads of {@code g} are not counted, so an implementation that does them shows a lower
 * GB/s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ElementwiseBenchmark {

    /** Bytes moved per element in the model above. */
    static final int BYTES_PER_ELEMENT = 64;

    /** Number of elements. */
    @Param({"1000000"})
    public int size;

    Tensor x;
    Tensor w;
    Tensor g;
    double[] xs;
    double[] ws;
    double[] gs;

    /** Fixed random inputs, as tensors for the tape and as arrays for the loop. */
    @Setup
    public void setup() {
        xs = RandomInputs.uniform(11, size);
        ws = RandomInputs.uniform(12, size);
        gs = RandomInputs.uniform(13, size);
        x = Tensor.of(xs);
        w = Tensor.of(ws);
        g = Tensor.of(gs);
    }

    /** {@code {y, dx, dw}} through a fresh tape and {@link Tape#vjp}. */
    @Benchmark
    public Tensor[] tape() {
        Tape tape = new Tape();
        Var xv = tape.variable(x);
        Var wv = tape.variable(w);
        Var y = xv.mul(wv);
        Gradients grads = tape.vjp(y, g, xv, wv);
        return new Tensor[] {y.value(), grads.get(0), grads.get(1)};
    }

    /** {@code {y, dx, dw}} by hand: one forward loop, one fused backward loop. */
    @Benchmark
    public double[][] loop() {
        double[] x = xs;
        double[] w = ws;
        double[] g = gs;
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = x[i] * w[i];
        }
        double[] dx = new double[size];
        double[] dw = new double[size];
        for (int i = 0; i < size; i++) {
            dx[i] = g[i] * w[i];
            dw[i] = g[i] * x[i];
        }
        return new double[][] {y, dx, dw};
    }
}
