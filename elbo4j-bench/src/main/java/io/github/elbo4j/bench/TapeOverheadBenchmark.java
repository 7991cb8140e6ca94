package io.github.elbo4j.bench;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.ElementwiseFunction;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fixed cost of one recorded operation: a chain of {@value #OPS} operations on one-element
 * values, where the arithmetic is nothing and the bookkeeping (a {@code Var}, a value tensor, a
 * backward closure, a tape slot, an adjoint) is everything. A model written with scalar
 * {@code Var}s, or a small model with many sites, runs at this speed. The goal is at most
 * 100 ns per operation, forward plus backward.
 *
 * <p>The chain repeats {@code x ← x·w}, {@code x ← x + 0.5}, {@code x ← sin x} from
 * {@code x₀ = 0.3}, {@code w = 0.9} (both leaves), a contracting map, so values and gradients stay
 * finite; {@code ∂x/∂w} accumulates over all {@value #OPS}/3 uses of {@code w}. Scores are per
 * operation ({@code @OperationsPerInvocation}): forward only, forward plus backward, and the
 * first call in a fresh JVM (interpreter and JIT compilation included).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class TapeOverheadBenchmark {

    /** Operations per chain. */
    static final int OPS = 100_000;

    static final double X0 = 0.3;
    static final double W = 0.9;
    static final double SHIFT = 0.5;

    /** Records the chain and returns its output. */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public Var forward() {
        Tape tape = new Tape();
        return chain(tape.variable(X0), tape.variable(W), OPS);
    }

    /** Records the chain and sweeps back to both leaves. */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public Gradients forwardBackward() {
        return chainGradient(OPS);
    }

    /** {@link #forwardBackward} once in a fresh JVM, five JVMs. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 5, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    @OperationsPerInvocation(OPS)
    public Gradients firstForwardBackward() {
        return chainGradient(OPS);
    }

    /** Gradients of a chain of {@code ops} operations with respect to {@code x₀} and {@code w}, in that order. */
    static Gradients chainGradient(int ops) {
        Tape tape = new Tape();
        Var x0 = tape.variable(X0);
        Var w = tape.variable(W);
        return tape.gradient(chain(x0, w, ops), x0, w);
    }

    /** {@code ops} operations cycling through multiply by {@code w}, add 0.5, sine. */
    static Var chain(Var x0, Var w, int ops) {
        Var x = x0;
        for (int i = 0; i < ops; i++) {
            switch (i % 3) {
                case 0 -> x = x.mul(w);
                case 1 -> x = x.add(SHIFT);
                default -> x = x.apply(ElementwiseFunction.SIN);
            }
        }
        return x;
    }
}
