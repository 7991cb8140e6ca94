package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.GuidePosterior;
import io.github.elbo4j.infer.LogDensity;
import io.github.elbo4j.infer.MarginalWidth;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.random.RandomStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well the width check ({@link MarginalWidth}) reads a Gaussian guide's marginals: for every
 * posterior of the accuracy suite, mean field, low rank and full rank (seed 1, default settings), and
 * every scalar latent, the check's factor (importance-weighted sd over q's sd, 1,000 draws, as the
 * fit's own check runs it) beside the true factor (the reference sd over q's sd from 20,000 draws).
 * Prints one Markdown row per site (docs/fitting.md cites the ranges). Usage:
 * {@code java -cp benchmarks.jar io.github.elbo4j.bench.accuracy.WidthCheckAccuracy [POSTERIOR ...]}.
 */
public final class WidthCheckAccuracy {

    private WidthCheckAccuracy() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        List<ReferencePosterior> posteriors = args.length > 0 ? java.util.Arrays.stream(args).map(ReferencePosteriors::named).toList()
                : ReferencePosteriors.all();
        System.out.println("| posterior | guide | latent | check's factor | true factor | effective draws | fit's verdict |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (ReferencePosterior p : posteriors) {
            for (AutoGuide g : List.of(AutoGuide.meanField(), AutoGuide.lowRank(), AutoGuide.fullRank())) {
                Fit fit = Svi.builder(p.model()).guide(g).seed(1).build().run();
                GuidePosterior q = (GuidePosterior) fit.posterior();
                LogDensity density = LogDensity.of(p.model(), RandomStream.of(1));
                Map<String, io.github.elbo4j.tensor.Tensor> draws = q.sample(AccuracyCheck.DRAWS, RandomStream.of(1).split(77));
                for (MarginalWidth m : MarginalWidth.bySite(density, q.moments().orElseThrow(), RandomStream.of(1).split(-10), 1000,
                        Integer.MAX_VALUE)) {
                    double truth = p.reference().parameter(m.site()).map(r -> r.sd() / AccuracyCheck.sd(draws.get(m.site()).toArray())).orElse(Double.NaN);
                    System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %.2f | %.0f | %s |", p.name(), g.familyName(),
                            m.site(), m.factor(), truth, m.effectiveDraws(),
                            fit.verdict().level().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
                    System.out.flush();
                }
            }
        }
    }
}
