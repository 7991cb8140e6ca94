package io.github.elbo4j.infer.run;

import io.github.elbo4j.infer.LogDensity;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.infer.guide.Preconditioner;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Lbfgs;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Locale;
import java.util.Optional;

/**
 * The coordinates an automatic guide is kept in, chosen as {@link WarmStart} describes: at a
 * Laplace approximation of the posterior in unconstrained space ({@link LaplaceApproximation}), in
 * the coordinates that make that approximation a standard normal ({@link Preconditioner}), when
 * that start is better than the plain one. "Better" is measured, not assumed: the ELBO of the
 * Laplace Gaussian ({@code N(û, C Cᵀ)}, diagonal for a mean-field guide) and of the plain start
 * ({@code N(u₀, 0.1² I)}) are estimated from the same {@value #DRAWS} moment-matched draws, and the
 * Laplace start is kept only if its ELBO is higher.
 *
 * @param preconditioner the chosen coordinates
 * @param note           why, in words
 */
record WarmStartChoice(Preconditioner preconditioner, String note) {

    static final int DRAWS = 64;
    private static final double PLAIN_SCALE = 0.1;

    /** The coordinates for {@code auto} over {@code layout}: the Laplace start when {@code settings} allow it and it is better. */
    static WarmStartChoice choose(WarmStart settings, Model model, AutoGuide auto, LatentLayout layout, boolean subsampled,
                                         boolean hasModelParams, RandomStream rng) {
        int d = layout.dimension();
        Preconditioner identity = Preconditioner.identity(d);
        if (!settings.enabled()) {
            return new WarmStartChoice(identity, "warm start off");
        }
        if (d == 0 || d > settings.maxDimension()) {
            return new WarmStartChoice(identity, "no warm start: " + d + " unconstrained latents (limit " + settings.maxDimension()
                    + ")");
        }
        if (subsampled) {
            return new WarmStartChoice(identity, "no warm start: the model subsamples its data, so its log density is random");
        }
        if (hasModelParams) {
            return new WarmStartChoice(identity, "no warm start: the model has learnable parameters of its own");
        }
        LogDensity density = new LogDensity(model, layout, rng.split(0));
        double[] start = layout.initialVector().toArray();
        LaplaceApproximation laplace;
        try {
            laplace = LaplaceApproximation.of(density, start, new Lbfgs(10, 1000));
        } catch (IllegalArgumentException | ArithmeticException failed) {
            return new WarmStartChoice(identity, "no warm start: the mode search failed (" + failed.getMessage() + ")");
        }
        Optional<Tensor> chol = regularizedCholesky(laplace.precision());
        if (chol.isEmpty()) {
            return new WarmStartChoice(identity, "no warm start: the Hessian at the mode is not positive definite");
        }
        Tensor mode = Tensor.of(laplace.mode());
        Preconditioner pre = auto.preconditioner(mode, chol.get());
        String search = laplace.search().status() + " after " + laplace.search().iterations() + " iterations";
        if (auto.isPointMass()) {
            return new WarmStartChoice(pre, "Laplace warm start (mode search " + search + ")");
        }
        Tensor eps = FixedNoise.momentMatched(DRAWS, d, rng.split(1));
        double laplaceElbo = elbo(density, pre.apply(eps), pre.logAbsDet(), d);
        double plainElbo = elbo(density, eps.mul(PLAIN_SCALE).add(Tensor.of(start)), d * Math.log(PLAIN_SCALE), d);
        if (!(laplaceElbo >= plainElbo)) {
            return new WarmStartChoice(identity, String.format(Locale.ROOT, "no warm start: the Laplace Gaussian's ELBO %.4g is below the "
                    + "plain start's %.4g (mode search %s)", laplaceElbo, plainElbo, search));
        }
        return new WarmStartChoice(pre, String.format(Locale.ROOT, "Laplace warm start: ELBO %.4g vs %.4g at the plain start (mode search %s)",
                laplaceElbo, plainElbo, search));
    }

    /** {@code (1/K) Σ log p(u_k | x) + H[q]} with {@code H = D/2 log(2πe) + log|det C|}. */
    private static double elbo(LogDensity density, Tensor points, double logAbsDet, int d) {
        double[] v = density.values(points);
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double value = mean + 0.5 * d * Math.log(2 * Math.PI * Math.E) + logAbsDet;
        return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
    }

    /** The Cholesky factor of {@code h}, adding {@code τ I} with {@code τ} growing tenfold from {@code 1e-10 max|h_ii|} if needed. */
    static Optional<Tensor> regularizedCholesky(Tensor h) {
        if (!h.allFinite()) {
            return Optional.empty();
        }
        int d = h.dim(0);
        double scale = 0;
        for (int i = 0; i < d; i++) {
            scale = Math.max(scale, Math.abs(h.get(i, i)));
        }
        double tau = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            Tensor candidate = tau == 0 ? h : h.add(Tensor.eye(d).mul(tau));
            LaplaceApproximation probe = new LaplaceApproximation(new double[d], candidate, null);
            Optional<Tensor> chol = probe.precisionCholesky();
            if (chol.isPresent()) {
                return chol;
            }
            tau = tau == 0 ? 1e-10 * Math.max(scale, 1e-300) : tau * 10;
        }
        return Optional.empty();
    }
}
