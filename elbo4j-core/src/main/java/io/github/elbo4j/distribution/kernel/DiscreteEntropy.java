package io.github.elbo4j.distribution.kernel;

import java.util.function.DoubleUnaryOperator;

/**
 * The Shannon entropy {@code H = -Σ_k p(k) log p(k)} of a log-concave distribution on the
 * integers (Binomial, Poisson) by summation outward from the mode, and its derivative
 * {@code dH/dθ = -Σ_k p(k) s(k) log p(k)} with the score {@code s(k) = ∂ log p(k)/∂θ} (the
 * {@code Σ ∂p(k)/∂θ} term vanishes because the probabilities sum to 1).
 *
 * <p>Truncation bound: log-concavity makes the ratios {@code r_k = p(k+1)/p(k)} non-increasing,
 * so past a point {@code K} above the mode with {@code ρ = r_{K-1} < 1},
 * {@code p(K+j) <= u_j = p(K) ρ^j}; and {@code t ↦ -t log t} increases on {@code [0, 1/e]}, so
 * once {@code p(K) <= 1/e} the remaining terms add at most
 * {@code Σ_{j≥1} u_j (-log p(K) - j log ρ) = p(K) [ρ/(1-ρ) (-log p(K)) + ρ/(1-ρ)² (-log ρ)]}
 * (the same below the mode with {@code ρ = p(K-1)/p(K)}). Each side stops when its bound is below
 * {@code 1e-17 · H} (or below the smallest normal double); the sum is compensated (Neumaier), so
 * the result is accurate to a few ulps. The cost is a few tens of terms per standard deviation.
 */
public final class DiscreteEntropy {

    private static final double RELATIVE_TAIL = 1e-17;
    private static final double INV_E = Math.exp(-1.0);

    private final DoubleUnaryOperator logPmf;
    private final DoubleUnaryOperator score;
    private double sum;
    private double compensation;
    private double gradient;

    private DiscreteEntropy(DoubleUnaryOperator logPmf, DoubleUnaryOperator score) {
        this.logPmf = logPmf;
        this.score = score;
    }

    /**
     * {@code {H, dH/dθ}} for the distribution with log-probability {@code logPmf} on the integers
     * {@code lower..upper} ({@code upper} may be {@code +∞}), unimodal with a mode at {@code mode}.
     */
    public static double[] of(DoubleUnaryOperator logPmf, DoubleUnaryOperator score, double mode, double lower, double upper) {
        DiscreteEntropy e = new DiscreteEntropy(logPmf, score);
        double lpMode = logPmf.applyAsDouble(mode);
        e.add(mode, lpMode);
        e.side(mode, lpMode, 1, upper);
        e.side(mode, lpMode, -1, lower);
        return new double[] {e.sum + e.compensation, e.gradient};
    }

    private void side(double mode, double lpMode, int step, double end) {
        double k = mode;
        double lp = lpMode;
        while (k != end) {
            double next = k + step;
            double lpNext = logPmf.applyAsDouble(next);
            add(next, lpNext);
            double rho = Math.exp(lpNext - lp);
            double pNext = Math.exp(lpNext);
            if (rho < 1 && pNext <= INV_E) {
                double tail = pNext * (rho / (1 - rho) * -lpNext + rho / ((1 - rho) * (1 - rho)) * -Math.log(rho));
                if (!(tail > RELATIVE_TAIL * (sum + compensation)) || tail < Double.MIN_NORMAL) {
                    return;
                }
            }
            k = next;
            lp = lpNext;
        }
    }

    private void add(double k, double lp) {
        if (lp == Double.NEGATIVE_INFINITY) {
            return;
        }
        double p = Math.exp(lp);
        double term = -p * lp;
        double t = sum + term;
        compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
        sum = t;
        gradient -= p * score.applyAsDouble(k) * lp;
    }
}
