package io.github.elbo4j.cli.fit;

import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.GuideAttempt;
import io.github.elbo4j.infer.Verdict;
import io.github.elbo4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a model family's fit produced, ready to be written as {@code summary.csv},
 * {@code posterior.json} and {@code report.html}, or read back from {@code posterior.json} by
 * {@code elbo4j report}.
 *
 * @param model      the family name
 * @param method     how it was fitted, in words
 * @param rows       one summary row per scalar quantity, named after the data's columns where they have one
 * @param elboTrace  the ELBO per step, minimizer iteration or sweep
 * @param traceKind  what a trace value is ({@code STOCHASTIC}, {@code DETERMINISTIC}, {@code EXACT})
 * @param verdict    whether to trust the fit, with the reasons
 * @param notes      facts to show (name → value): stopping, diagnostics, family-specific numbers
 * @param arrays     fitted arrays for {@code posterior.json} (LDA's topic-word parameters, the mixture's components)
 * @param fit        the fit itself, when the outcome was just fitted (absent when read back from a file)
 * @param tables     further tables of the report (linear-response sds, gradient signal-to-noise), in order
 * @param attempts   the guides {@code --guide auto} tried, in order (empty otherwise)
 */
public record FitOutcome(String model, String method, List<SummaryRow> rows, double[] elboTrace, String traceKind,
                         Verdict verdict, Map<String, String> notes, Map<String, Tensor> arrays, Optional<Fit> fit,
                         List<ReportTable> tables, List<GuideAttempt> attempts) {

    /** Copies the tables and the attempts. */
    public FitOutcome {
        tables = List.copyOf(tables);
        attempts = List.copyOf(attempts);
    }

    /** This outcome with {@code more} tables after its own. */
    public FitOutcome withTables(List<ReportTable> more) {
        List<ReportTable> all = new java.util.ArrayList<>(tables);
        all.addAll(more);
        return new FitOutcome(model, method, rows, elboTrace, traceKind, verdict, notes, arrays, fit, all, attempts);
    }

    /** The outcome of {@code fit}, with the family's rows, notes and arrays; the fit's diagnostics join the notes. */
    public static FitOutcome of(String model, Fit fit, List<SummaryRow> rows, Map<String, String> familyNotes,
                                Map<String, Tensor> arrays) {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("stopped", fit.stopReason().description());
        notes.put("steps", Long.toString(fit.steps()));
        notes.putAll(familyNotes);
        fit.paretoK().ifPresent(k -> {
            notes.put("Pareto k-hat", String.format(Locale.ROOT, "%.3f (%d draws of q)", k, fit.diagnostics().draws()));
            notes.put("importance ESS", String.format(Locale.ROOT, "%.0f", fit.diagnostics().importanceEss()));
            notes.put("ELBO (same draws)", String.format(Locale.ROOT, "%.4f ± %.4f", fit.diagnostics().elbo(),
                    fit.diagnostics().elboStandardError()));
        });
        fit.diagnostics().notChecked().ifPresent(r -> notes.put("not checked", r));
        for (int i = 0; i < fit.notes().size(); i++) {
            notes.put("note " + (i + 1), fit.notes().get(i));
        }
        return new FitOutcome(model, fit.method(), rows, fit.elboTrace().values(), fit.elboTrace().kind().name(), fit.verdict(),
                notes, arrays, Optional.of(fit), List.of(), fit.attempts());
    }

    /**
     * This outcome with the coordinates its verdict's reasons name renamed by {@code labels}, as its
     * summary rows are ({@code "the sd of w[1]"} → {@code "the sd of x2 (w[1])"}): a reason names a
     * coordinate where a format puts it, as a token not part of a longer name.
     */
    public FitOutcome withLabelledReasons(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return this;
        }
        StringBuilder names = new StringBuilder();
        labels.keySet().stream().sorted((a, b) -> b.length() - a.length())
                .forEach(k -> names.append(names.length() == 0 ? "" : "|").append(java.util.regex.Pattern.quote(k)));
        java.util.regex.Pattern coordinate = java.util.regex.Pattern.compile("(?<![\\w\\[\\]])(" + names + ")(?![\\w\\[])");
        List<String> reasons = verdict.reasons().stream()
                .map(r -> coordinate.matcher(r).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        labels.get(m.group(1)) + " (" + m.group(1) + ")")))
                .toList();
        return new FitOutcome(model, method, rows, elboTrace, traceKind, new Verdict(verdict.level(), reasons), notes, arrays, fit,
                tables, attempts);
    }

    /** The summary rows of a fit as they are, renamed by {@code labels} (e.g. {@code w[0]} → {@code x1}). */
    public static List<SummaryRow> rows(Fit fit, Map<String, String> labels) {
        return fit.summary().stream()
                .map(s -> new SummaryRow(labels.getOrDefault(s.name(), s.name()), s.mean(), s.sd(), s.q05(), s.q50(), s.q95()))
                .toList();
    }

    /** True when the fit met its own stopping criterion. */
    public boolean converged() {
        return verdict.level() != Verdict.Level.NOT_CONVERGED
                && verdict.reasons().stream().noneMatch(r -> r.startsWith("not converged"));
    }

    /**
     * One row of the posterior summary; a quantity a family does not report is NaN (an empty cell
     * in {@code summary.csv}, a dash in the report).
     *
     * @param name quantity name, e.g. {@code x2} or {@code weight[1]}
     */
    public record SummaryRow(String name, double mean, double sd, double q05, double q50, double q95) {
    }
}
