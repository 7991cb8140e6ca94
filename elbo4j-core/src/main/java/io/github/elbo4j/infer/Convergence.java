package io.github.elbo4j.infer;

/**
 * When a stochastic-VI fit stops before its step budget. A closed set:
 * <ul>
 * <li>{@link Stationary} (the default): the iterates have stopped drifting at the current step
 *     size, twice after decaying the step size, then the parameters are averaged over the last
 *     window (Polyak &amp; Juditsky, SIAM J. Control Optim. 30(4), 1992). Looks at the guide's
 *     location and scale, not only the ELBO, in the spirit of Welandawe, Andersen, Vehtari &amp;
 *     Huggins, "Robust, automated, and accurate black-box variational inference" (2022).</li>
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
     * Stop when the parameters stop drifting. Every {@code window} steps the iterates are averaged;
     * the stage at the current step size is over when, between the last two window averages, no
     * location moved more than {@code tolerance} (in units of the guide's marginal sd, for an
     * automatic guide; of the iterates' own spread otherwise), no log scale moved more than
     * {@code tolerance}, and the ELBO did not rise by more than two standard errors. Then the step
     * size is multiplied by {@code decay}, {@code decays} times; after the last stage the fit
     * keeps the average of the last window.
     *
     * @param window    steps per average ({@code ≥ 10})
     * @param tolerance the largest drift that counts as stationary ({@code > 0})
     * @param decays    how many times the step size is decayed ({@code ≥ 0})
     * @param decay     the factor ({@code 0 < decay < 1})
     */
    record Stationary(int window, double tolerance, int decays, double decay) implements Convergence {
        /** Validates the settings. */
        public Stationary {
            if (window < 10) {
                throw new IllegalArgumentException("Stationary window must be >= 10, got " + window);
            }
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("Stationary tolerance must be > 0, got " + tolerance);
            }
            if (decays < 0) {
                throw new IllegalArgumentException("Stationary decays must be >= 0, got " + decays);
            }
            if (!(decay > 0 && decay < 1)) {
                throw new IllegalArgumentException("Stationary decay must be in (0, 1), got " + decay);
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

    /** Windows of 100 steps, drift tolerance 0.1, two decays by 0.3: the default for stochastic VI. */
    static Convergence stationary() {
        return new Stationary(100, 0.1, 2, 0.3);
    }

    /** No early stop: run every step of the budget. */
    static Convergence none() {
        return new None();
    }
}
