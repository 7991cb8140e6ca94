package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.flow.FlowLayer;
import java.util.List;
import java.util.Locale;

/**
 * The table "Accuracy" of docs/flows.md: on the accuracy suite's four hard posteriors, full rank,
 * the default flow (16 radial layers) and 8 layers of each other kind (autoregressive, affine
 * coupling, spline coupling), seed 1, default settings, compared with the references as
 * {@link AccuracyCheck} does. Prints one Markdown row per fit. Usage:
 * {@code java -cp benchmarks.jar io.github.elbo4j.bench.accuracy.FlowKindsAccuracy [POSTERIOR ...]}.
 */
public final class FlowKindsAccuracy {

    private static final List<String> HARD = List.of("hier_logreg", "hier_binomial", "funnel10", "eight_schools_centered");

    private FlowKindsAccuracy() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        List<String> names = args.length > 0 ? List.of(args) : HARD;
        System.out.println("| posterior | guide | max mean error, sds (where) | sd ratio min-max (worst) | k-hat (draws) | verdict | seconds |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String name : names) {
            ReferencePosterior p = ReferencePosteriors.named(name);
            row(p, "full rank", AutoGuide.fullRank());
            row(p, "radial, 16 (default)", AutoGuide.flow());
            row(p, "iaf, 8", AutoGuide.flow(FlowLayer.autoregressive(), 8));
            row(p, "affine, 8", AutoGuide.flow(FlowLayer.affineCoupling(), 8));
            row(p, "spline, 8", AutoGuide.flow(FlowLayer.splineCoupling(8, 5.0), 8));
        }
    }

    private static void row(ReferencePosterior p, String label, AutoGuide guide) {
        AccuracyCheck c = AccuracyCheck.run(p, guide, 1);
        String k = Double.isNaN(c.paretoK()) ? "-" : String.format(Locale.ROOT, "%.2f (%d)", c.paretoK(), c.draws());
        System.out.println(String.format(Locale.ROOT, "| %s | %s | %.3f (%s) | %.2f-%.2f (%s) | %s | %s | %.1f |", p.name(), label,
                c.meanError(), c.worstMean(), c.minSdRatio(), c.maxSdRatio(), c.worstSd(), k,
                c.verdict().level().name().toLowerCase(Locale.ROOT).replace('_', ' '), c.seconds()));
        System.out.flush();
    }
}
