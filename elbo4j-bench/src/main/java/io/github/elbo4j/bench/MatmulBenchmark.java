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
 * Steady-state time of {@link Tensor#matmul} for two dense {@code n×n} matrices, the product that
 * dominates dense layers, full-rank guides and Gaussian CAVI updates. Above 4096 multiply-adds it
 * is a single BLAS {@code dgemm} call plus the allocation of the {@code n×n} result, so this
 * measures which BLAS {@code dev.ludovic.netlib} loaded (pure Java, Vector API, or native through
 * JNI) and what the wrapper adds. The runner {@code bench/core.sh} turns the average time into
 * GFLOP/s as {@code 2 n³ / time} and divides it by numpy's {@code a @ b} measured in the same run
 * ({@code elbo4j-bench/peers/numpy_matmul.py}). First-call time is {@link MatmulFirstCallBenchmark}.
 *
 * <p>{@code n = 2048} is left out of the default parameters because the pure-Java fallback needs
 * several seconds per product; add it with {@code -p n=512,1024,2048}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class MatmulBenchmark {

    /** Matrix order. */
    @Param({"512", "1024"})
    public int n;

    Tensor a;
    Tensor b;

    /** Two fixed random {@code n×n} matrices, made before any timing. */
    @Setup
    public void setup() {
        a = RandomInputs.tensor(1, n, n);
        b = RandomInputs.tensor(2, n, n);
    }

    /** {@code a @ b}; JMH consumes the returned tensor. */
    @Benchmark
    public Tensor matmul() {
        return a.matmul(b);
    }
}
