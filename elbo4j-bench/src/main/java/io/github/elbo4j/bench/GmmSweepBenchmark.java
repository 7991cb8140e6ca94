package io.github.elbo4j.bench;

import io.github.elbo4j.cavi.gmm.CovarianceType;
import io.github.elbo4j.cavi.gmm.GaussianMixtureResult;
import io.github.elbo4j.cavi.gmm.GaussianMixtureVI;
import io.github.elbo4j.cavi.gmm.GmmInitialization;
import io.github.elbo4j.cavi.gmm.WeightPrior;
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
 * One coordinate-ascent sweep of {@link GaussianMixtureVI} (E-step with the sufficient statistics,
 * M-step, exact ELBO) on the peers' {@code bgmm.py} problem: 20000×2 data from its 5-component
 * mixture (drawn here, {@link GmmBenchmarkData}), K = 10, full covariance, on 1 and 2 threads.
 *
 * <ul>
 *   <li>{@code sweep}: 100 sweeps from fixed labels (true label × 2 + row parity, so all 10
 *       components hold data) with tolerance 0, reported per sweep; the initial M-step and the data
 *       check add about 1/200 of a sweep each.
 *   <li>{@code bgmmPySetting}: what {@code bgmm.py} times per iteration: k-means++ and Lloyd, then
 *       500 sweeps, reported per sweep (scikit-learn: fit wall time / {@code n_iter_}, its k-means
 *       included; about 18 ms per iteration on this machine).
 * </ul>
 *
 * <p>Run: {@code java -jar elbo4j-bench/target/benchmarks.jar GmmSweepBenchmark}. The same-run
 * comparison with scikit-learn is {@code elbo4j-bench/peers/gmm_vs_sklearn.py}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class GmmSweepBenchmark {

    /** Threads of a sweep. */
    @Param({"1", "2"})
    public int threads;

    private double[][] x;
    private GaussianMixtureVI fromLabels;
    private GaussianMixtureVI likeBgmmPy;

    /** Draws the data and configures both fits. */
    @Setup
    public void setUp() {
        GmmBenchmarkData data = GmmBenchmarkData.generate(20_000, 20240501L);
        x = data.x;
        int[] labels = new int[x.length];
        for (int n = 0; n < labels.length; n++) {
            labels[n] = 2 * data.labels[n] + (n & 1);
        }
        fromLabels = GaussianMixtureVI.builder().components(10).covarianceType(CovarianceType.FULL)
                .weightPrior(WeightPrior.dirichlet(0.1)).initialization(GmmInitialization.fromLabels(labels))
                .maxSweeps(100).tolerance(0).threads(threads).build();
        likeBgmmPy = GaussianMixtureVI.builder().components(10).covarianceType(CovarianceType.FULL)
                .weightPrior(WeightPrior.dirichlet(0.1)).maxSweeps(500).tolerance(0).seed(0).threads(threads).build();
    }

    /** Per sweep, from 100 sweeps after a fixed initialization. */
    @Benchmark
    @OperationsPerInvocation(100)
    public GaussianMixtureResult sweep() {
        return fromLabels.fit(x);
    }

    /** Per sweep, from k-means++ and 500 sweeps: the quantity {@code bgmm.py} reports as ms per iteration. */
    @Benchmark
    @OperationsPerInvocation(500)
    public GaussianMixtureResult bgmmPySetting() {
        return likeBgmmPy.fit(x);
    }
}
