package io.github.elbo4j.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether to trust a fit, and why: the reading of PSIS {@code k̂} (Vehtari et al., JMLR 25(72),
 * 2024, sec. 3: below 0.5 good, below {@code min(0.7, 1 - 1/log10 S)} usable, above do not trust;
 * Yao et al., ICML 2018, for VI) combined with how the fit stopped. One refinement: {@code k̂}
 * is scale-free, so when {@code q} is nearly exact ({@code log r} almost constant) it still
 * reads the shape of the ratios' far tail, which for a Gaussian {@code q} against a posterior
 * with exponential tails in unconstrained space (a Beta or Gamma posterior) is heavy whatever the
 * sample size; from 1,000 draws of a near-exact fit it ranged from 0.26 to 2.5 over six seeds. A
 * large {@code k̂} with an estimated {@code KL(q ‖ p) ≤} {@value #NEGLIGIBLE_KL} nats reads
 * {@link Level#USABLE}, with the numbers. Below the {@code k̂} limit the importance weights are
 * read too: a latent whose weighted mean departs from q's by more than {@value #UNUSABLE_SHIFT} of
 * q's sd makes the fit {@link Level#DO_NOT_TRUST}; by more than {@value #MEAN_SHIFT}, or an sd off by
 * a factor {@value #SD_FACTOR}, turns GOOD into {@link Level#USABLE}.
 *
 * @param level   the overall reading
 * @param reasons one line per finding, each saying what to try
 */
public record Verdict(Level level, List<String> reasons) {

    /**
     * A {@code KL(q ‖ p)} small enough (estimated by {@code ½ Var_q(log r)}) that a large
     * {@code k̂} is read as a statement about q's far tails only: by Pinsker's inequality no
     * event's probability under q differs from the posterior's by more than {@code √(KL/2) = 0.1}
     * (the reading is USABLE, not GOOD). It was 0.005 until a near-exact mean-field fit of a
     * Dirichlet-categorical posterior (means within 0.01 sd, sd ratio 1.00) read DO_NOT_TRUST at
     * two of four seeds with estimates of 0.008-0.011; on the accuracy suite every fit that
     * deserves DO_NOT_TRUST has an estimate of 0.118 or more ({@code ParetoKTest}). For a Gaussian q
     * too narrow along one direction by a factor {@code r}, {@code KL = ½(r² − 1 − log r²)}: 0.02 at
     * {@code r = 0.86}; narrower marginals are what the correlation and width checks look for.
     */
    public static final double NEGLIGIBLE_KL = 0.02;

    /** The mean shift under importance weighting, in q's sds, that a GOOD verdict tolerates. */
    public static final double MEAN_SHIFT = 0.2;

    /** The mean shift under importance weighting, in q's sds, above which q's means are not usable (DO_NOT_TRUST). */
    public static final double UNUSABLE_SHIFT = 0.5;

    /** The factor between the importance-weighted and q's sd that a GOOD verdict tolerates. */
    public static final double SD_FACTOR = 1.2;

    /**
     * The factor by which a mean-field guide may under-report a marginal sd ({@link MeanFieldCorrelation})
     * before its sds and intervals are read as wrong ({@link Level#DO_NOT_TRUST}); above {@value #SD_FACTOR}
     * a GOOD fit reads {@link Level#USABLE}.
     */
    public static final double UNUSABLE_SD_FACTOR = 2.0;

    /** How the reasons that name one latent's wrong marginal begin ({@link #namesAWrongMarginal}). */
    private static final String MOVES = "importance weighting moves";
    private static final String UNDER_REPORTS = "mean field under-reports the sd of";
    private static final String MARGINAL_OF = "q's marginal of";

    /** The overall reading, best first. */
    public enum Level {
        /** Converged and {@code k̂ < 0.5}: the approximation is close to the posterior. */
        GOOD,
        /** Converged and {@code 0.5 ≤ k̂ <} the threshold: means usable, tails and variances less so. */
        USABLE,
        /** Converged, but no {@code k̂} could be computed (the reason is given). */
        UNCHECKED,
        /** The fit did not meet its convergence criterion ({@code k̂} acceptable or absent). */
        NOT_CONVERGED,
        /** {@code k̂} at or above the threshold: the approximation is far from the posterior somewhere. */
        DO_NOT_TRUST
    }

    /** Copies the reasons. */
    public Verdict {
        reasons = List.copyOf(reasons);
    }

    /** True for the readings that deserve a warning: {@link Level#NOT_CONVERGED} and {@link Level#DO_NOT_TRUST}. */
    public boolean isWarning() {
        return level == Level.NOT_CONVERGED || level == Level.DO_NOT_TRUST;
    }

    /** The verdict of a fit that stopped for {@code stop} with diagnostics {@code d}. */
    public static Verdict of(StopReason stop, Diagnostics d, String howToFixBudget) {
        List<String> reasons = new ArrayList<>();
        Level level;
        if (d.checked()) {
            double k = d.paretoK().getAsDouble();
            double limit = Math.min(0.7, d.threshold());
            if (k >= limit && d.klEstimate() <= NEGLIGIBLE_KL) {
                level = Level.USABLE;
                reasons.add(String.format(Locale.ROOT, "Pareto k-hat %.2f >= %.2f, but log p - log q varies by only sd %.3f over q's "
                        + "draws (KL(q || p) about %.1g nats, so no probability under q is off by more than %.2f): q matches the "
                        + "posterior where it has mass, and k-hat reflects its far tails", k, limit, d.logRatioSd(), d.klEstimate(),
                        Math.sqrt(d.klEstimate() / 2)));
            } else if (k >= limit) {
                level = Level.DO_NOT_TRUST;
                reasons.add(String.format(Locale.ROOT, "Pareto k-hat %.2f >= %.2f: q is far from the posterior in its tails "
                        + "(means, variances and intervals may be wrong); try a richer guide (fullrank), a reparameterization "
                        + "(non-centered hierarchies), or check against a sampler", k, limit));
            } else if (k >= 0.5) {
                level = Level.USABLE;
                reasons.add(String.format(Locale.ROOT, "Pareto k-hat %.2f in [0.5, %.2f): means are usable, variances and "
                        + "tail quantiles less so; the PSIS-corrected means are in the diagnostics", k, limit));
            } else {
                level = Level.GOOD;
            }
            Diagnostics.SiteCheck offMean = k < limit ? largestMeanShift(d) : null;
            if (offMean != null) {
                level = Level.DO_NOT_TRUST;
                reasons.add(String.format(Locale.ROOT, MOVES + " %s by %.2f of q's sd (k-hat %.2f < %.2f, so the "
                        + "weights can be read): q's mean of %s is off; the PSIS-corrected mean %.4g is in the diagnostics; try a "
                        + "richer guide or check against a sampler", offMean.name(), offMean.meanShift(), k, limit, offMean.name(),
                        offMean.psisMean()));
            }
            if (level == Level.GOOD) {
                Diagnostics.SiteCheck moved = largestCorrection(d);
                if (moved != null) {
                    level = Level.USABLE;
                    reasons.add(String.format(Locale.ROOT, MOVES + " %s by %.2f of q's sd and scales its sd by %.2f: "
                            + "q's marginal of %s is off although k-hat %.2f < 0.5; the PSIS-corrected mean %.4g and sd %.4g are in "
                            + "the diagnostics", moved.name(), moved.meanShift(), moved.sdRatio(), moved.name(), k, moved.psisMean(),
                            moved.psisSd()));
                }
            }
        } else {
            level = Level.UNCHECKED;
            reasons.add("not checked by importance sampling: " + d.notChecked().orElse("no diagnostics were computed"));
        }
        if (stop.isWarning()) {
            reasons.add(0, "not converged: " + stop.description() + "; " + howToFixBudget);
            if (level != Level.DO_NOT_TRUST) {
                level = Level.NOT_CONVERGED;
            }
        }
        return new Verdict(level, reasons);
    }

    /**
     * The latent whose importance-weighted mean or sd departs most from q's, if one departs by more
     * than {@value #MEAN_SHIFT} of q's sd (and 4 Monte Carlo standard errors) or its sd by more than
     * a factor {@value #SD_FACTOR}: with {@code k̂ < 0.5} the weighted estimates are reliable, and
     * such a departure shows a marginal that q gets wrong (typically the sd of a hierarchical scale).
     */
    private static Diagnostics.SiteCheck largestCorrection(Diagnostics d) {
        Diagnostics.SiteCheck worst = null;
        double worstScore = 1;
        for (Diagnostics.SiteCheck s : d.sites()) {
            double meanScore = s.sd() > 0 && Math.abs(s.psisMean() - s.mean()) > 4 * s.mcse() ? s.meanShift() / MEAN_SHIFT : 0;
            double sdScore = Math.abs(Math.log(s.sdRatio())) / Math.log(SD_FACTOR);
            double score = Math.max(meanScore, sdScore);
            if (score > worstScore) {
                worstScore = score;
                worst = s;
            }
        }
        return worst;
    }

    /**
     * The latent whose importance-weighted mean departs most from q's, if one departs by more than
     * {@value #UNUSABLE_SHIFT} of q's sd (and 4 Monte Carlo standard errors): with {@code k̂} below
     * the limit the weighted mean is reliable, and q's mean is then off by more than the accuracy
     * suite lets a fit pass without a warning (a Laplace fit of a regression scale with 25
     * coefficients read {@code k̂} 0.58 while its mean of {@code sigma} was 1.3 reference sds off).
     */
    private static Diagnostics.SiteCheck largestMeanShift(Diagnostics d) {
        Diagnostics.SiteCheck worst = null;
        for (Diagnostics.SiteCheck s : d.sites()) {
            if (s.sd() > 0 && Math.abs(s.psisMean() - s.mean()) > 4 * s.mcse() && s.meanShift() > UNUSABLE_SHIFT
                    && (worst == null || s.meanShift() > worst.meanShift())) {
                worst = s;
            }
        }
        return worst;
    }

    /**
     * This verdict amended by the correlation check of a mean-field fit: a factor {@code f} above
     * {@value #UNUSABLE_SD_FACTOR} makes it {@link Level#DO_NOT_TRUST} (q's sd of that coordinate is
     * less than half the posterior's; its means may still be right, as they are for a Gaussian
     * posterior), above {@value #SD_FACTOR} turns GOOD into {@link Level#USABLE}; below, nothing
     * changes. A reason that worsens the level goes first, so {@link #summaryLine} shows it.
     */
    public Verdict withCorrelation(MeanFieldCorrelation c) {
        return amended(c.factor(), String.format(Locale.ROOT, UNDER_REPORTS + " %s by a factor %.2f: at q's "
                + "mean the posterior correlates it with the other latents (multiple correlation %.3f), which a factorized guide "
                + "cannot represent (importance sampling may miss it); use a fullrank or lowrank guide (or fit.linearResponse() "
                + "for corrected sds)", c.coordinate(), c.factor(), c.correlation()));
    }

    /**
     * This verdict amended by the width check of a Gaussian guide ({@link MarginalWidth}): the same
     * thresholds as {@link #withCorrelation} on the factor by which importance sampling from a
     * proposal widened along one latent finds that latent's sd larger than q's.
     */
    public Verdict withMarginalWidth(MarginalWidth m) {
        return amended(m.factor(), String.format(Locale.ROOT, MARGINAL_OF + " %s is too narrow: importance sampling from a "
                + "proposal %.0f times wider along %s gives its sd as %.4g, %.2f times q's %.4g (%.0f effective draws), which "
                + "importance sampling from q alone does not see; try a richer guide (a flow) or check against a sampler",
                m.site(), MarginalWidth.WIDENING, m.site(), m.weightedSd(), m.factor(), m.sd(), m.effectiveDraws()));
    }

    /** This verdict with a factor {@code f} and its reason: see {@link #withCorrelation}. */
    private Verdict amended(double f, String reason) {
        if (f <= SD_FACTOR) {
            return this;
        }
        Level worse = f > UNUSABLE_SD_FACTOR ? Level.DO_NOT_TRUST : level == Level.GOOD ? Level.USABLE : level;
        List<String> all = new ArrayList<>(reasons);
        if (worse.compareTo(level) > 0) {
            all.add(0, reason);
            return new Verdict(worse, all);
        }
        all.add(reason);
        return new Verdict(level, all);
    }

    /**
     * True when a reason names a latent whose marginal q gets wrong (importance weighting moves its
     * mean or sd, mean field under-reports its sd, or q's marginal is too narrow), beyond what
     * {@code k̂} says: {@code AutoGuide.auto()} then tries the next family.
     */
    public boolean namesAWrongMarginal() {
        return reasons.stream().anyMatch(r -> r.startsWith(MOVES) || r.startsWith(UNDER_REPORTS) || r.startsWith(MARGINAL_OF));
    }

    /** One line: the level and the first reason. */
    public String summaryLine() {
        String name = level.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return reasons.isEmpty() ? name : name + ": " + reasons.get(0);
    }
}
