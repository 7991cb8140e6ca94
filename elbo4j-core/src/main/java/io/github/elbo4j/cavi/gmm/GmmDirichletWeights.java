package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.math.SpecialFunctions;

/**
 * {@code q(π) = Dirichlet(α)} with {@code α_k = α0 + N_k} (Bishop, PRML, 2006, eq. 10.58) and the
 * expectations of the finite-Dirichlet mixture's ELBO: {@code E[ln π_k] = ψ(α_k) - ψ(Σ_j α_j)}
 * (eq. 10.66), {@code E[ln p(π)] = ln C(α0) + (α0 - 1) Σ_k E[ln π_k]} (eq. 10.73) and
 * {@code E[ln q(π)] = Σ_k (α_k - 1) E[ln π_k] + ln C(α)} (eq. 10.76), with
 * {@code ln C(α) = ln Γ(Σ_k α_k) - Σ_k ln Γ(α_k)} (eq. B.23).
 */
final class GmmDirichletWeights implements GmmWeightPosterior {

    private final double prior;
    private final double[] alpha;
    private final double[] expectedLog;

    private GmmDirichletWeights(double prior, double[] alpha) {
        this.prior = prior;
        this.alpha = alpha;
        double sum = 0;
        for (double a : alpha) {
            sum += a;
        }
        double psiSum = SpecialFunctions.digamma(sum);
        this.expectedLog = new double[alpha.length];
        for (int k = 0; k < alpha.length; k++) {
            expectedLog[k] = SpecialFunctions.digamma(alpha[k]) - psiSum;
        }
    }

    /** The posterior {@code Dirichlet(α0 + N_k)} given the expected counts. */
    static GmmDirichletWeights of(double prior, double[] counts) {
        double[] alpha = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            alpha[k] = prior + counts[k];
        }
        return new GmmDirichletWeights(prior, alpha);
    }

    @Override
    public double[] expectedLogWeights() {
        return expectedLog.clone();
    }

    @Override
    public double[] meanWeights() {
        double sum = 0;
        for (double a : alpha) {
            sum += a;
        }
        double[] w = new double[alpha.length];
        for (int k = 0; k < alpha.length; k++) {
            w[k] = alpha[k] / sum;
        }
        return w;
    }

    @Override
    public double priorMinusEntropy() {
        double s = logC(prior, alpha.length) - logC(alpha);
        for (int k = 0; k < alpha.length; k++) {
            s += (prior - alpha[k]) * expectedLog[k];
        }
        return s;
    }

    @Override
    public double logNormalizer() {
        return -logC(alpha);
    }

    @Override
    public double priorLogNormalizer() {
        return -logC(prior, alpha.length);
    }

    @Override
    public double[] parameters() {
        return alpha.clone();
    }

    @Override
    public int[] parameterShape() {
        return new int[] {alpha.length};
    }

    private static double logC(double[] a) {
        double sum = 0;
        double logGammas = 0;
        for (double v : a) {
            sum += v;
            logGammas += SpecialFunctions.lgamma(v);
        }
        return SpecialFunctions.lgamma(sum) - logGammas;
    }

    private static double logC(double a, int k) {
        return SpecialFunctions.lgamma(k * a) - k * SpecialFunctions.lgamma(a);
    }
}
