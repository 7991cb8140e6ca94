package io.github.elbo4j.infer;

import java.util.Arrays;

/**
 * Stan's ADVI stopping rule (Kucukelbir et al., JMLR 18(14), 2017, sec. 3.3; Stan's
 * {@code tol_rel_obj}): every {@code evalEvery} steps, the ELBO averaged over the last
 * {@code evalEvery} steps is compared with the previous average; the relative change
 * {@code |Δ| / |ELBO|} is pushed into a circular buffer, and the fit has converged when the
 * mean or the median of the buffer falls below {@code tolerance}.
 *
 * @param tolerance  relative tolerance ({@code tol_rel_obj}, Stan's default 0.01)
 * @param evalEvery  steps per ELBO average ({@code eval_elbo}, Stan's default 100)
 * @param window     size of the buffer of relative changes
 */
public record Convergence(double tolerance, int evalEvery, int window) {

    /** Validates the settings. */
    public Convergence {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("Convergence tolerance must be > 0, got " + tolerance);
        }
        if (evalEvery < 1) {
            throw new IllegalArgumentException("Convergence evalEvery must be >= 1, got " + evalEvery);
        }
        if (window < 1) {
            throw new IllegalArgumentException("Convergence window must be >= 1, got " + window);
        }
    }

    /** Stan's evaluation period (100 steps) and a window of 10 relative changes, with the given tolerance. */
    public static Convergence relative(double tolerance) {
        return new Convergence(tolerance, 100, 10);
    }

    /** Running state of the rule over one fit. */
    static final class Monitor {
        private final Convergence rule;
        private final double[] changes;
        private int stored;
        private double sum;
        private int count;
        private double previousMean = Double.NaN;

        Monitor(Convergence rule) {
            this.rule = rule;
            this.changes = new double[rule.window()];
        }

        /** Feeds one step's ELBO; true when the rule says the fit has converged. */
        boolean offer(double elbo) {
            sum += elbo;
            count++;
            if (count < rule.evalEvery()) {
                return false;
            }
            double mean = sum / count;
            sum = 0;
            count = 0;
            if (Double.isNaN(previousMean)) {
                previousMean = mean;
                return false;
            }
            double change = Math.abs((mean - previousMean) / mean);
            previousMean = mean;
            changes[stored % changes.length] = change;
            stored++;
            int n = Math.min(stored, changes.length);
            double[] recent = Arrays.copyOf(changes, n);
            double avg = Arrays.stream(recent).sum() / n;
            Arrays.sort(recent);
            double median = n % 2 == 1 ? recent[n / 2] : 0.5 * (recent[n / 2 - 1] + recent[n / 2]);
            return avg < rule.tolerance() || median < rule.tolerance();
        }
    }
}
