package io.github.elbo4j.infer.guide;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;

/**
 * The Laplace approximation as a guide (Bishop 2006, PRML, sec. 4.4; Pyro's
 * {@code AutoLaplaceApproximation}): {@code q(u) = N(û, H⁻¹)} over the unconstrained vector, with
 * {@code û} the mode of {@code log p(u | x) = log p(x, T(u)) + log|det J_T(u)|} found by L-BFGS and
 * {@code H = -∇² log p(û | x)} by central differences of the exact (reverse-mode) gradient,
 * symmetrized ({@code io.github.elbo4j.infer.run.LaplaceApproximation}: Nocedal &amp; Wright 2006,
 * sec. 8.1, {@code 2D} gradient evaluations). Nothing is optimized after that: the guide has no
 * parameters; it draws {@code v ~ N(0, I)} as the site {@code _auto_latent} and maps it by the
 * dense coordinates {@code u = û + C v}, {@code C = L⁻ᵀ} with {@code L Lᵀ = H}. A Hessian that is
 * not positive definite at the mode is an error that names the site (no silent regularization).
 */
public record AutoLaplace() implements AutoGuide {

    /** The guide in the Laplace coordinates {@code pre} (shift {@code û}, dense factor {@code C}). */
    @Override
    public Model guideFor(LatentLayout layout, Preconditioner pre) {
        if (pre.isDiagonal()) {
            throw new IllegalArgumentException("a Laplace guide needs the dense coordinates of its mode and Hessian "
                    + "(Svi computes them); got " + (pre.isIdentity() ? "the identity" : "a diagonal preconditioner"));
        }
        int d = layout.dimension();
        Var zero = Var.constant(Tensor.zeros(d));
        Var one = Var.constant(Tensor.ones(d));
        return m -> {
            Var v = m.sample(LatentSites.LATENT, Normal.of(zero, one).toEvent(1));
            LatentSites.emit(m, layout, pre, v);
        };
    }

    /** {@code N(û, C Cᵀ) = N(û, H⁻¹)}. */
    @Override
    public GaussianMoments moments(Map<String, Tensor> parameters, Preconditioner pre) {
        return new GaussianMoments(pre.shift(), pre.mapFactor(Tensor.eye(pre.dimension())));
    }

    @Override
    public Preconditioner preconditioner(Tensor mode, Tensor precisionCholesky) {
        return AutoGuide.denseFromPrecision(mode, precisionCholesky);
    }

    @Override
    public String familyName() {
        return "laplace";
    }
}
