package io.github.elbo4j.bench;

import io.github.elbo4j.gp.ExactGp;
import io.github.elbo4j.gp.GaussianLikelihood;
import io.github.elbo4j.gp.Kernel;
import io.github.elbo4j.gp.SquaredExponential;
import io.github.elbo4j.gp.Svgp;
import io.github.elbo4j.gp.SvgpFit;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * The sparse variational GP's done-when figures (issue 20), two parts:
 * <ol>
 *   <li>Scaling: SVGP with {@code m = 200} learned inducing inputs, SE-ARD kernel and Gaussian noise
 *   (all hyperparameters learned) on {@code n = 10⁴, 3·10⁴, 10⁵} generated 2-D points
 *   {@code y = sin(x₁) + ½cos(2x₂) + N(0, 0.1²)}, {@code x ~ U[-3, 3]²}; minibatches of 500, Adam
 *   0.01, {@code EPOCHS} epochs (default 2) after one untimed warm-up fit. Prints the time per
 *   epoch, the peak heap (sum over heap pools of the peak usage since a reset before the fit) and
 *   the heap in use after a full GC at the end.</li>
 *   <li>Accuracy: 5,000 training and 1,000 test points of {@code y = sin(2x) + N(0, 0.2²)},
 *   {@code x ~ U[-5, 5]}; the exact GP ({@link ExactGp}, checked against scikit-learn's
 *   GaussianProcessRegressor to 1e-6 in {@code ExactGpTest}) and an SVGP with {@code m = 200}
 *   learned inducing inputs, the same kernel and noise held fixed, 30 epochs of minibatches of 500;
 *   held-out log predictive density per point of both.</li>
 * </ol>
 * Usage: {@code java -Xmx4g -cp benchmarks.jar io.github.elbo4j.bench.SvgpScaling [EPOCHS [scaling]]}
 * ({@code scaling}: the first part only, e.g. under {@code -Xmx256m} to show the heap stays small).
 */
public final class SvgpScaling {

    private SvgpScaling() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Locale.setDefault(Locale.ROOT);
        scaling(2000, 1, true);
        for (int n : new int[] {10_000, 30_000, 100_000}) {
            scaling(n, epochs, false);
        }
        if (args.length < 2 || !args[1].equals("scaling")) {
            accuracy();
        }
    }

    private static Tensor[] data2d(int n, long seed) {
        RandomStream rng = RandomStream.of(seed);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = -3 + 6 * rng.nextDouble();
            x[2 * i + 1] = -3 + 6 * rng.nextDouble();
            y[i] = Math.sin(x[2 * i]) + 0.5 * Math.cos(2 * x[2 * i + 1]) + 0.1 * rng.nextGaussian();
        }
        return new Tensor[] {Tensor.of(x, n, 2), Tensor.of(y)};
    }

    private static void scaling(int n, int epochs, boolean warmUp) {
        Tensor[] d = data2d(n, n);
        Tensor z = d[0].slice(0, 0, 200);
        Svgp svgp = Svgp.of(SquaredExponential.of(1.0, 1.0, 1.0), GaussianLikelihood.of(0.1), z)
                .withBatchSize(500).withEpochs(epochs).withOptimizer(Adam.lr(0.01));
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        SvgpFit fit = svgp.fit(d[0], d[1], 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        double live = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        double[] trace = fit.elboTrace();
        if (!warmUp) {
            System.out.printf("scaling n=%d m=200 batch=500 epochs=%d steps=%d: %.2f s per epoch, peak heap %.1f MiB,"
                    + " live heap after GC %.1f MiB, last minibatch ELBO per point %.4f, noise variance %.4f%n",
                    n, epochs, trace.length, seconds / epochs, peak / 1048576.0, live,
                    trace[trace.length - 1] / n, ((GaussianLikelihood) fit.likelihood()).noiseVariance());
        }
    }

    private static void accuracy() {
        RandomStream rng = RandomStream.of(77);
        int n = 5000;
        int ns = 1000;
        double[] x = new double[n + ns];
        double[] y = new double[n + ns];
        for (int i = 0; i < n + ns; i++) {
            x[i] = -5 + 10 * rng.nextDouble();
            y[i] = Math.sin(2 * x[i]) + 0.2 * rng.nextGaussian();
        }
        Tensor xt = Tensor.of(java.util.Arrays.copyOf(x, n), n, 1);
        Tensor yt = Tensor.of(java.util.Arrays.copyOf(y, n));
        Tensor xs = Tensor.of(java.util.Arrays.copyOfRange(x, n, n + ns), ns, 1);
        Tensor ys = Tensor.of(java.util.Arrays.copyOfRange(y, n, n + ns));
        Kernel k = SquaredExponential.of(1.0, 0.5);
        double noise = 0.04;
        long t0 = System.nanoTime();
        ExactGp exact = ExactGp.fit(k, noise, xt, yt);
        double exactLpd = exact.logPredictiveDensity(xs, ys).mean().item();
        double exactSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        SvgpFit fit = Svgp.of(k, GaussianLikelihood.of(noise), xt.slice(0, 0, 200)).withLearnedHyperparameters(false)
                .withBatchSize(500).withEpochs(30).withOptimizer(Adam.lr(0.01)).fit(xt, yt, 3);
        double svgpLpd = fit.logPredictiveDensity(xs, ys).mean().item();
        double svgpSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("accuracy n=5000 test=1000: exact GP LPD %.5f nats/point (%.1f s, log marginal likelihood"
                + " %.3f); SVGP m=200 LPD %.5f (%.1f s, 30 epochs); difference %.5f nats/point%n",
                exactLpd, exactSeconds, exact.logMarginalLikelihood(), svgpLpd, svgpSeconds, exactLpd - svgpLpd);
    }
}
