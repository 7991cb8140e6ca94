package io.github.elbo4j.mcmc;

import java.util.Locale;

/**
 * The posterior summary of one scalar from all chains' draws: mean, sd, 5/50/95% quantiles (type 7),
 * the Monte Carlo standard error of the mean, bulk and tail ESS and the rank-normalized split R-hat
 * ({@link io.github.elbo4j.diagnostics.ChainDiagnostics}).
 */
public record ParameterSummary(String name, double mean, double sd, double q05, double q50, double q95,
                               double mcseMean, double essBulk, double essTail, double rhat) {

    /** The column titles matching {@link #toString()}. */
    public static final String HEADER = String.format(Locale.ROOT, "%-16s %10s %10s %10s %10s %10s %10s %9s %9s %7s",
            "", "mean", "sd", "5%", "50%", "95%", "mcse", "ess_bulk", "ess_tail", "rhat");

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-16s %10.4f %10.4f %10.4f %10.4f %10.4f %10.5f %9.0f %9.0f %7.4f",
                name, mean, sd, q05, q50, q95, mcseMean, essBulk, essTail, rhat);
    }
}
