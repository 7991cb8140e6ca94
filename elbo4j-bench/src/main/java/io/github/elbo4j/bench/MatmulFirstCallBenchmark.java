package io.github.elbo4j.bench;

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
 * Time of the first {@link Tensor#matmul} in a fresh JVM: what a short fit or a command-line demo
 * pays once. It includes loading {@code dev.ludovic.netlib} and choosing its implementation
 * (for JNI: extracting and loading the native shim and {@code libblas.so.3}), starting the native
 * thread pool, and running the pure-Java kernel before the JIT has compiled it. One shot per JVM
 * ({@code SingleShotTime}), no warm-up, five JVMs per size; the operands are made in the setup,
 * outside the timed call, and nothing else touches BLAS before it. Compare with the steady state
 * of {@link MatmulBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class MatmulFirstCallBenchmark {

    /** Matrix order. */
    @Param({"512", "1024"})
    public int n;

    Tensor a;
    Tensor b;

    /** Two fixed random {@code n×n} matrices. */
    @Setup
    public void setup() {
        a = RandomInputs.tensor(1, n, n);
        b = RandomInputs.tensor(2, n, n);
    }

    /** The first {@code a @ b} of this JVM. */
    @Benchmark
    public Tensor firstMatmul() {
        return a.matmul(b);
    }
}
