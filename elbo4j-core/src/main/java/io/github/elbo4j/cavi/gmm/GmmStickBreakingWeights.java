package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.math.SpecialFunctions;

/**
 * The truncated stick-breaking posterior of Blei and Jordan ("Variational inference for Dirichlet
 * process mixtures", Bayesian Analysis 1(1), 2006, sec. 4): {@code q(v_k) = Beta(a_k, b_k)} with
 * {@code a_k = 1 + N_k}, {@code b_k = α + Σ_{j>k} N_j} for {@code k < K} and {@code v_K = 1}, so
 * {@code E[ln π_k] = E[ln v_k] + Σ_{j<k} E[ln(1 - v_j)]} with {@code E[ln v_k] = ψ(a_k) - ψ(a_k + b_k)},
 * {@code E[ln(1 - v_k)] = ψ(b_k) - ψ(a_k + b_k)} and {@code E[ln v_K] = 0}. The ELBO's weight part
 * is {@code Σ_{k<K} [ln B(a_k, b_k) - ln B(1, α) + (1 - a_k) E[ln v_k] + (α - b_k) E[ln(1 - v_k)]]},
 * the expected Beta log-densities of prior and posterior.
 */
final class GmmStickBreakingWeights implements GmmWeightPosterior {

    private final double alpha;
    private final double[] a;
    private final double[] b;
    private final double[] logV;
    private final double[] logOneMinusV;
    private final double[] expectedLog;

    private GmmStickBreakingWeights(double alpha, double[] a, double[] b) {
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        int sticks = a.length;
        this.logV = new double[sticks];
        this.logOneMinusV = new double[sticks];
        this.expectedLog = new double[sticks + 1];
        double before = 0;
        for (int k = 0; k < sticks; k++) {
            double psiSum = SpecialFunctions.digamma(a[k] + b[k]);
            logV[k] = SpecialFunctions.digamma(a[k]) - psiSum;
            logOneMinusV[k] = SpecialFunctions.digamma(b[k]) - psiSum;
            expectedLog[k] = logV[k] + before;
            before += logOneMinusV[k];
        }
        expectedLog[sticks] = before;
    }

    /** The posterior sticks given the expected counts {@code N_k}. */
    static GmmStickBreakingWeights of(double alpha, double[] counts) {
        int sticks = counts.length - 1;
        double[] a = new double[sticks];
        double[] b = new double[sticks];
        double after = 0;
        for (int k = sticks - 1; k >= 0; k--) {
            after += counts[k + 1];
            a[k] = 1 + counts[k];
            b[k] = alpha + after;
        }
        return new GmmStickBreakingWeights(alpha, a, b);
    }

    @Override
    public double[] expectedLogWeights() {
        return expectedLog.clone();
    }

    @Override
    public double[] meanWeights() {
        double[] w = new double[a.length + 1];
        double rest = 1;
        for (int k = 0; k < a.length; k++) {
            double v = a[k] / (a[k] + b[k]);
            w[k] = v * rest;
            rest *= 1 - v;
        }
        w[a.length] = rest;
        return w;
    }

    @Override
    public double priorMinusEntropy() {
        double logBetaPrior = -Math.log(alpha);
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += SpecialFunctions.logBeta(a[k], b[k]) - logBetaPrior
                    + (1 - a[k]) * logV[k] + (alpha - b[k]) * logOneMinusV[k];
        }
        return s;
    }

    @Override
    public double logNormalizer() {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += SpecialFunctions.logBeta(a[k], b[k]);
        }
        return s;
    }

    @Override
    public double priorLogNormalizer() {
        return -a.length * Math.log(alpha);
    }

    @Override
    public double[] parameters() {
        double[] p = new double[2 * a.length];
        for (int k = 0; k < a.length; k++) {
            p[2 * k] = a[k];
            p[2 * k + 1] = b[k];
        }
        return p;
    }

    @Override
    public int[] parameterShape() {
        return new int[] {a.length, 2};
    }
}
