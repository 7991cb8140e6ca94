package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.infer.Verdict;

/**
 * The accuracy goals of issues 12 and 13, with default settings: full rank within 0.2 posterior
 * sds of the reference means and sd ratios in [0.8, 1.25] on every well-posed posterior; mean
 * field within 0.3 sds where every posterior correlation is below 0.9; wherever a fit misses
 * its goal, its own verdict must not be {@code GOOD}; and no fit more than 0.5 sds off may pass
 * without a warning (a diagnostic that lies is worse than none). The flow guide has no goal of its
 * own yet: on hier_logreg its smallest sd ratio is 0.79 with k-hat 0.37 (GOOD), a hair under the
 * full-rank goal of 0.8, which that goal would count as a verdict inconsistent with the error.
 */
public final class Goals {

    static final double FULL_RANK_MEAN = 0.2;
    static final double FULL_RANK_SD_LOW = 0.8;
    static final double FULL_RANK_SD_HIGH = 1.25;
    static final double MEAN_FIELD_MEAN = 0.3;
    static final double MEAN_FIELD_CORRELATION = 0.9;
    static final double MUST_WARN = 0.5;

    /**
     * What the goals say of one fit.
     *
     * @param applies   whether an accuracy goal applies to this posterior and guide
     * @param met       whether it is met (true when none applies)
     * @param honest    whether the verdict is consistent: a missed goal is not GOOD, and a mean error above 0.5 sd warns
     * @param note      why, in words
     */
    public record Outcome(boolean applies, boolean met, boolean honest, String note) {
    }

    private Goals() {
    }

    static Outcome evaluate(AccuracyCheck c, ReferencePosterior p) {
        boolean applies;
        boolean met;
        String note;
        if ("fullrank".equals(c.guide())) {
            applies = p.wellPosed();
            met = !applies || (c.meanError() <= FULL_RANK_MEAN && c.minSdRatio() >= FULL_RANK_SD_LOW && c.maxSdRatio() <= FULL_RANK_SD_HIGH);
            note = applies ? "full rank on a well-posed posterior: mean error <= 0.2 sd, sd ratio in [0.8, 1.25]" : "not well-posed: no goal";
        } else if ("meanfield".equals(c.guide())) {
            applies = p.wellPosed() && p.maxAbsPosteriorCorrelation() < MEAN_FIELD_CORRELATION;
            met = !applies || c.meanError() <= MEAN_FIELD_MEAN;
            note = applies ? "mean field, correlations below 0.9: mean error <= 0.3 sd" : "correlations of 0.9 or more (or not well-posed): no goal";
        } else {
            applies = false;
            met = true;
            note = "no goal for " + c.guide();
        }
        boolean honest = (met || c.verdict().level() != Verdict.Level.GOOD) && (c.meanError() <= MUST_WARN || c.verdict().isWarning());
        return new Outcome(applies, met, honest, note);
    }
}
