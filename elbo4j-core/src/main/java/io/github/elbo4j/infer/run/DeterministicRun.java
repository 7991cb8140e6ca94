package io.github.elbo4j.infer.run;

import io.github.elbo4j.infer.DivergenceException;
import io.github.elbo4j.infer.StepListener;
import io.github.elbo4j.infer.StopReason;
import io.github.elbo4j.infer.elbo.ParameterStore;
import io.github.elbo4j.infer.elbo.TraceElbo;
import io.github.elbo4j.infer.guide.AutoMultivariateNormal;
import io.github.elbo4j.infer.guide.GaussianMoments;
import io.github.elbo4j.optim.DifferentiableFunction;
import io.github.elbo4j.optim.Lbfgs;
import io.github.elbo4j.random.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deterministic ADVI (Giordano, Ingram &amp; Broderick, JMLR 25(18), 2024; sample-average
 * approximation: Burroni, Domke &amp; Sheldon, UAI 2024): fix {@code N} moment-matched draws
 * ({@link FixedNoise}), so that the ELBO estimate is a smooth deterministic function of the guide's
 * parameters, and maximize it with {@link Lbfgs} to a tight tolerance. Then double {@code N} with
 * fresh draws, restart from the optimum, and stop when the fitted Gaussian no longer moves: every
 * mean within {@value #MEAN_TOLERANCE} of its marginal sd and every marginal sd within a factor
 * {@code exp(±}{@value #SD_TOLERANCE}{@code )} of the previous optimum's. A point-mass guide has no
 * draws and needs one stage.
 */
public final class DeterministicRun {

    static final double MEAN_TOLERANCE = 0.05;
    static final double SD_TOLERANCE = 0.05;

    /** What the run produced. */
    public record Outcome(ParameterStore parameters, double[] trace, StopReason stop, int draws, long iterations, String note,
                   long drawEvaluations) {
    }

    private final SviProgram program;
    private final Lbfgs lbfgs;
    private final int maxDraws;
    private final StepListener listener;
    private boolean batched = true;
    private long work;                      // draws evaluated by the objective, over the whole run
    private FixedDraws lastDraws;           // the draws of the last stage, once run

    public DeterministicRun(SviProgram program, Lbfgs lbfgs, int maxDraws, StepListener listener) {
        this.program = program;
        this.lbfgs = lbfgs;
        this.maxDraws = maxDraws;
        this.listener = listener;
    }

    /** The first number of draws: a power of two of at least 32 and, for a dense guide, more than twice the dimension. */
    static int initialDraws(SviProgram program) {
        int d = program.layout == null ? 1 : program.layout.dimension();
        int wanted = program.autoGuide instanceof AutoMultivariateNormal ? 2 * (d + 1) : 32;
        int n = 32;
        while (n < wanted) {
            n *= 2;
        }
        return n;
    }

    public Outcome run(ParameterStore start, RandomStream root) {
        ParameterStore store = start.copy();
        List<Double> trace = new ArrayList<>();
        long[] iterations = {0};
        boolean pointMass = program.autoGuide != null && program.autoGuide.isPointMass();
        int draws = pointMass ? 1 : initialDraws(program);
        GaussianMoments previous = null;
        for (int stage = 0; ; stage++) {
            FixedDraws fixed = new FixedDraws(draws, root.split(stage), root.split(1_000_000L + stage));
            FixedNoise noise = pointMass ? null : fixed.handler(program.maxPlateNesting);
            RandomStream rng = fixed.rng();
            lastDraws = pointMass ? null : fixed;
            DifferentiableFunction f = objective(store, noise, rng, draws);
            double[] x0 = store.flat();
            double[] g0 = new double[x0.length];
            double f0 = f.valueAndGradient(x0, g0);
            if (!Double.isFinite(f0)) {
                SviProgram.Evaluation e = batched ? program.evaluate(new TraceElbo(), store, rng, draws, noise)
                        : program.evaluate(new TraceElbo(), store, rng, 1, noise.row(0));
                throw new DivergenceException(iterations[0], "site '" + e.step().nonFiniteSite().orElse("?")
                        + "' at the start of deterministic VI with " + draws + " fixed draws", Double.NaN, store.values());
            }
            Lbfgs.Result r = lbfgs.minimize(f, x0, (k, value, gnorm) -> {
                trace.add(-value);
                listener.onStep(iterations[0]++, -value, gnorm, 0L);
            });
            store.setFlat(r.x());
            if (r.status() == Lbfgs.Status.MAX_ITERATIONS) {
                return new Outcome(store, unbox(trace), StopReason.BUDGET, draws, iterations[0],
                        "L-BFGS used its " + lbfgs.maxIterations() + " iterations with " + draws + " draws", work);
            }
            if (r.status() == Lbfgs.Status.LINE_SEARCH_FAILED && r.iterations() == 0) {
                return new Outcome(store, unbox(trace), StopReason.OPTIMIZER_STALLED, draws, iterations[0],
                        "L-BFGS could not improve the objective with " + draws + " draws", work);
            }
            if (pointMass || program.autoGuide == null) {
                return new Outcome(store, unbox(trace), StopReason.CONVERGED, draws, iterations[0], "L-BFGS: " + r.reason(), work);
            }
            GaussianMoments now = program.autoGuide.moments(store.values(), program.preconditioner);
            if (previous != null) {
                double[] shift = movement(previous, now);
                String note = String.format(Locale.ROOT, "%d fixed draws; from %d to %d draws the means moved %.3g sd and the sds %.3g "
                        + "(log scale)", draws, draws / 2, draws, shift[0], shift[1]);
                if (shift[0] <= MEAN_TOLERANCE && shift[1] <= SD_TOLERANCE) {
                    return new Outcome(store, unbox(trace), StopReason.CONVERGED, draws, iterations[0], note, work);
                }
                if (2L * draws > maxDraws) {
                    return new Outcome(store, unbox(trace), StopReason.DRAWS_NOT_STABLE, draws, iterations[0], note, work);
                }
            }
            previous = now;
            draws *= 2;
        }
    }

    /**
     * The fixed draws of the last stage of the last {@link #run} (the draws the returned optimum
     * maximizes the ELBO with), empty before a run and for a point-mass guide.
     */
    public java.util.Optional<FixedDraws> lastDraws() {
        return java.util.Optional.ofNullable(lastDraws);
    }

    /**
     * The objective of deterministic VI, {@code f(φ) = -ELBO(φ)} with the draws {@code fixed}, and its
     * exact reverse-mode gradient, over the flat unconstrained parameter vector of {@code store}
     * (which is not modified); NaN where a distribution refuses its parameters.
     */
    public static DifferentiableFunction negativeElbo(SviProgram program, ParameterStore store, FixedDraws fixed) {
        DeterministicRun run = new DeterministicRun(program, null, fixed.draws(), (k, e, g, n) -> { });
        return run.objective(store, fixed.handler(program.maxPlateNesting), fixed.rng(), fixed.draws());
    }

    /** {@code f(φ) = -ELBO(φ)} with the draws fixed, and its gradient, for the flat parameter vector {@code φ}. */
    private DifferentiableFunction objective(ParameterStore store, FixedNoise noise, RandomStream rng, int draws) {
        ParameterStore current = store.copy();
        return (x, g) -> {
            work += draws;
            current.setFlat(x);
            if (batched) {
                try {
                    return accumulate(program.evaluate(new TraceElbo(), current, rng, draws, noise), g, 1.0, true);
                } catch (IllegalArgumentException e) {
                    if (!ParticleBroadcast.failed(e) || noise == null) {
                        // a trial point outside a distribution's parameter domain (a scale that underflowed to 0):
                        // not finite, so the line search shortens the step; at the start the error is rethrown
                        return Double.NaN;
                    }
                    batched = false;                  // a model without plates: one draw at a time from now on
                }
            }
            double total = 0;
            for (int r = 0; r < draws; r++) {
                double v;
                try {
                    v = accumulate(program.evaluate(new TraceElbo(), current, rng, 1, noise.row(r)), g, 1.0 / draws, r == 0);
                } catch (IllegalArgumentException outsideDomain) {
                    return Double.NaN;
                }
                if (Double.isNaN(v)) {
                    return Double.NaN;
                }
                total += v / draws;
            }
            return total;
        };
    }

    /** Adds {@code weight ×} the loss gradient of {@code e} into {@code g} (overwriting when {@code first}); returns {@code -ELBO}, NaN if not finite. */
    private static double accumulate(SviProgram.Evaluation e, double[] g, double weight, boolean first) {
        if (e.step().nonFiniteSite().isPresent() || !Double.isFinite(e.step().elbo())) {
            return Double.NaN;
        }
        int at = 0;
        for (double[] grad : e.gradients()) {
            for (int i = 0; i < grad.length; i++) {
                g[at + i] = first ? weight * grad[i] : g[at + i] + weight * grad[i];
            }
            at += grad.length;
        }
        return -e.step().elbo();
    }

    /** The largest move of a mean in units of the newer marginal sd, and the largest change of a log marginal sd. */
    static double[] movement(GaussianMoments before, GaussianMoments after) {
        double[] m0 = before.mean().toArray();
        double[] m1 = after.mean().toArray();
        double[] s0 = before.marginalSd().toArray();
        double[] s1 = after.marginalSd().toArray();
        double mean = 0;
        double sd = 0;
        for (int i = 0; i < m0.length; i++) {
            mean = Math.max(mean, Math.abs(m1[i] - m0[i]) / s1[i]);
            sd = Math.max(sd, Math.abs(Math.log(s1[i] / s0[i])));
        }
        return new double[] {mean, sd};
    }

    private static double[] unbox(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
