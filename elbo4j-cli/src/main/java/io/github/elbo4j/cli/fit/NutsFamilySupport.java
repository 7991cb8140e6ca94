package io.github.elbo4j.cli.fit;

import io.github.elbo4j.infer.Verdict;
import io.github.elbo4j.mcmc.Nuts;
import io.github.elbo4j.mcmc.ParameterSummary;
import io.github.elbo4j.mcmc.Samples;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --method nuts} for the regression families: NUTS with Stan's defaults (4 chains, warm-up
 * and kept draws {@code --steps} each, default 1000), chains on {@code --threads} threads. The
 * outcome carries the chains' draws ({@value #DRAWS}, {@code [chains, draws, quantities]}) from
 * which the report draws the trace plots and the R-hat/ESS table ({@link NutsReport}).
 */
final class NutsFamilySupport {

    /** The name of the chains' draws among the outcome's arrays. */
    static final String DRAWS = "nuts_draws";
    /** The method's name for {@code --method}. */
    static final String METHOD = "nuts";
    /** Kept draws per chain when {@code --steps} is not given (Stan's default; the warm-up is as long). */
    static final int DEFAULT_DRAWS = 1000;
    static final int CHAINS = 4;

    private NutsFamilySupport() {
    }

    static FitOutcome fit(String family, Model model, FitOptions o, Map<String, String> labels, Map<String, String> familyNotes) {
        if (o.steps() > Integer.MAX_VALUE / 2) {
            throw new BadInputException("--steps for nuts (draws per chain) must be <= " + Integer.MAX_VALUE / 2 + ", got " + o.steps());
        }
        int draws = (int) o.steps();
        Samples s = Nuts.of(model).chains(CHAINS).warmup(draws).draws(draws).seed(o.seed()).threads(o.threads()).run();
        List<ParameterSummary> summary = s.summary();
        List<FitOutcome.SummaryRow> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ParameterSummary p : summary) {
            String name = labels.getOrDefault(p.name(), p.name());
            names.add(name);
            rows.add(new FitOutcome.SummaryRow(name, p.mean(), p.sd(), p.q05(), p.q50(), p.q95()));
        }
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("chains", CHAINS + " x (" + draws + " warm-up + " + draws + " draws), seed " + o.seed());
        notes.put("divergences", Integer.toString(s.divergences()));
        notes.put("max tree depth hit", s.treeDepthSaturations() + " times (depth " + s.settings().maxTreeDepth() + ")");
        notes.put("step sizes", Arrays.toString(Arrays.stream(s.stepSizes()).mapToObj(v -> String.format(Locale.ROOT, "%.4g", v)).toArray()));
        notes.put("gradient evaluations", Long.toString(s.gradientEvaluations()));
        notes.put("quantities", String.join(",", names));
        notes.putAll(familyNotes);
        String method = "NUTS (multinomial, generalized no-U-turn criterion), Stan's windowed warm-up, diagonal metric, "
                + CHAINS + " chains x " + draws + " draws after " + draws + " warm-up";
        return new FitOutcome(family, method, rows, new double[0], "NONE", verdict(summary, s.divergences()), notes,
                Map.of(DRAWS, chains(s, summary.size())), Optional.empty(), List.of(), List.of());
    }

    /** GOOD when every R-hat is below 1.01, no transition diverged and every bulk ESS is at least 100 per chain; else the reasons. */
    static Verdict verdict(List<ParameterSummary> summary, int divergences) {
        List<String> reasons = new ArrayList<>();
        double maxRhat = summary.stream().mapToDouble(ParameterSummary::rhat).max().orElse(Double.NaN);
        double minEss = summary.stream().mapToDouble(ParameterSummary::essBulk).min().orElse(Double.NaN);
        if (!(maxRhat < 1.01)) {
            reasons.add(String.format(Locale.ROOT, "not converged: max R-hat %.4f is not below 1.01 (the chains disagree); run longer", maxRhat));
        }
        if (divergences > 0) {
            reasons.add(divergences + " divergent transitions: the sampler missed part of the posterior; reparameterize the model");
        }
        if (!(minEss >= 100 * CHAINS)) {
            reasons.add(String.format(Locale.ROOT, "not converged: smallest bulk ESS %.0f is below %d (100 per chain); run longer", minEss, 100 * CHAINS));
        }
        if (reasons.isEmpty()) {
            reasons.add(String.format(Locale.ROOT, "max R-hat %.4f < 1.01, smallest bulk ESS %.0f, no divergences", maxRhat, minEss));
            return new Verdict(Verdict.Level.GOOD, reasons);
        }
        return new Verdict(Verdict.Level.NOT_CONVERGED, reasons);
    }

    /** The draws {@code [chains, draws, quantities]}, quantities in summary order. */
    private static Tensor chains(Samples s, int quantities) {
        int n = s.drawsPerChain();
        double[] out = new double[s.chains() * n * quantities];
        int q = 0;
        for (String site : s.latentNames()) {
            int size = 1;
            for (int d : s.shapeOf(site)) {
                size *= d;
            }
            for (int k = 0; k < size; k++, q++) {
                double[][] x = s.chainDraws(site, k);
                for (int c = 0; c < x.length; c++) {
                    for (int i = 0; i < n; i++) {
                        out[(c * n + i) * quantities + q] = x[c][i];
                    }
                }
            }
        }
        return Tensor.of(out, s.chains(), n, quantities);
    }
}
