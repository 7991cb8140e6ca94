package io.github.elbo4j.optim;

import java.util.Arrays;

/**
 * The limited-memory BFGS quasi-Newton minimizer (Liu &amp; Nocedal, Math. Programming 45, 1989;
 * Nocedal &amp; Wright, Numerical Optimization, 2nd ed., 2006, Algorithm 7.5 with the two-loop
 * recursion, Algorithm 7.4): {@code x_{k+1} = x_k - α_k H_k ∇f(x_k)}, where {@code H_k} is built
 * from the last {@code memory} pairs {@code s = x_{k+1} - x_k}, {@code y = ∇f_{k+1} - ∇f_k} with
 * initial scaling {@code H⁰ = (sᵀy / yᵀy) I} (eq. 7.20), and {@code α_k} satisfies the strong
 * Wolfe conditions ({@link WolfeLineSearch}).
 *
 * <p>Stopping follows Stan's optimizer (Carpenter et al., J. Stat. Softw. 76(1), 2017; CmdStan's
 * {@code tol_*} defaults): the fit has converged when the change of {@code f} is below
 * {@code 1e-12} absolute or {@code 1e4 ε} relative, the gradient norm below {@code 1e-8}, the
 * scaled gradient {@code ∇fᵀ H ∇f / max(|f|, 1)} below {@code 1e7 ε}, or the step below
 * {@code 1e-8}, with {@code ε} the machine epsilon.
 *
 * @param memory        the number of {@code (s, y)} pairs kept ({@code ≥ 1}; 5 to 20 is usual)
 * @param maxIterations the iteration budget
 */
public record Lbfgs(int memory, int maxIterations) {

    private static final double EPS = Math.ulp(1.0);
    private static final double TOL_OBJ = 1e-12;
    private static final double TOL_REL_OBJ = 1e4 * EPS;
    private static final double TOL_GRAD = 1e-8;
    private static final double TOL_REL_GRAD = 1e7 * EPS;
    private static final double TOL_PARAM = 1e-8;

    /** Why the minimizer stopped. */
    public enum Status {
        /** A convergence test held. */
        CONVERGED,
        /** The iteration budget ran out first. */
        MAX_ITERATIONS,
        /** No step along the search direction decreased {@code f} enough, even from steepest descent. */
        LINE_SEARCH_FAILED,
        /** {@code f} or its gradient was not finite at the starting point. */
        NON_FINITE_START
    }

    /**
     * The outcome of a minimization.
     *
     * @param x           the last accepted point
     * @param value       {@code f(x)}
     * @param gradient    {@code ∇f(x)}
     * @param iterations  accepted steps
     * @param evaluations calls of the function
     * @param status      why it stopped
     * @param reason      which test stopped it, in words
     */
    public record Result(double[] x, double value, double[] gradient, int iterations, int evaluations, Status status,
                         String reason) {

        /** True when a convergence test held. */
        public boolean converged() {
            return status == Status.CONVERGED;
        }
    }

    /** Validates the settings. */
    public Lbfgs {
        if (memory < 1) {
            throw new IllegalArgumentException("Lbfgs memory must be >= 1, got " + memory);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("Lbfgs maxIterations must be >= 1, got " + maxIterations);
        }
    }

    /** Memory 10, at most 2,000 iterations. */
    public static Lbfgs defaults() {
        return new Lbfgs(10, 2000);
    }

    /** The same with another iteration budget. */
    public Lbfgs withMaxIterations(int iterations) {
        return new Lbfgs(memory, iterations);
    }

    /** Observes a minimization after each accepted step. */
    @FunctionalInterface
    public interface IterationListener {
        /** After iteration {@code k} (1-based): the value and the gradient's Euclidean norm at the new point. */
        void onIteration(int k, double value, double gradientNorm);
    }

    /** Minimizes {@code f} from {@code start} (not modified). */
    public Result minimize(DifferentiableFunction f, double[] start) {
        return minimize(f, start, (k, v, g) -> { });
    }

    /** Observes the path of a minimization: the start and every accepted point. */
    @FunctionalInterface
    public interface PathListener {
        /**
         * At iterate {@code k} ({@code 0} the start): the point, {@code f} and {@code ∇f} there. The
         * arrays are the minimizer's own and change after the call: copy what you keep.
         */
        void onIterate(int k, double[] x, double value, double[] gradient);
    }

    /** Minimizes {@code f} from {@code start} (not modified), telling {@code listener} about every accepted step. */
    public Result minimize(DifferentiableFunction f, double[] start, IterationListener listener) {
        return minimize(f, start, listener, (k, x, v, g) -> { });
    }

    /**
     * Minimizes {@code f} from {@code start} (not modified), showing {@code path} the start and
     * every accepted point with its value and gradient (Pathfinder's optimization path: Zhang et al.,
     * JMLR 23(306), 2022, Algorithm 1, line 1).
     */
    public Result minimizeAlongPath(DifferentiableFunction f, double[] start, PathListener path) {
        return minimize(f, start, (k, v, g) -> { }, path);
    }

    private Result minimize(DifferentiableFunction f, double[] start, IterationListener listener, PathListener path) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        WolfeLineSearch search = new WolfeLineSearch(f, n);
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Result(x, fx, g, 0, 1, Status.NON_FINITE_START, "f or its gradient is not finite at the start");
        }
        path.onIterate(0, x, fx, g);
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        int stored = 0;
        int newest = -1;
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        for (int k = 0; k < maxIterations; k++) {
            if (norm(g) < TOL_GRAD) {
                return done(x, fx, g, k, search, Status.CONVERGED, "gradient norm below " + TOL_GRAD);
            }
            direction(g, s, y, rho, stored, newest, d);
            double slope = dot(g, d);
            if (k > 0 && -slope / Math.max(Math.abs(fx), 1.0) < TOL_REL_GRAD) {
                return done(x, fx, g, k, search, Status.CONVERGED, "relative gradient below 1e7 eps");
            }
            if (!(slope < 0)) {                       // not a descent direction: forget the curvature pairs
                stored = 0;
                newest = -1;
                direction(g, s, y, rho, 0, -1, d);
                slope = dot(g, d);
            }
            double alpha0 = stored == 0 ? Math.min(1.0, 1.0 / Math.max(norm(g), EPS)) : 1.0;
            WolfeLineSearch.Step step = search.search(x, fx, slope, d, alpha0, xNew, gNew);
            if (step == null && stored > 0) {          // retry once from steepest descent
                stored = 0;
                newest = -1;
                direction(g, s, y, rho, 0, -1, d);
                slope = dot(g, d);
                step = search.search(x, fx, slope, d, Math.min(1.0, 1.0 / Math.max(norm(g), EPS)), xNew, gNew);
            }
            if (step == null) {
                return done(x, fx, g, k, search, Status.LINE_SEARCH_FAILED, "no step decreased f enough along -grad");
            }
            double fOld = fx;
            int slot = (newest + 1) % memory;
            double sy = 0;
            double yy = 0;
            double stepNorm2 = 0;
            for (int i = 0; i < n; i++) {
                double si = xNew[i] - x[i];
                double yi = gNew[i] - g[i];
                sy += si * yi;
                yy += yi * yi;
                stepNorm2 += si * si;
            }
            if (sy > EPS * Math.sqrt(stepNorm2 * yy)) {   // curvature condition: keep the pair
                for (int i = 0; i < n; i++) {
                    s[slot][i] = xNew[i] - x[i];
                    y[slot][i] = gNew[i] - g[i];
                }
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, memory);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = step.value();
            listener.onIteration(k + 1, fx, norm(g));
            path.onIterate(k + 1, x, fx, g);
            double change = Math.abs(fOld - fx);
            if (change < TOL_OBJ) {
                return done(x, fx, g, k + 1, search, Status.CONVERGED, "change of f below " + TOL_OBJ);
            }
            if (change / Math.max(Math.max(Math.abs(fOld), Math.abs(fx)), 1.0) < TOL_REL_OBJ) {
                return done(x, fx, g, k + 1, search, Status.CONVERGED, "relative change of f below 1e4 eps");
            }
            if (Math.sqrt(stepNorm2) < TOL_PARAM) {
                return done(x, fx, g, k + 1, search, Status.CONVERGED, "step below " + TOL_PARAM);
            }
        }
        return done(x, fx, g, maxIterations, search, Status.MAX_ITERATIONS, "iteration budget " + maxIterations + " used");
    }

    /** Two-loop recursion (Nocedal &amp; Wright Algorithm 7.4): {@code d = -H g}. */
    private static void direction(double[] g, double[][] s, double[][] y, double[] rho, int stored, int newest, double[] d) {
        int n = g.length;
        for (int i = 0; i < n; i++) {
            d[i] = -g[i];
        }
        if (stored == 0) {
            return;
        }
        int memory = rho.length;
        double[] a = new double[memory];
        for (int j = 0; j < stored; j++) {
            int idx = (newest - j + memory) % memory;
            a[idx] = rho[idx] * dot(s[idx], d);
            axpy(-a[idx], y[idx], d);
        }
        double gamma = 1.0 / (rho[newest] * dot(y[newest], y[newest]));
        for (int i = 0; i < n; i++) {
            d[i] *= gamma;
        }
        for (int j = stored - 1; j >= 0; j--) {
            int idx = (newest - j + memory) % memory;
            double b = rho[idx] * dot(y[idx], d);
            axpy(a[idx] - b, s[idx], d);
        }
    }

    private static Result done(double[] x, double fx, double[] g, int iterations, WolfeLineSearch search, Status status,
                               String reason) {
        return new Result(x.clone(), fx, g.clone(), iterations, search.evaluations() + 1, status, reason);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static boolean allFinite(double[] v) {
        return Arrays.stream(v).allMatch(Double::isFinite);
    }
}
