package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.autodiff.CustomFunction;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;

/**
 * The squared Mahalanobis distances {@code q_m = ‖L⁻¹(x_m - μ)‖²} of the rows {@code x_m} of
 * {@code X} {@code [M, d]} from one mean {@code μ} {@code [d]} under one Cholesky factor {@code L}
 * {@code [d, d]}: the hot path of the multivariate normal's log-density, as one differentiable
 * operation whose pullback is derived by hand so that it needs two triangular solves and one
 * matrix product, and no transposed copy of an {@code M×d} array in the backward pass.
 *
 * <p>Forward: {@code D = (X - 1μᵀ)ᵀ} {@code [d, M]}, {@code Z = L⁻¹ D} (forward substitution with
 * the {@code M} draws as right-hand sides), {@code q_m = Σ_i Z_im²}.
 *
 * <p>Pullback, for the output adjoint {@code ḡ} {@code [M]} (reverse-mode rules for the solve from
 * Giles, "An extended collection of matrix derivative results", 2008, sec. 2.3.1):
 * <pre>
 *   Z̄ = 2 Z diag(ḡ)
 *   dZ = L⁻¹ (dD - dL Z)   ⇒   B̄ := D̄ = L⁻ᵀ Z̄,   L̄ = -tril(B̄ Zᵀ)   (only the lower triangle of L is read)
 *   X̄ = B̄ᵀ,   μ̄ = -B̄ 1 =: -s
 *   B̄ Zᵀ = B̄ Dᵀ L⁻ᵀ = (B̄ X - s μᵀ) L⁻ᵀ = (L⁻¹ Pᵀ)ᵀ  with  P = B̄ X - s μᵀ  [d, d]
 * </pre>
 * so {@code L̄} costs one {@code d×M×d} product with {@code X} as stored and a {@code d×d} solve.
 */
public final class CholeskyMahalanobis {

    private CholeskyMahalanobis() {
    }

    /** {@code q} {@code [M]} for {@code scaleTril} {@code [d, d]}, {@code loc} {@code [d]}, {@code rows} {@code [M, d]}. */
    public static Var of(Var scaleTril, Var loc, Var rows) {
        Tensor l = scaleTril.value();
        Tensor mu = loc.value();
        Tensor x = rows.value();
        Tensor z = LinearAlgebra.triangularSolve(l, x.sub(mu).transpose(), true, false);
        Tensor q = z.square().sum(-2);
        Tensor[] cache = new Tensor[2];
        return CustomFunction.apply(q, (g, k) -> {
            if (cache[0] != g) {
                cache[0] = g;
                cache[1] = LinearAlgebra.triangularSolve(l, z.mul(g.mul(2.0)), true, true);
            }
            Tensor bBar = cache[1];
            if (k == 0) {
                Tensor s = bBar.sum(-1);
                Tensor p = bBar.matmul(x).sub(s.unsqueeze(-1).mul(mu.unsqueeze(0)));
                return LinearAlgebra.tril(LinearAlgebra.triangularSolve(l, p.transpose(), true, false).transpose(), 0).neg();
            }
            if (k == 1) {
                return bBar.sum(-1).neg();
            }
            return bBar.transpose();
        }, scaleTril, loc, rows);
    }
}
