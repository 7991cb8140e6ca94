package io.github.elbo4j.cavi.gmm;

/**
 * The end state of one restart: the posterior factors, the last responsibilities {@code [N, K]},
 * the ELBO (exact, and on scikit-learn's scale) of every sweep, the number of sweeps and whether
 * the tolerance stopped it.
 */
record GmmRun(GmmComponents components, GmmWeightPosterior weights, double[] responsibilities,
              double[] elboHistory, double[] sklearnHistory, int sweeps, boolean converged) {

    /** The ELBO after the last sweep. */
    double finalElbo() {
        return elboHistory[elboHistory.length - 1];
    }
}
