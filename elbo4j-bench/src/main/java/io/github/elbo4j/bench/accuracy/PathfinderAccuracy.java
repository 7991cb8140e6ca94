package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.pathfinder.Pathfinder;
import io.github.elbo4j.pathfinder.PathfinderFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pathfinder (4 paths, PSIS-resampled) next to ADVI's default mean-field and full-rank fits on
 * every posterior of the accuracy suite, compared with the references as {@link AccuracyCheck}
 * does; prints a Markdown table (the one at the end of docs/accuracy.md). Usage:
 * {@code java -cp benchmarks.jar io.github.elbo4j.bench.accuracy.PathfinderAccuracy [POSTERIOR ...]}.
 */
public final class PathfinderAccuracy {

    private PathfinderAccuracy() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        List<ReferencePosterior> suite = new ArrayList<>();
        if (args.length == 0) {
            suite.addAll(ReferencePosteriors.all());
        } else {
            for (String name : args) {
                suite.add(ReferencePosteriors.named(name));
            }
        }
        System.out.println("| posterior | method | max mean error, sds (where) | sd ratio min-max | k-hat (draws) | verdict | seconds |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (ReferencePosterior p : suite) {
            print(AccuracyCheck.run(p, AutoGuide.meanField(), 1));
            print(AccuracyCheck.run(p, AutoGuide.fullRank(), 1));
            AccuracyCheck pf;
            try {
                pf = check(p);
            } catch (IllegalArgumentException | IllegalStateException failed) {
                System.out.println("| " + p.name() + " | pathfinder | failed: " + failed.getMessage() + " | | | | |");
                continue;
            }
            print(pf);
        }
    }

    /** Pathfinder (4 paths, seed 1) on {@code p}, compared with its reference. */
    static AccuracyCheck check(ReferencePosterior p) {
        long start = System.nanoTime();
        PathfinderFit r = Pathfinder.of(p.model()).paths(4).seed(1).run();
        return AccuracyCheck.of(p, r.fit(), "pathfinder", 1, (System.nanoTime() - start) / 1e9);
    }

    private static void print(AccuracyCheck c) {
        String k = Double.isNaN(c.paretoK()) ? "-" : String.format(Locale.ROOT, "%.2f (%d)", c.paretoK(), c.draws());
        System.out.println(String.format(Locale.ROOT, "| %s | %s | %.3f (%s) | %.2f-%.2f | %s | %s | %.2f |", c.posterior(), c.guide(),
                c.meanError(), c.worstMean(), c.minSdRatio(), c.maxSdRatio(), k,
                c.verdict().level().name().toLowerCase(Locale.ROOT).replace('_', ' '), c.seconds()));
        System.out.flush();
    }
}
