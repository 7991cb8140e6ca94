package io.github.elbo4j.infer.guide;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * A fixed affine change of coordinates {@code u = shift + C v} between the unconstrained vector
 * {@code u} of a model's latents and the coordinates {@code v} in which an automatic guide keeps
 * its parameters. With {@code shift} at the posterior mode and {@code C Cᵀ} the inverse Hessian
 * there (a Laplace approximation), the posterior is close to a standard normal in {@code v}, so
 * the guide starts near its optimum and the optimizer sees a well-conditioned problem, whatever
 * the scales and correlations of the posterior (preconditioning by the Laplace approximation;
 * Nocedal &amp; Wright 2006, sec. 5.1, on preconditioning; Giordano, Ingram &amp; Broderick,
 * JMLR 25(18), 2024, on deterministic ADVI started at the mode).
 *
 * <p>The density of {@code u} is that of {@code v} times {@code 1/|det C|}; the guides add
 * {@code -log|det C|} to {@code log q} so their ELBO is the ELBO in {@code u}.
 *
 * @param shift     the origin of {@code v} in {@code u}, shape {@code [D]}
 * @param factor    {@code C}: absent for the identity, {@code [D]} for a diagonal, {@code [D, D]} for a dense factor
 * @param logAbsDet {@code log|det C|}
 */
public record Preconditioner(Tensor shift, Tensor factor, double logAbsDet) {

    /** Validates the shapes. */
    public Preconditioner {
        int d = shift.size();
        if (shift.rank() != 1) {
            throw new IllegalArgumentException("Preconditioner shift must have shape [D], got " + Arrays.toString(shift.shape()));
        }
        if (factor != null && !(factor.rank() == 1 && factor.dim(0) == d) && !(factor.rank() == 2 && factor.dim(0) == d && factor.dim(1) == d)) {
            throw new IllegalArgumentException("Preconditioner factor must have shape [" + d + "] or [" + d + ", " + d + "], got "
                    + Arrays.toString(factor.shape()));
        }
        if (!Double.isFinite(logAbsDet)) {
            throw new IllegalArgumentException("Preconditioner logAbsDet must be finite, got " + logAbsDet);
        }
    }

    /** No change of coordinates: {@code u = v}. */
    public static Preconditioner identity(int dimension) {
        return new Preconditioner(Tensor.zeros(dimension), null, 0.0);
    }

    /** {@code u = shift + scales ⊙ v}, for mean-field guides. */
    public static Preconditioner diagonal(Tensor shift, Tensor scales) {
        return new Preconditioner(shift, scales, scales.log().sum().item());
    }

    /** {@code u = shift + C v}. */
    public static Preconditioner dense(Tensor shift, Tensor c, double logAbsDet) {
        return new Preconditioner(shift, c, logAbsDet);
    }

    /** True for {@code u = v}. */
    public boolean isIdentity() {
        return factor == null;
    }

    /** True when {@code C} is diagonal (or the identity). */
    public boolean isDiagonal() {
        return factor == null || factor.rank() == 1;
    }

    /** The length {@code D} of the vectors. */
    public int dimension() {
        return shift.size();
    }

    /** {@code u = shift + C v} for {@code v} of shape {@code [..., D]}. */
    public Var apply(Var v) {
        if (factor == null) {
            return v;
        }
        Var scaled = factor.rank() == 1 ? v.mul(Var.constant(factor)) : v.matmul(Var.constant(factor.transpose()));
        return scaled.add(Var.constant(shift));
    }

    /** {@code u = shift + C v} for {@code v} of shape {@code [..., D]}. */
    public Tensor apply(Tensor v) {
        return apply(Var.constant(v)).value();
    }

    /** {@code C M} for a {@code [D, D]} matrix {@code M} (a scale factor in {@code v} mapped to {@code u}). */
    public Tensor mapFactor(Tensor m) {
        if (factor == null) {
            return m;
        }
        return factor.rank() == 1 ? m.mul(factor.reshape(factor.size(), 1)) : factor.matmul(m);
    }
}
