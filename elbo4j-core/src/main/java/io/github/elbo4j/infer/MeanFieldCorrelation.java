package io.github.elbo4j.infer;

import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.infer.run.LaplaceApproximation;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.Optional;

/**
 * How much a mean-field Gaussian guide under-reports a marginal sd because it cannot represent the
 * posterior's correlations. For a Gaussian posterior {@code N(μ, H⁻¹)} the {@code KL(q ‖ p)}-optimal
 * factorized Gaussian has variances {@code 1 / H_ii} (Bishop, PRML, 2006, sec. 10.1.2, eq. 10.12–10.13;
 * MacKay, ITILA, 2003, sec. 33.2), while the marginal variance is {@code (H⁻¹)_ii}; their ratio gives
 * <pre>
 * f_i = √(H_ii (H⁻¹)_ii) = 1 / √(1 − R_i²)
 * </pre>
 * with {@code R_i} the multiple correlation of coordinate {@code i} with all the others. Here
 * {@code H = −∇² log p(u | x)} at q's mean in unconstrained space, by central differences of the
 * exact gradient ({@link LaplaceApproximation#negativeHessian}, {@code 2D} gradient evaluations): a
 * local reading, exact for a Gaussian posterior, and the same correction that linear response
 * makes there (Giordano, Broderick &amp; Jordan, JMLR 19(51), 2018, sec. 3). Importance sampling
 * cannot see this error: a too-narrow q inside a long ridge of the posterior has nearly constant
 * weights and a small {@code k̂} (a regression with a constant feature beside its intercept: mean-field
 * sd 0.06 against the posterior's 0.86, {@code k̂} 0.53).
 *
 * @param coordinate the unconstrained coordinate with the largest factor, named as in the fit's summary
 * @param factor     its {@code f_i}
 * @param correlation its multiple correlation {@code R_i = √(1 − 1/f_i²)}
 */
public record MeanFieldCorrelation(String coordinate, double factor, double correlation) {

    /**
     * The coordinate whose sd a mean-field guide under-reports most, from the curvature of
     * {@code density} at {@code mean}; empty when that curvature is not finite and positive definite
     * there (a ridge, a saddle, a funnel's neck: {@code k̂} speaks for those fits).
     */
    public static Optional<MeanFieldCorrelation> largest(LogDensity density, double[] mean) {
        Tensor h = LaplaceApproximation.negativeHessian(density, mean);
        if (!h.allFinite()) {
            return Optional.empty();
        }
        Tensor inverse;
        try {
            Tensor l = LinearAlgebra.cholesky(h);
            if (!l.allFinite()) {
                return Optional.empty();
            }
            inverse = LinearAlgebra.choleskyInverse(l);
        } catch (IllegalArgumentException | ArithmeticException notPositiveDefinite) {
            return Optional.empty();
        }
        int d = mean.length;
        double[] hv = h.toArray();
        double[] iv = inverse.toArray();
        int worst = -1;
        double largest = 0;
        for (int i = 0; i < d; i++) {
            double f2 = hv[i * d + i] * iv[i * d + i];
            if (f2 > largest) {
                largest = f2;
                worst = i;
            }
        }
        if (worst < 0) {
            return Optional.empty();
        }
        double f = Math.sqrt(Math.max(1.0, largest));
        return Optional.of(new MeanFieldCorrelation(name(density.layout(), worst), f, Math.sqrt(1 - 1 / (f * f))));
    }

    /** The name of unconstrained coordinate {@code i}: the site, with its element index when it has several. */
    static String name(LatentLayout layout, int i) {
        for (LatentLayout.Entry e : layout.entries()) {
            if (i >= e.offset() && i < e.offset() + e.size()) {
                return Posterior.elementName(e.name(), e.unconstrainedShape(), i - e.offset());
            }
        }
        throw new IllegalArgumentException("coordinate " + i + " is outside the layout (dimension " + layout.dimension() + ")");
    }
}
