package io.github.elbo4j.pathfinder;

import io.github.elbo4j.optim.Lbfgs;
import io.github.elbo4j.tensor.Tensor;

/**
 * One Pathfinder path (Zhang, Carpenter, Gelman &amp; Vehtari, JMLR 23(306), 2022, Algorithm 1):
 * the L-BFGS run, the ELBO of the normal approximation at each iterate, the chosen one and its draws.
 *
 * @param initialPoint   the starting point of L-BFGS (unconstrained)
 * @param iterations     L-BFGS iterations {@code L} (the path has {@code L + 1} points)
 * @param lbfgsStatus    why L-BFGS stopped
 * @param elboPerIterate the ELBO estimate at iterate {@code l = 0..L} ({@code -∞} where there was no
 *                       approximation yet (no curvature pair), {@code Σ} was not positive definite, or a draw had
 *                       {@code log p = -∞} or NaN)
 * @param chosenIterate  {@code l* = argmax_l ELBO_l}
 * @param approximation  {@code q_{l*}}
 * @param points         the draws of {@code q_{l*}}, {@code [M, D]}
 * @param logP           {@code log p(x, T(z)) + log|det J_T(z)|} at each draw
 * @param logQ           {@code log q_{l*}} at each draw
 * @param gradientEvaluations calls of the log density with its gradient (L-BFGS, line search included)
 * @param densityEvaluations  calls of the log density alone (ELBO draws and the returned draws)
 */
public record PathResult(double[] initialPoint, int iterations, Lbfgs.Status lbfgsStatus, double[] elboPerIterate,
                         int chosenIterate, NormalApproximation approximation, Tensor points, double[] logP, double[] logQ,
                         long gradientEvaluations, long densityEvaluations) {

    /** The ELBO estimate of the chosen approximation. */
    public double elbo() {
        return elboPerIterate[chosenIterate];
    }

    /** {@code log p - log q} at each returned draw. */
    public double[] logRatios() {
        double[] r = new double[logP.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = logP[i] - logQ[i];
        }
        return r;
    }
}
