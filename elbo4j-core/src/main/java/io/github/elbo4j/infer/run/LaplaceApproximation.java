package io.github.elbo4j.infer.run;

import io.github.elbo4j.infer.LogDensity;
import io.github.elbo4j.optim.Lbfgs;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.Optional;

/**
 * The Laplace approximation of a posterior in unconstrained space (Bishop 2006, PRML, sec. 4.4;
 * Gelman et al., BDA3, sec. 4.1): {@code u ≈ N(û, H⁻¹)} with {@code û} the mode of
 * {@link LogDensity} (found by {@link Lbfgs}) and {@code H = -∇² log p(û | x)} from central
 * differences of the exact gradient,
 * <pre>
 * H_ij ≈ -(∂_j log p(û + h_i e_i) - ∂_j log p(û - h_i e_i)) / (2 h_i),   h_i = ε^{1/3} max(1, |û_i|)
 * </pre>
 * symmetrized (Nocedal &amp; Wright 2006, sec. 8.1, eq. 8.7 with the step of eq. 8.6 for central
 * differences), at a cost of {@code 2D} gradient evaluations.
 *
 * @param mode       {@code û}, the last point of the mode search
 * @param precision  {@code H}, symmetric, {@code [D, D]}
 * @param search     how the mode search ended
 */
public record LaplaceApproximation(double[] mode, Tensor precision, Lbfgs.Result search) {

    private static final double STEP = Math.cbrt(Math.ulp(1.0));

    /** The mode search from {@code start}, then the Hessian there. */
    public static LaplaceApproximation of(LogDensity density, double[] start, Lbfgs lbfgs) {
        Lbfgs.Result r = lbfgs.minimize(density.negated(), start);
        return new LaplaceApproximation(r.x(), negativeHessian(density, r.x()), r);
    }

    /** {@code -∇² log p} at {@code u} by central differences of the gradient, symmetrized. */
    public static Tensor negativeHessian(LogDensity density, double[] u) {
        int d = u.length;
        double[] h = new double[d * d];
        double[] plus = new double[d];
        double[] minus = new double[d];
        double[] x = u.clone();
        for (int i = 0; i < d; i++) {
            double step = STEP * Math.max(1.0, Math.abs(u[i]));
            x[i] = u[i] + step;
            density.valueAndGradient(x, plus);
            x[i] = u[i] - step;
            density.valueAndGradient(x, minus);
            x[i] = u[i];
            for (int j = 0; j < d; j++) {
                h[i * d + j] = -(plus[j] - minus[j]) / (2 * step);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i * d + j] + h[j * d + i]);
                h[i * d + j] = s;
                h[j * d + i] = s;
            }
        }
        return Tensor.of(h, d, d);
    }

    /** The Cholesky factor of {@code H}, when {@code H} is finite and positive definite. */
    public Optional<Tensor> precisionCholesky() {
        if (!precision.allFinite()) {
            return Optional.empty();
        }
        try {
            Tensor l = LinearAlgebra.cholesky(precision);
            return l.allFinite() ? Optional.of(l) : Optional.empty();
        } catch (IllegalArgumentException | ArithmeticException notPositiveDefinite) {
            return Optional.empty();
        }
    }
}
