package io.github.elbo4j.infer.run;

import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.tensor.CholeskyAttempt;
import io.github.elbo4j.tensor.Tensor;
import java.util.Locale;

/**
 * Why a Hessian {@code H = -∇² log p(û | x)} is not positive definite, in the model's words: the
 * first coordinate {@code j} where an outer-product Cholesky factorization meets a pivot
 * {@code s_j = H_jj - Σ_{k<j} L_jk² ≤ 0} (the Schur complement of {@code H_jj} given the coordinates
 * before it; {@code H} is positive definite iff every pivot is positive: Golub &amp; Van Loan 2013,
 * sec. 4.2), named by its latent site and element, with its value at the mode.
 */
final class NonPositiveCurvature {

    private NonPositiveCurvature() {
    }

    /** The message for a Laplace approximation whose precision has no Cholesky factor. */
    static String describe(LaplaceApproximation a, LatentLayout layout) {
        Tensor h = a.precision();
        int d = h.dim(0);
        double[] m = h.toArray();
        double[] mode = a.mode();
        String head = "a Laplace guide needs a positive-definite Hessian of -log p(u | x) at the mode, but ";
        String tail = String.format(Locale.ROOT, " (mode search %s after %d iterations): the posterior may have no mode in "
                + "unconstrained space there (a saddle, a ridge, a funnel), or the mode search stopped short; try another "
                + "InitStrategy or another guide", a.search().status(), a.search().iterations());
        for (int i = 0; i < d * d; i++) {
            if (!Double.isFinite(m[i])) {
                return head + "H[" + name(layout, i / d) + ", " + name(layout, i % d) + "] = " + m[i] + " at "
                        + point(layout, mode, i / d) + tail;
            }
        }
        CholeskyAttempt c = CholeskyAttempt.of(h);
        if (c.failedPivot() >= 0) {
            int j = c.failedPivot();
            if (!(m[j * d + j] > 0)) {
                return head + String.format(Locale.ROOT, "its curvature along %s is H = %.6g <= 0 at %s", name(layout, j),
                        m[j * d + j], point(layout, mode, j)) + tail;
            }
            int partner = strongestCoupling(m, d, j);
            return head + String.format(Locale.ROOT, "the curvature along %s (H = %.6g at %s) is used up by its coupling to "
                    + "the coordinates before it: pivot %.6g <= 0, strongest with %s (H = %.6g, correlation %.4f)",
                    name(layout, j), m[j * d + j], point(layout, mode, j), c.pivot(), name(layout, partner), m[j * d + partner],
                    m[j * d + partner] / Math.sqrt(Math.abs(m[j * d + j] * m[partner * d + partner]))) + tail;
        }
        return head + "its Cholesky factorization failed" + tail;
    }

    private static int strongestCoupling(double[] m, int d, int j) {
        int best = 0;
        for (int k = 1; k < j; k++) {
            if (Math.abs(m[j * d + k]) > Math.abs(m[j * d + best])) {
                best = k;
            }
        }
        return best;
    }

    /** {@code site} or {@code site[i]}: the latent element at coordinate {@code c} of the flat vector. */
    static String name(LatentLayout layout, int c) {
        LatentLayout.Entry e = entry(layout, c);
        return "site '" + e.name() + "'" + (e.size() > 1 ? "[" + (c - e.offset()) + "]" : "");
    }

    /** The site's unconstrained (and, when the bijector is element-wise, constrained) value at the mode. */
    private static String point(LatentLayout layout, double[] mode, int c) {
        LatentLayout.Entry e = entry(layout, c);
        String out = String.format(Locale.ROOT, "unconstrained value %.6g", mode[c]);
        if (!e.transform().codomain().isParameterized()) {
            double[] block = java.util.Arrays.copyOfRange(mode, e.offset(), e.offset() + e.size());
            Tensor z = e.transform().forward(Tensor.of(block, e.unconstrainedShape()));
            if (z.size() == e.size()) {
                out += String.format(Locale.ROOT, ", value %.6g", z.toArray()[c - e.offset()]);
            }
        }
        return out;
    }

    private static LatentLayout.Entry entry(LatentLayout layout, int c) {
        for (LatentLayout.Entry e : layout.entries()) {
            if (c >= e.offset() && c < e.offset() + e.size()) {
                return e;
            }
        }
        throw new IllegalArgumentException("coordinate " + c + " is outside the layout of dimension " + layout.dimension());
    }
}
