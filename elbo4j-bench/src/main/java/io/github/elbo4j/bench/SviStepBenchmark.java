package io.github.elbo4j.bench;

import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One SVI step of mean-field ADVI on Bayesian logistic regression with the shape of the peers'
 * {@code torch_advi_logreg.py} problem (10000 rows, 20 features; data drawn here from
 * {@code w ~ N(0, I)}, {@code x ~ N(0, I)}): model and guide traced with {@code particles} draws
 * as a batch axis, the ELBO's gradient by reverse mode, one Adam step. A fit of {@link #STEPS}
 * steps is one invocation, reported per step (guide setup and the first trace amortized over
 * those steps).
 *
 * <p>The fork adds {@code --add-modules jdk.incubator.vector}, so the fused Bernoulli kernel runs its
 * SIMD loop; {@code -jvmArgsAppend -Delbo4j.simd=false} measures the scalar loop.
 *
 * <p>Run: {@code java -jar elbo4j-bench/target/benchmarks.jar SviStepBenchmark}. The same-run
 * comparison with PyTorch and rstan is {@code bench/compare} ({@link LogisticAdviComparison}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class SviStepBenchmark {

    static final int STEPS = 200;

    /** Rows of the data set. */
    @Param({"10000"})
    public int rows;

    /** Monte Carlo draws per step (a batch axis of every tensor). */
    @Param({"1", "8"})
    public int particles;

    private Model model;

    /** Draws the data. */
    @Setup
    public void setUp() {
        model = model(rows, 20, 1);
    }

    /** Logistic regression on {@code n × d} data from {@code RandomStream.of(seed)}. */
    static Model model(int n, int d, long seed) {
        RandomStream rng = RandomStream.of(seed);
        double[] w = new double[d];
        rng.fillGaussian(w);
        double[] x = new double[n * d];
        rng.fillGaussian(x);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double logit = 0;
            for (int j = 0; j < d; j++) {
                logit += x[i * d + j] * w[j];
            }
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return LogisticAdviComparison.model(Tensor.of(x, n, d), Tensor.of(y));
    }

    /** {@code steps} steps of mean-field ADVI with Adam(0.05), as the torch peer. */
    static Fit fit(Model model, int particles, int steps) {
        return Svi.builder(model).guide(AutoGuide.meanField(1.0)).optimizer(Adam.lr(0.05)).numParticles(particles)
                .maxSteps(steps).convergence(Convergence.none()).warmStart(WarmStart.none()).diagnosticDraws(0).seed(0).build().run();
    }

    /** {@link #STEPS} steps; the result keeps the JIT from dropping the work. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Fit step() {
        return fit(model, particles, STEPS);
    }
}
