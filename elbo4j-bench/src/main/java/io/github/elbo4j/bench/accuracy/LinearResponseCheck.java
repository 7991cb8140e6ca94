package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.LinearResponse;
import java.util.Optional;

/**
 * The linear-response sds of a mean-field fit ({@link Fit#linearResponse()}) against the reference
 * sds, over the latent coordinates the reference has (derived quantities have no LRVB row): the
 * range of {@code sd_LR / sd_ref}, and the mean of {@code |log(sd / sd_ref)|} for the LRVB sds and for
 * the mean-field sds mapped the same way (delta method), so that the two differ only by the covariance.
 *
 * @param minSdRatio the smallest {@code sd_LR / sd_ref}
 * @param maxSdRatio the largest
 * @param worst      the coordinate whose ratio is farthest from 1 (in log)
 * @param meanAbsLogRatio          mean {@code |log(sd_LR / sd_ref)|}
 * @param meanFieldMeanAbsLogRatio mean {@code |log(sd_MF / sd_ref)|}
 * @param failure    why there is no correction (the Hessian not positive definite), or empty
 */
public record LinearResponseCheck(double minSdRatio, double maxSdRatio, String worst, double meanAbsLogRatio,
                                  double meanFieldMeanAbsLogRatio, Optional<String> failure) {

    /** The check of {@code fit} (a mean-field fit of {@code p}); empty for another guide. */
    static Optional<LinearResponseCheck> of(ReferencePosterior p, Fit fit, String guide) {
        if (!"meanfield".equals(guide)) {
            return Optional.empty();
        }
        LinearResponse lr;
        try {
            lr = fit.linearResponse();
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Optional.of(new LinearResponseCheck(Double.NaN, Double.NaN, "", Double.NaN, Double.NaN, Optional.of(e.getMessage())));
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        String worst = "";
        double worstLog = -1;
        double sumLr = 0;
        double sumMf = 0;
        int n = 0;
        for (LinearResponse.Row r : lr.rows()) {
            var ref = p.reference().parameter(r.name());
            if (ref.isEmpty()) {
                continue;
            }
            double ratio = r.sd() / ref.get().sd();
            min = Math.min(min, ratio);
            max = Math.max(max, ratio);
            double log = Math.abs(Math.log(ratio));
            if (log > worstLog) {
                worstLog = log;
                worst = r.name();
            }
            sumLr += log;
            sumMf += Math.abs(Math.log(r.meanFieldSd() / ref.get().sd()));
            n++;
        }
        return Optional.of(new LinearResponseCheck(min, max, worst, sumLr / n, sumMf / n, Optional.empty()));
    }

    /** The cell of docs/accuracy.md: {@code min-max (worst)}, or why there is none. */
    String cell() {
        return failure.isPresent() ? "not at a maximum" : String.format(java.util.Locale.ROOT, "%.2f-%.2f (%s)", minSdRatio, maxSdRatio, worst);
    }
}
