package io.github.elbo4j.bench;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A log-likelihood and its gradient with respect to the parameters, per data point: the inner
 * loop of every SVI step. {@code Normal}: {@code Σ_i log N(x_i; μ, σ²)} on {@value #NORMAL_POINTS}
 * points, gradient in the scalars {@code μ, σ}. {@code MultivariateNormal}: {@code Σ_n log N(x_n; μ, L Lᵀ)}
 * on {@value #MVN_POINTS} points of dimension {@value #MVN_DIM}, gradient in {@code μ} and the
 * Cholesky factor {@code L}. Scores are nanoseconds per point ({@link OperationsPerInvocation}).
 * The inputs are closed-form sequences that the torch peer {@code peers/torch_logprob.py}
 * rebuilds exactly, so both sides compute the same numbers (checked by {@code LogProbBenchmarkTest}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class LogProbBenchmark {

    static final int NORMAL_POINTS = 1_000_000;
    static final int MVN_POINTS = 10_000;
    static final int MVN_DIM = 50;
    static final double NORMAL_LOC = 0.3;
    static final double NORMAL_SCALE = 1.7;

    Tensor normalData;
    Tensor mvnData;
    Tensor mvnLoc;
    Tensor mvnTril;

    @Setup
    public void setup() {
        normalData = normalData();
        mvnLoc = mvnLoc();
        mvnTril = mvnTril();
        mvnData = mvnData();
    }

    @Benchmark
    @OperationsPerInvocation(NORMAL_POINTS)
    public Gradients normalLogProbAndGradient() {
        return normalGradient(normalData);
    }

    @Benchmark
    @OperationsPerInvocation(MVN_POINTS)
    public Gradients multivariateNormalLogProbAndGradient() {
        return mvnGradient(mvnData, mvnLoc, mvnTril);
    }

    /** {@code {Σ log p, ∂/∂μ, ∂/∂σ}}: gradient of the summed log-density, as the benchmark computes it. */
    static double[] normalChecksum() {
        Tape tape = new Tape();
        Var loc = tape.variable(NORMAL_LOC);
        Var scale = tape.variable(NORMAL_SCALE);
        Var lp = Normal.of(loc, scale).logProb(normalData()).sum();
        Gradients g = tape.gradient(lp, loc, scale);
        return new double[] {lp.item(), g.of(loc).item(), g.of(scale).item()};
    }

    /** {@code {Σ log p, Σ_j ∂/∂μ_j, Σ_ij ∂/∂L_ij}}. */
    static double[] mvnChecksum() {
        Tape tape = new Tape();
        Var loc = tape.variable(mvnLoc());
        Var tril = tape.variable(mvnTril());
        Var lp = MultivariateNormal.ofScaleTril(loc, tril).logProb(mvnData()).sum();
        Gradients g = tape.gradient(lp, loc, tril);
        return new double[] {lp.item(), g.of(loc).sum().item(), g.of(tril).sum().item()};
    }

    private static Gradients normalGradient(Tensor x) {
        Tape tape = new Tape();
        Var loc = tape.variable(NORMAL_LOC);
        Var scale = tape.variable(NORMAL_SCALE);
        return tape.gradient(Normal.of(loc, scale).logProb(x).sum(), loc, scale);
    }

    private static Gradients mvnGradient(Tensor x, Tensor locValue, Tensor trilValue) {
        Tape tape = new Tape();
        Var loc = tape.variable(locValue);
        Var tril = tape.variable(trilValue);
        return tape.gradient(MultivariateNormal.ofScaleTril(loc, tril).logProb(x).sum(), loc, tril);
    }

    /** {@code x_i = 3 sin(i) + 0.5}. */
    static Tensor normalData() {
        double[] x = new double[NORMAL_POINTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 * Math.sin(i) + 0.5;
        }
        return Tensor.of(x);
    }

    /** {@code μ_j = 0.1 j - 2}. */
    static Tensor mvnLoc() {
        double[] m = new double[MVN_DIM];
        for (int j = 0; j < MVN_DIM; j++) {
            m[j] = 0.1 * j - 2;
        }
        return Tensor.of(m);
    }

    /** {@code L_ii = 1 + 0.02 i}, {@code L_ij = 0.1 sin(i + 2j)} below the diagonal. */
    static Tensor mvnTril() {
        int d = MVN_DIM;
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                l[i * d + j] = 0.1 * Math.sin(i + 2 * j);
            }
            l[i * d + i] = 1 + 0.02 * i;
        }
        return Tensor.of(l, d, d);
    }

    /** {@code x_nj = 2 cos(0.37 n + 1.3 j) + μ_j}. */
    static Tensor mvnData() {
        double[] x = new double[MVN_POINTS * MVN_DIM];
        for (int n = 0; n < MVN_POINTS; n++) {
            for (int j = 0; j < MVN_DIM; j++) {
                x[n * MVN_DIM + j] = 2 * Math.cos(0.37 * n + 1.3 * j) + 0.1 * j - 2;
            }
        }
        return Tensor.of(x, MVN_POINTS, MVN_DIM);
    }
}
