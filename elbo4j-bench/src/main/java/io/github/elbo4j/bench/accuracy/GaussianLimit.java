package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.LearningRateSchedule;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 12's goal, full rank within 0.1 reference sds wherever k-hat &lt; 0.7, and for each miss
 * whether a better optimizer would close it: the same guide refitted by stochastic VI for
 * {@value #STEPS} Adam steps (learning rate 0.01 with cosine decay to 1 %, 16 particles, no early
 * stop). When that long fit lands as far off, the default fit found the best Gaussian, and the miss
 * is the family's (the KL-optimal Gaussian's mean is biased on a skewed posterior), not the optimizer's.
 */
final class GaussianLimit {

    static final double GOAL = 0.1;
    static final long STEPS = 40_000;

    private GaussianLimit() {
    }

    /** The markdown section for the full-rank checks {@code fullRank} (posterior to check). */
    static String section(Map<ReferencePosterior, AccuracyCheck> fullRank) {
        List<Map.Entry<ReferencePosterior, AccuracyCheck>> applies = fullRank.entrySet().stream()
                .filter(e -> e.getValue().paretoK() < 0.7).toList();
        List<Map.Entry<ReferencePosterior, AccuracyCheck>> misses = applies.stream()
                .filter(e -> e.getValue().meanError() > GOAL).toList();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%nIssue 12's goal, full rank within %.1f sds where k-hat < 0.7: met by %d of %d fits.",
                GOAL, applies.size() - misses.size(), applies.size()));
        if (misses.isEmpty()) {
            return md.append('\n').toString();
        }
        md.append(String.format(Locale.ROOT, " Each miss refitted by stochastic VI, %,d Adam steps (0.01, cosine decay), 16 particles:%n%n", STEPS));
        md.append("| posterior | default fit: mean error (where) | long stochastic fit: mean error (where) | PSIS-corrected mean error "
                + "of the default fit | its verdict |\n|---|---|---|---|---|\n");
        for (Map.Entry<ReferencePosterior, AccuracyCheck> e : misses) {
            AccuracyCheck c = e.getValue();
            AccuracyCheck longFit = AccuracyCheck.run(e.getKey(), AutoGuide.fullRank(), 1, b -> b.method(Svi.Method.STOCHASTIC)
                    .optimizer(Adam.lr(0.01).withSchedule(LearningRateSchedule.cosine(STEPS, 0.01)))
                    .numParticles(16).maxSteps(STEPS).convergence(Convergence.none()));
            md.append(String.format(Locale.ROOT, "| %s | %.3f (%s) | %.3f (%s) | %.3f | %s: %s |%n", c.posterior(), c.meanError(), c.worstMean(),
                    longFit.meanError(), longFit.worstMean(), c.psisMeanError(),
                    c.verdict().level().name().toLowerCase(Locale.ROOT).replace('_', ' '), String.join("; ", c.verdict().reasons())));
        }
        return md.append("\nWhere the long fit is as far off, the miss is the Gaussian family's; the verdict names the site whose ")
                .append("marginal importance weighting moves, and the PSIS-corrected mean it reports is the better estimate.\n").toString();
    }
}
