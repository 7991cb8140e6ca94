package io.github.elbo4j.mcmc;

import io.github.elbo4j.infer.LogDensity;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The no-U-turn sampler (Hoffman &amp; Gelman 2014, JMLR 15; Stan's multinomial variant with the
 * generalized no-U-turn criterion, Betancourt 2017, arXiv:1701.02434) over a model's unconstrained
 * log density ({@link LogDensity}), with Stan's adaptive warm-up, several chains in parallel threads:
 * <pre>
 * Samples s = Nuts.of(model).chains(4).warmup(1000).draws(1000).seed(42).run();
 * s.summary();           // mean, sd, quantiles, MCSE, bulk/tail ESS, R-hat per scalar
 * s.draws("beta");       // [chains * draws] + site shape, constrained space
 * </pre>
 * Chain {@code c} draws only from {@code RandomStream.of(seed).split(c)} and owns its copy of the
 * log density, so the same seed gives the same draws for any number of threads.
 */
public final class Nuts {

    private final LogDensity density;
    private NutsSettings settings = NutsSettings.defaults();
    private Optional<double[]> init = Optional.empty();

    private Nuts(LogDensity density) {
        this.density = density;
    }

    /**
     * NUTS on the posterior of {@code model}'s continuous latent sites.
     *
     * @throws IllegalArgumentException if the model has no latent site, or a discrete one
     */
    public static Nuts of(Model model) {
        return of(LogDensity.of(model, RandomStream.of(0)));
    }

    /** NUTS on {@code density}. */
    public static Nuts of(LogDensity density) {
        if (density.dimension() == 0) {
            throw new IllegalArgumentException("the model has no continuous latent sites (unconstrained dimension 0):"
                    + " NUTS needs at least one latent site to sample");
        }
        return new Nuts(density);
    }

    /** All settings at once. */
    public Nuts settings(NutsSettings s) {
        this.settings = s;
        return this;
    }

    /** The current settings. */
    public NutsSettings settings() {
        return settings;
    }

    /** Independent chains ({@code >= 1}; default 4); the threads are capped at this number. */
    public Nuts chains(int n) {
        NutsSettings s = settings;
        return settings(new NutsSettings(n, s.warmup(), s.draws(), s.maxTreeDepth(), s.stepSize(), s.targetAcceptance(), s.metric(),
                s.seed(), Math.min(s.threads(), Math.max(n, 1))));
    }

    /** Warm-up iterations per chain ({@code >= 0}; default 1000), which adapt the step size and the metric and are not kept. */
    public Nuts warmup(int n) {
        NutsSettings s = settings;
        return settings(new NutsSettings(s.chains(), n, s.draws(), s.maxTreeDepth(), s.stepSize(), s.targetAcceptance(), s.metric(), s.seed(), s.threads()));
    }

    /** Kept iterations per chain ({@code >= 1}; default 1000). */
    public Nuts draws(int n) {
        NutsSettings s = settings;
        return settings(new NutsSettings(s.chains(), s.warmup(), n, s.maxTreeDepth(), s.stepSize(), s.targetAcceptance(), s.metric(), s.seed(), s.threads()));
    }

    /** The largest number of trajectory doublings ({@code >= 1}; default 10): at most {@code 2^depth} leapfrog steps per iteration. */
    public Nuts maxTreeDepth(int depth) {
        NutsSettings s = settings;
        return settings(new NutsSettings(s.chains(), s.warmup(), s.draws(), depth, s.stepSize(), s.targetAcceptance(), s.metric(), s.seed(), s.threads()));
    }

    /** The step size the warm-up's search starts from (with no warm-up, the search's result is used as is). */
    public Nuts stepSize(double eps) {
        NutsSettings s = settings;
        return settings(new NutsSettings(s.chains(), s.warmup(), s.draws(), s.maxTreeDepth(), eps, s.targetAcceptance(), s.metric(), s.seed(), s.threads()));
    }

    /** Dual averaging's target acceptance statistic {@code δ} in {@code (0, 1)} (default 0.8; raise it to shrink the step size). */
    public Nuts targetAcceptance(double delta) {
        NutsSettings s = settings;
        return settings(new NutsSettings(s.chains(), s.warmup(), s.draws(), s.maxTreeDepth(), s.stepSize(), delta, s.metric(), s.seed(), s.threads()));
    }

    /** The metric adapted in warm-up: {@link Metric#DIAGONAL} (default) or {@link Metric#DENSE}. */
    public Nuts metric(Metric metric) {
        NutsSettings s = settings;
        return settings(new NutsSettings(s.chains(), s.warmup(), s.draws(), s.maxTreeDepth(), s.stepSize(), s.targetAcceptance(), metric, s.seed(), s.threads()));
    }

    /** The seed: chain {@code c} draws from {@code RandomStream.of(seed).split(c)} (default 0). */
    public Nuts seed(long seed) {
        NutsSettings s = settings;
        return settings(new NutsSettings(s.chains(), s.warmup(), s.draws(), s.maxTreeDepth(), s.stepSize(), s.targetAcceptance(), s.metric(), seed, s.threads()));
    }

    /** Chains run at once; does not change the draws. */
    public Nuts threads(int n) {
        NutsSettings s = settings;
        return settings(new NutsSettings(s.chains(), s.warmup(), s.draws(), s.maxTreeDepth(), s.stepSize(), s.targetAcceptance(), s.metric(), s.seed(), n));
    }

    /**
     * Every chain starts at unconstrained point {@code u} (length {@code D}) instead of Stan's
     * random start (uniform on {@code (-2, 2)} per coordinate).
     */
    public Nuts initialPoint(double[] u) {
        if (u.length != density.dimension()) {
            throw new IllegalArgumentException("initial point length " + u.length + " must equal the unconstrained dimension "
                    + density.dimension());
        }
        this.init = Optional.of(u.clone());
        return this;
    }

    /** Runs the chains and returns their draws in constrained space with the diagnostics. */
    public Samples run() {
        NutsSettings s = settings;
        RandomStream root = RandomStream.of(s.seed());
        int threads = Math.min(s.threads(), s.chains());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nuts-chain");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Chain.Output>> futures = new ArrayList<>();
            for (int c = 0; c < s.chains(); c++) {
                int index = c;
                RandomStream chainRng = root.split(c);
                LogDensity own = density.withStream(chainRng.split(1));
                futures.add(pool.submit(() -> Chain.run(index, new CountingDensity(own), s, init, chainRng.split(0))));
            }
            List<Chain.Output> outputs = new ArrayList<>();
            for (Future<Chain.Output> f : futures) {
                outputs.add(f.get());
            }
            return Samples.of(density, s, outputs);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the chains ran", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
