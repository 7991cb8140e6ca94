package io.github.elbo4j.pathfinder;

import io.github.elbo4j.infer.LogDensity;
import io.github.elbo4j.optim.Lbfgs;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Single-path Pathfinder (Zhang, Carpenter, Gelman &amp; Vehtari, JMLR 23(306), 2022, Algorithms 1-4):
 * <ol>
 * <li>L-BFGS on {@code -log p} from {@code x_0 ~ U[-2, 2]^D}, keeping the path {@code x_0..x_L} and
 * the gradients {@code g_l = ∇log p(x_l)}.</li>
 * <li>For {@code l = 1..L}: the pair {@code s = x_l - x_{l-1}}, {@code y = g_{l-1} - g_l} (the gradient
 * change of {@code -log p}) is kept when {@code sᵀy > ε ‖y‖²} ({@code ε} = 2.2e-16), updating the
 * diagonal {@code α} ({@link InverseHessianFactors#updateDiagonal}) and the last {@code J} pairs; then
 * {@code q_l = N(x_l + Σ_l g_l, Σ_l)} ({@link NormalApproximation}) and its ELBO
 * {@code λ_l = (1/K) Σ_k [log p(z_k) - log q_l(z_k)]}, {@code z_k ~ q_l}.</li>
 * <li>{@code l* = argmax λ_l}; {@code M} draws of {@code q_{l*}} with {@code log p} and {@code log q}.</li>
 * </ol>
 */
final class SinglePath {

    private static final double CURVATURE_EPS = 2.2e-16;
    /** Draws evaluated per batch, so memory stays at this many draws times the model's size. */
    private static final int CHUNK = 250;

    private SinglePath() {
    }

    /**
     * Runs one path on {@code density} with the settings of {@code s}; stream {@code rng.split(0)}
     * draws the initial point, {@code rng.split(1 + l)} the ELBO draws at iterate {@code l} and
     * {@code rng.split(-1)} the returned draws.
     *
     * @param path the path's index, for messages
     */
    static PathResult run(LogDensity density, PathfinderSettings s, RandomStream rng, int path) {
        int dim = density.dimension();
        double[] x0 = new double[dim];
        RandomStream init = rng.split(0);
        for (int d = 0; d < dim; d++) {
            x0[d] = -s.initRadius() + 2 * s.initRadius() * init.nextDouble();
        }
        List<double[]> xs = new ArrayList<>();
        List<double[]> gs = new ArrayList<>();
        Lbfgs.Result result = new Lbfgs(s.historySize(), s.maxIterations()).minimizeAlongPath(density.negated(), x0, (k, x, v, g) -> {
            xs.add(x.clone());
            double[] logPGradient = new double[dim];
            for (int d = 0; d < dim; d++) {
                logPGradient[d] = -g[d];
            }
            gs.add(logPGradient);
        });
        if (result.status() == Lbfgs.Status.NON_FINITE_START) {
            throw new IllegalArgumentException("Pathfinder path " + path + ": the log density at the initial point is "
                    + (-result.value()) + " (its gradient " + (allFinite(result.gradient()) ? "finite" : "not finite")
                    + "), at u = " + Arrays.toString(x0) + " drawn from U[-" + s.initRadius() + ", " + s.initRadius()
                    + "]^" + dim + "; it must be finite: check the model's support, or give a smaller initRadius");
        }
        int last = xs.size() - 1;
        double[] elbo = new double[last + 1];
        Arrays.fill(elbo, Double.NEGATIVE_INFINITY);
        double[] alpha = new double[dim];
        Arrays.fill(alpha, 1.0);
        Deque<double[]> sPairs = new ArrayDeque<>();
        Deque<double[]> yPairs = new ArrayDeque<>();
        NormalApproximation best = null;
        int chosen = -1;
        long densityEvaluations = 0;
        for (int l = 1; l <= last; l++) {
            double[] sl = new double[dim];
            double[] yl = new double[dim];
            for (int d = 0; d < dim; d++) {
                sl[d] = xs.get(l)[d] - xs.get(l - 1)[d];
                yl[d] = gs.get(l - 1)[d] - gs.get(l)[d];
            }
            if (InverseHessianFactors.dot(sl, yl) > CURVATURE_EPS * InverseHessianFactors.dot(yl, yl)) {
                alpha = InverseHessianFactors.updateDiagonal(alpha, sl, yl);
                sPairs.addLast(sl);
                yPairs.addLast(yl);
                if (sPairs.size() > s.historySize()) {
                    sPairs.removeFirst();
                    yPairs.removeFirst();
                }
            }
            if (sPairs.isEmpty()) {
                continue;
            }
            InverseHessianFactors h = InverseHessianFactors.of(alpha, new ArrayList<>(sPairs), new ArrayList<>(yPairs));
            Optional<NormalApproximation> q = NormalApproximation.of(xs.get(l), gs.get(l), h);
            if (q.isEmpty()) {
                continue;
            }
            NormalApproximation.Draws draws = q.get().sample(s.elboDraws(), rng.split(1 + l));
            double[] logP = logDensities(density, draws.points());
            densityEvaluations += s.elboDraws();
            double sum = 0;
            for (int k = 0; k < logP.length; k++) {
                sum += logP[k] - draws.logQ()[k];
            }
            elbo[l] = Double.isNaN(sum) ? Double.NEGATIVE_INFINITY : sum / logP.length;
            if (chosen < 0 || elbo[l] > elbo[chosen]) {
                chosen = l;
                best = q.get();
            }
        }
        if (best == null || elbo[chosen] == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("Pathfinder path " + path + " found no iterate with a usable normal approximation over "
                    + (last + 1) + " points of the L-BFGS path (L-BFGS: " + result.reason() + "): every ELBO estimate was -Infinity "
                    + "or no curvature pair passed s'y > eps |y|^2; try another seed or a reparameterization");
        }
        NormalApproximation.Draws out = best.sample(s.draws(), rng.split(-1));
        double[] logP = logDensities(density, out.points());
        densityEvaluations += s.draws();
        return new PathResult(x0, result.iterations(), result.status(), elbo, chosen, best, out.points(), logP, out.logQ(),
                result.evaluations(), densityEvaluations);
    }

    /** {@code log p} at each row, {@value #CHUNK} rows at a time; a point where the model refuses its parameters gives {@code -∞}, NaN reads {@code -∞}. */
    static double[] logDensities(LogDensity density, Tensor points) {
        int n = points.dim(0);
        double[] out = new double[n];
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            Tensor part = points.slice(0, start, end);
            double[] v;
            try {
                v = density.values(part);
            } catch (IllegalArgumentException outsideDomain) {
                v = new double[end - start];
                for (int i = 0; i < v.length; i++) {
                    v[i] = one(density, part.slice(0, i, i + 1));
                }
            }
            for (int i = 0; i < v.length; i++) {
                out[start + i] = Double.isNaN(v[i]) ? Double.NEGATIVE_INFINITY : v[i];
            }
        }
        return out;
    }

    private static double one(LogDensity density, Tensor row) {
        try {
            return density.values(row)[0];
        } catch (IllegalArgumentException outsideDomain) {
            return Double.NEGATIVE_INFINITY;
        }
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
