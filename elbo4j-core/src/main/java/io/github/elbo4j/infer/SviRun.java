package io.github.elbo4j.infer;

import io.github.elbo4j.infer.elbo.ParameterStore;
import io.github.elbo4j.infer.guide.AutoNormal;
import io.github.elbo4j.infer.guide.GaussianMoments;
import io.github.elbo4j.infer.run.DeterministicRun;
import io.github.elbo4j.infer.run.FixedDraws;
import io.github.elbo4j.infer.run.ImportanceCheck;
import io.github.elbo4j.infer.run.LaplaceStart;
import io.github.elbo4j.infer.run.StepSizeSearch;
import io.github.elbo4j.infer.run.StochasticRun;
import io.github.elbo4j.infer.run.SviProgram;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Lbfgs;
import io.github.elbo4j.optim.Optimizer;
import io.github.elbo4j.random.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three ways {@link Svi#run()} fits a compiled program (the Laplace approximation as compiled,
 * deterministic VI with fixed draws and L-BFGS, stochastic VI with an optimizer) and what every fit
 * ends with: the posterior, the PSIS check on {@code clamp(W/8, 256, 2000)} draws ({@code W} the
 * fit's single-draw model evaluations), the verdict and the provenance.
 */
final class SviRun {

    private final Model model;
    private final SviSettings settings;

    SviRun(Model model, SviSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    Fit laplace(SviProgram p, SviState start) {
        LaplaceStart l = p.laplace.orElseThrow();
        StopReason stop = l.converged() ? StopReason.CONVERGED
                : l.search().status() == Lbfgs.Status.MAX_ITERATIONS ? StopReason.BUDGET : StopReason.OPTIMIZER_STALLED;
        String method = "Laplace approximation (mode by L-BFGS, Hessian by central differences of exact gradients)";
        return finish(p, start.parameters(), Optional.empty(), new ElboTrace(new double[] {l.elbo()}, ElboTrace.Kind.DETERMINISTIC), stop, method,
                settings.provenance("laplace"), Optional.empty(), List.of(p.warmStartNote),
                "start the mode search elsewhere (init) or use another guide", l.gradientEvaluations());
    }

    Fit deterministic(SviProgram p, SviState start) {
        Lbfgs lbfgs = new Lbfgs(10, (int) Math.min(settings.maxSteps(), Integer.MAX_VALUE));
        DeterministicRun run = new DeterministicRun(p, lbfgs, Svi.MAX_DETERMINISTIC_DRAWS, settings.listener());
        DeterministicRun.Outcome o = run.run(start.parameters(), RandomStream.of(settings.seed()).split(-5));
        Map<String, String> reported = settings.provenance("deterministic");
        reported.put("fixedDraws", Integer.toString(o.draws()));
        String method = "deterministic VI (fixed draws, L-BFGS), " + settings.guideName() + " guide, " + o.draws() + " fixed draws";
        List<String> notes = List.of(p.warmStartNote, o.note());
        return finish(p, o.parameters(), run.lastDraws(), new ElboTrace(o.trace(), ElboTrace.Kind.DETERMINISTIC), o.stop(), method,
                reported, Optional.empty(), notes, "raise the iteration budget (maxSteps; --steps in the command)", o.drawEvaluations());
    }

    Fit stochastic(SviProgram p, SviState start, Optimizer opt, Optional<Double> eta) {
        SviSettings s = settings;
        if (s.adaptSteps() > 0 && eta.isEmpty()) {
            double chosen = StepSizeSearch.choose(p, s.estimator(), s.effectiveParticles(), s.adaptSteps(), RandomStream.of(s.seed()),
                    start);
            return stochastic(p, start, new io.github.elbo4j.optim.StanStepSize(chosen), Optional.of(chosen));
        }
        Convergence rule = s.convergenceOrDefault();
        StochasticRun.Outcome o = StochasticRun.run(p, opt, s.estimator(), s.effectiveParticles(), s.subsampling(), s.maxSteps(), rule, s.listener(),
                RandomStream.of(s.seed()), start, s.signalToNoiseWindow());
        Map<String, String> reported = s.provenance("stochastic");
        reported.put("optimizer", opt.toString());
        reported.put("convergence", rule.toString());
        eta.ifPresent(e -> reported.put("adaptedStepSize", Double.toString(e)));
        String method = "stochastic VI, " + s.guideName() + " guide, " + opt.getClass().getSimpleName() + ", "
                + s.effectiveParticles() + " particle(s) per step";
        return finish(p, o.fitted(), Optional.empty(), new ElboTrace(o.trace(), ElboTrace.Kind.STOCHASTIC), o.stop(), method, reported,
                Optional.of(o.state()), List.of(p.warmStartNote, o.note()),
                "raise the step budget (maxSteps; --steps in the command), lower the learning rate, or let elbo4j choose the "
                        + "method (no optimizer)", o.drawEvaluations());
    }

    private Fit finish(SviProgram p, ParameterStore fitted, Optional<FixedDraws> fixedDraws, ElboTrace trace, StopReason stop,
                       String method, Map<String, String> reported, Optional<SviState> state, List<String> notes, String howToFix,
                       long drawEvaluations) {
        GuidePosterior posterior = GuidePosterior.of(p, fitted, fixedDraws);
        reported.put("gradientEvaluations", Long.toString(drawEvaluations));
        Diagnostics d;
        int chosenDraws = settings.diagnosticDraws();
        if (chosenDraws == 0) {
            d = Diagnostics.notChecked("the check was turned off (diagnosticDraws(0))");
        } else if (settings.pointMass()) {
            d = Diagnostics.notChecked("a point estimate (MAP) has no density to compare with the posterior");
        } else {
            int draws = chosenDraws != SviSettings.AUTO_DRAWS ? chosenDraws
                    : p.laplace.isPresent() ? Svi.MAX_DRAWS : (int) Math.max(Svi.MIN_DRAWS, Math.min(Svi.MAX_DRAWS, drawEvaluations / 8));
            reported.put("diagnosticDraws", Integer.toString(draws));
            d = ImportanceCheck.diagnose(model, posterior, draws, RandomStream.of(settings.seed()).split(-6));
        }
        List<String> allNotes = new ArrayList<>(notes);
        Verdict verdict = Verdict.of(stop, d, howToFix);
        if (settings.diagnosticDraws() != 0 && !settings.pointMass()) {
            verdict = checkedBeyondKHat(p, fitted, posterior, verdict);
        }
        return new Fit(method, fitted.values(), trace, stop, d, verdict, Provenance.of(settings.seed(), reported), posterior, state,
                allNotes);
    }

    /**
     * The largest unconstrained dimension the checks beyond k-hat run at: the correlation check
     * costs {@code 2D} gradient evaluations and the width check {@code O(D²)} per draw, so at this
     * size each costs about what the PSIS check does.
     */
    static final int MAX_CHECK_DIMENSION = Svi.MAX_DRAWS / 2;

    /** Draws per checked site of {@link MarginalWidth}, and how many scalar sites it checks. */
    static final int WIDTH_CHECK_DRAWS = 1000;
    static final int WIDTH_CHECK_SITES = 8;

    /**
     * {@code verdict} amended by the checks beyond k-hat, for an automatic Gaussian guide of at most
     * {@value #MAX_CHECK_DIMENSION} coordinates whose density the fit approximated exactly (no
     * minibatches, no enumerated sites, no learnable parameters of the model's own, which the
     * density would hold at their initial values): {@link MeanFieldCorrelation} for mean field, then
     * {@link MarginalWidth} ({@value #WIDTH_CHECK_SITES} scalar latents, {@value #WIDTH_CHECK_DRAWS}
     * model runs each) unless the verdict already is {@link Verdict.Level#DO_NOT_TRUST}.
     */
    private Verdict checkedBeyondKHat(SviProgram p, ParameterStore fitted, GuidePosterior posterior, Verdict verdict) {
        if (p.autoGuide == null || p.subsampled || p.enumerates || p.layout.dimension() > MAX_CHECK_DIMENSION
                || !fitted.names().stream().allMatch(n -> n.startsWith("auto_"))) {
            return verdict;
        }
        Optional<GaussianMoments> moments = posterior.moments();
        if (moments.isEmpty()) {
            return verdict;
        }
        LogDensity density = new LogDensity(model, p.layout, RandomStream.of(settings.seed()).split(-9));
        Verdict checked = verdict;
        if (p.autoGuide instanceof AutoNormal) {
            checked = MeanFieldCorrelation.largest(density, moments.get().mean().toArray()).map(checked::withCorrelation).orElse(checked);
        }
        if (checked.level() != Verdict.Level.DO_NOT_TRUST) {
            checked = MarginalWidth.largest(density, moments.get(), RandomStream.of(settings.seed()).split(-10), WIDTH_CHECK_DRAWS,
                    WIDTH_CHECK_SITES).map(checked::withMarginalWidth).orElse(checked);
        }
        return checked;
    }
}
