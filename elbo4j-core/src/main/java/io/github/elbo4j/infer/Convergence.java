package io.github.elbo4j.infer;

/**
 * When a stochastic-VI fit stops before its step budget. A closed set:
 * <ul>
 * <li>{@link Stationary} (the default): the ELBO stops improving, the step size decays, twice;
 *     then the fit stops when the parameters no longer drift and keeps their average over the last
 *     window. Looks at the guide's location and scale, not only the ELBO, in the spirit of
 *     Welandawe, Andersen, Vehtari &amp; Huggins, "Robust, automated, and accurate black-box
 *     variational inference" (2022).</li>
 * <li>{@link RelativeChange}: Stan's ADVI rule on the relative change of the ELBO.</li>
 * <li>{@link None}: run the whole budget.</li>
 * </ul>
 */
public sealed interface Convergence permits Convergence.Stationary, Convergence.RelativeChange, Convergence.None {

    /**
     * Stan's ADVI stopping rule (Kucukelbir et al., JMLR 18(14), 2017, sec. 3.3; Stan's
     * {@code tol_rel_obj}): every {@code evalEvery} steps, the ELBO averaged over the last
     * {@code evalEvery} steps is compared with the previous average; the relative change
     * {@code |Δ| / |ELBO|} is pushed into a circular buffer, and the fit has converged when the
     * mean or the median of the buffer falls below {@code tolerance}. The fit keeps its last iterate.
     *
     * @param tolerance relative tolerance ({@code tol_rel_obj}, Stan's default 0.01)
     * @param evalEvery steps per ELBO average ({@code eval_elbo}, Stan's default 100)
     * @param window    size of the buffer of relative changes
     */
    record RelativeChange(double tolerance, int evalEvery, int window) implements Convergence {
        /** Validates the settings. */
        public RelativeChange {
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
    }

    /**
     * Stop when the ELBO has stopped improving at the smallest step size and the parameters have
     * stopped drifting (ReduceLROnPlateau with iterate averaging: Polyak &amp; Juditsky, SIAM J.
     * Control Optim. 30(4), 1992). Every {@code window} steps the ELBO estimates and the iterates
     * are averaged; a window improves on the stage's best if its mean ELBO is higher by more than
     * one standard error of that mean. After {@code patience} windows without improvement the step
     * size is multiplied by {@code decay}, {@code decays} times; after the last stage's plateau the
     * fit stops once no location moved more than {@code tolerance} between the last two window
     * averages (in units of the guide's marginal sd, for an automatic guide; of the iterates' own
     * spread otherwise) and no log scale more than {@code tolerance}, and keeps the last window's
     * average. A step size much larger than the posterior's scale leaves the ELBO on a noise floor
     * below its optimum: the plateau test sees that floor and decays.
     *
     * @param window    steps per average ({@code ≥ 10})
     * @param patience  windows without improvement before a decay ({@code ≥ 1})
     * @param decays    how many times the step size is decayed ({@code ≥ 0})
     * @param decay     the factor ({@code 0 < decay < 1})
     * @param tolerance the largest drift that counts as stationary at the end ({@code > 0})
     */
    record Stationary(int window, int patience, int decays, double decay, double tolerance) implements Convergence {
        /** Validates the settings. */
        public Stationary {
            if (window < 10) {
                throw new IllegalArgumentException("Stationary window must be >= 10, got " + window);
            }
            if (patience < 1) {
                throw new IllegalArgumentException("Stationary patience must be >= 1, got " + patience);
            }
            if (decays < 0) {
                throw new IllegalArgumentException("Stationary decays must be >= 0, got " + decays);
            }
            if (!(decay > 0 && decay < 1)) {
                throw new IllegalArgumentException("Stationary decay must be in (0, 1), got " + decay);
            }
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("Stationary tolerance must be > 0, got " + tolerance);
            }
        }
    }

    /** Run the whole budget. */
    record None() implements Convergence {
    }

    /** Stan's evaluation period (100 steps) and a window of 10 relative changes, with the given tolerance. */
    static Convergence relative(double tolerance) {
        return new RelativeChange(tolerance, 100, 10);
    }

    /** Windows of 100 steps, patience 3 windows, two decays by 0.3, final drift tolerance 0.1: the default for stochastic VI. */
    static Convergence stationary() {
        return new Stationary(100, 3, 2, 0.3, 0.1);
    }

    /** No early stop: run every step of the budget. */
    static Convergence none() {
        return new None();
    }
}
