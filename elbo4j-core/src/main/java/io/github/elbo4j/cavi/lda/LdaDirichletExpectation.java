package io.github.elbo4j.cavi.lda;

/**
 * Expected log-probabilities under a Dirichlet: for {@code θ ~ Dir(a_1, …, a_n)},
 * {@code E[log θ_i] = ψ(a_i) − ψ(Σ_j a_j)} (Blei, Ng and Jordan, JMLR 3, 2003, eq. 8 and
 * appendix A.1), and their exponentials, which the LDA updates multiply by.
 *
 * <p>The E-step evaluates {@code K + 1} digammas per document per iteration, so ψ here is a
 * direct evaluation instead of {@code SpecialFunctions.digamma} (whose recurrence runs up to
 * {@code x = 49}): the recurrence {@code ψ(x) = ψ(x + m) − Σ_{i<m} 1/(x + i)} (DLMF 5.5.2) with
 * {@code m = 10} for every {@code x < 10}, then the asymptotic series
 * {@code ψ(y) = ln y − 1/(2y) − Σ_{n=1}^{6} B_{2n} / (2n y^{2n})} (DLMF 5.11.2), whose first
 * omitted term is below {@code 1/(12 y^14) <= 8.4e-16}. The absolute error is a few ulps of
 * {@code ψ}; {@code LdaDirichletExpectationTest} checks it against {@code SpecialFunctions}.
 */
final class LdaDirichletExpectation {

    /** The recurrence shift: ψ is evaluated at {@code y = x + 10} when {@code x < 10}. */
    private static final double SHIFT = 10;

    private LdaDirichletExpectation() {
    }

    /**
     * Digamma {@code ψ(x)} for {@code x > 0} (DLMF 5.2.2), evaluated as the class comment says.
     * Not for {@code x <= 0}, NaN or infinity (the LDA parameters are positive and finite).
     */
    static double digamma(double x) {
        if (x >= SHIFT) {
            return Math.log(x) + tail(x);
        }
        double y = x + SHIFT;
        return Math.log(y) + tail(y) - recurrenceSum(x);
    }

    /**
     * {@code exp(ψ(x) − c)} for {@code x > 0} with one {@code exp} and no {@code log}:
     * {@code exp(ψ(x)) = y exp(tail(y) − Σ_{i<10} 1/(x + i))} with {@code y = x + 10}.
     */
    static double expDigammaMinus(double x, double c) {
        if (x >= SHIFT) {
            return x * Math.exp(tail(x) - c);
        }
        double y = x + SHIFT;
        return y * Math.exp(tail(y) - recurrenceSum(x) - c);
    }

    /**
     * {@code Σ_{i=0}^{9} 1/(x + i)}: {@code 1/x} on its own (it dominates for small {@code x},
     * and alone it rounds once), the other nine as one fraction {@code p/q} built with
     * {@code p/q + 1/a = (p a + q)/(q a)} (all positive, no cancellation). Always ten terms, so
     * the loop has no data-dependent exit for the branch predictor to miss.
     */
    private static double recurrenceSum(double x) {
        double p = 1;
        double q = x + 1;
        for (int i = 2; i < 10; i++) {
            double a = x + i;
            p = p * a + q;
            q *= a;
        }
        return 1 / x + p / q;
    }

    /** {@code ψ(y) − ln y = −1/(2y) − Σ_{n=1}^{6} B_{2n} / (2n y^{2n})} for {@code y >= 10}. */
    private static double tail(double y) {
        double r = 1 / y;
        double r2 = r * r;
        double series = r2 * (1.0 / 12 - r2 * (1.0 / 120 - r2 * (1.0 / 252 - r2 * (1.0 / 240
                - r2 * (1.0 / 132 - r2 * (691.0 / 32760))))));
        return -0.5 * r - series;
    }

    /**
     * Writes {@code out[outOff + i] = exp(E[log θ_i]) = exp(ψ(a_i) − ψ(Σ_j a_j))} for the
     * {@code n} parameters {@code a[aOff..aOff+n)}. Modifies only {@code out}; {@code out} may
     * not overlap {@code a}'s range.
     */
    static void expExpectedLog(double[] a, int aOff, int n, double[] out, int outOff) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += a[aOff + i];
        }
        double psiTotal = digamma(total);
        for (int i = 0; i < n; i++) {
            out[outOff + i] = expDigammaMinus(a[aOff + i], psiTotal);
        }
    }
}
