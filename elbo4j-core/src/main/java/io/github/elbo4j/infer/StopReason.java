package io.github.elbo4j.infer;

/** Why a fit stopped. */
public enum StopReason {
    /** The convergence rule held (or the closed-form update reached its fixed point). */
    CONVERGED("the convergence rule held"),
    /** The step, sweep or iteration budget ran out before the convergence rule held. */
    BUDGET("the budget ran out before the convergence rule held"),
    /** No convergence rule was asked for; the fit ran the whole budget it was given. */
    FIXED_BUDGET("the fit ran the fixed budget it was given (no convergence rule)"),
    /** Deterministic VI: the optimum still moved when the number of fixed draws was doubled, up to the largest number. */
    DRAWS_NOT_STABLE("the optimum still moved when the number of fixed draws was doubled"),
    /** The deterministic minimizer found no step that improved the objective. */
    OPTIMIZER_STALLED("the minimizer found no step that improved the objective");

    private final String description;

    StopReason(String description) {
        this.description = description;
    }

    /** One line for users. */
    public String description() {
        return description;
    }

    /** True when the fit was not stopped by its own criterion of success. */
    public boolean isWarning() {
        return this == BUDGET || this == DRAWS_NOT_STABLE || this == OPTIMIZER_STALLED;
    }
}
