package io.github.elbo4j.infer;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How well a fitted approximation {@code q} matches the posterior, from Pareto-smoothed
 * importance sampling (PSIS: Vehtari, Simpson, Gelman, Yao &amp; Gabry, JMLR 25(72), 2024; for VI:
 * Yao, Vehtari, Simpson &amp; Gelman, ICML 2018) on the log ratios
 * {@code log p(x, z_s) - log q(z_s)} of {@code S} draws {@code z_s ~ q}.
 *
 * @param paretoK     the estimated shape {@code k̂} of the ratios' tail (absent when not checked)
 * @param threshold   the sample-size-dependent threshold {@code min(1 - 1/log10 S, 0.7)}
 * @param draws       {@code S}
 * @param importanceEss the effective sample size of the smoothed weights, {@code 1 / Σ w̃_s²}
 * @param elbo        the ELBO estimated from the same draws, {@code (1/S) Σ_s log r_s}
 * @param elboStandardError its Monte Carlo standard error
 * @param logRatioSd  the standard deviation of the log ratios over the draws: when it is small,
 *                    {@code KL(q ‖ p) ≈ ½ Var_q(log r)} (the second-order expansion of
 *                    {@code log E_q[r] - E_q[log r]}) is small too
 * @param sites       per scalar latent: the mean under {@code q}, the PSIS-corrected mean and its MCSE
 * @param notChecked  why there is no {@code k̂}, when there is none
 */
public record Diagnostics(OptionalDouble paretoK, double threshold, int draws, double importanceEss, double elbo,
                          double elboStandardError, double logRatioSd, List<SiteCheck> sites, Optional<String> notChecked) {

    /**
     * One scalar latent checked by importance sampling.
     *
     * @param name     e.g. {@code theta[3]}
     * @param mean     {@code E_q[z]}, from the same draws
     * @param psisMean the self-normalized PSIS estimate of {@code E_p[z]}
     * @param mcse     the Monte Carlo standard error of {@code psisMean}
     * @param sd       {@code sd_q(z)}, from the same draws
     * @param psisSd   the PSIS estimate of {@code sd_p(z)}, {@code √(Σ w̃_s (z_s - psisMean)²)}
     */
    public record SiteCheck(String name, double mean, double psisMean, double mcse, double sd, double psisSd) {

        /** How far importance weighting moves the mean, in q's sds. */
        public double meanShift() {
            return sd > 0 ? Math.abs(psisMean - mean) / sd : 0;
        }

        /** The importance-weighted sd over q's sd. */
        public double sdRatio() {
            return sd > 0 ? psisSd / sd : 1;
        }
    }

    /** Copies the list. */
    public Diagnostics {
        sites = List.copyOf(sites);
    }

    /** No importance-sampling check, with the reason. */
    public static Diagnostics notChecked(String reason) {
        return new Diagnostics(OptionalDouble.empty(), Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(),
                Optional.of(reason));
    }

    /** {@code ½ Var_q(log r)}: the second-order estimate of {@code KL(q ‖ p)} in nats ({@code NaN} when not checked). */
    public double klEstimate() {
        return 0.5 * logRatioSd * logRatioSd;
    }

    /** True when {@code k̂} was computed. */
    public boolean checked() {
        return paretoK.isPresent();
    }
}
